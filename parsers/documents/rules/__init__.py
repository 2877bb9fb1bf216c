"""Per-customer layout rules: data files (TOML) for the layouts the generic reader gets wrong.

A rule adds its own words to the layout vocabulary (column names, field labels,
total rows, title words) for the documents it matches: by the sender's address
or domain, or by keywords that all appear in the document's first page. Every
file is validated at load; an error names the file and the key.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from models import ConfigError
from models.datafiles import read_toml
from parsers.vocabulary.layout import LayoutVocabulary, default_vocabulary, parse_vocabulary
from parsers.vocabulary.phrases import normalize

RULES_DIR = Path(__file__).parent


class LayoutRule(BaseModel):
    """One layout's rule: when it applies and the words it adds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    description: str = ""
    senders: tuple[str, ...] = ()  # "achats@example.fr" or a domain "example.fr"
    keywords: tuple[str, ...] = ()  # all must appear in the document's first page
    source: str = ""
    vocabulary: LayoutVocabulary

    def applies(self, sender: str, text: str) -> bool:
        """Does this rule match a document from `sender` whose first page reads `text`?"""
        sender = sender.lower()
        by_sender = any(sender == s or sender.endswith("@" + s) for s in self.senders)
        norm = normalize(text)
        by_words = bool(self.keywords) and all(normalize(k) in norm for k in self.keywords)
        return by_sender or by_words


def parse_rule(data: dict, *, source: str) -> LayoutRule:
    """A rule from its TOML table; ConfigError names the file and the key."""
    known = {"name", "description", "senders", "keywords", "columns", "fields", "rows", "kinds"}
    for key in data:
        if key not in known:
            raise ConfigError(source, key, f"unknown key; expected one of {sorted(known)}")
    if not data.get("senders") and not data.get("keywords"):
        raise ConfigError(source, "senders", "a rule needs senders or keywords to be chosen")
    vocab_part = {k: data[k] for k in ("columns", "fields", "rows", "kinds") if k in data}
    vocabulary = parse_vocabulary(vocab_part, source=source, partial=True)
    try:
        return LayoutRule(
            name=data.get("name", ""),
            description=data.get("description", ""),
            senders=tuple(s.lower() for s in data.get("senders", [])),
            keywords=tuple(data.get("keywords", [])),
            source=source,
            vocabulary=vocabulary,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(source, ".".join(str(p) for p in first["loc"]) or "rule", first["msg"]) from exc


def load_rules(folder: Path = RULES_DIR) -> tuple[LayoutRule, ...]:
    """Every *.toml rule of a folder, validated."""
    rules = []
    for path in sorted(folder.glob("*.toml")):
        rules.append(parse_rule(read_toml(path), source=str(path)))
    return tuple(rules)


@cache
def default_rules() -> tuple[LayoutRule, ...]:
    """The rules shipped in parsers/documents/rules/, loaded once per process."""
    return load_rules(RULES_DIR)


def vocabulary_for(
    rules: tuple[LayoutRule, ...], sender: str, text: str
) -> tuple[LayoutVocabulary, str | None]:
    """The generic vocabulary with the first matching rule's words added, and that rule's name."""
    base = default_vocabulary()
    for rule in rules:
        if rule.applies(sender, text):
            return base.merged(rule.vocabulary), rule.name
    return base, None
