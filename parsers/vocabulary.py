"""The layout vocabulary (parsers/vocab/layout.toml): column names, field labels, row and title words.

Loaded once and validated: a wrong key or an empty list is a ConfigError that
names the file and the key. Phrases are compared after `normalize`, so the
file is written without accents or punctuation.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from models import ConfigError

VOCAB_FILE = Path(__file__).with_name("vocab") / "layout.toml"

COLUMN_ROLES = [
    "code",
    "supplier_code",
    "ean",
    "description",
    "quantity",
    "unit",
    "pack",
    "unit_price",
    "amount",
    "line_no",
    "vat",
    "discount",
    "delivery",
    "comment",
]
FIELD_NAMES = ["po_number", "order_date", "delivery_date", "ship_to", "buyer_vat", "total_excl_vat"]
KIND_NAMES = ["purchase_order", "quote", "invoice", "delivery_note", "credit_note"]

_PUNCT = re.compile(r"[^\w]+")
_DEGREE = re.compile(r"(?<=\w)[°º]")


def normalize(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: 'Qté cdée' -> 'qte cdee', 'Art.-Nr.' -> 'art nr'."""
    text = _DEGREE.sub(" ", text.lower().replace("ß", "ss"))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", text.replace("_", " ")).split())


class LayoutVocabulary(BaseModel):
    """Phrases per role, normalized at load."""

    model_config = ConfigDict(frozen=True)

    columns: dict[str, tuple[str, ...]]
    fields: dict[str, tuple[str, ...]]
    rows: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]

    def merged(self, extra: LayoutVocabulary) -> LayoutVocabulary:
        """This vocabulary with another's phrases added in front (a layout rule's own words)."""

        def join(a: dict[str, tuple[str, ...]], b: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
            # A phrase the rule gives a role to leaves every other role.
            claimed = {p for phrases in b.values() for p in phrases}
            return {
                k: tuple(b.get(k, ())) + tuple(p for p in a.get(k, ()) if p not in claimed)
                for k in a.keys() | b.keys()
            }

        return LayoutVocabulary(
            columns=join(self.columns, extra.columns),
            fields=join(self.fields, extra.fields),
            rows=join(self.rows, extra.rows),
            kinds=join(self.kinds, extra.kinds),
        )


_ALLOWED = {
    "columns": set(COLUMN_ROLES),
    "fields": set(FIELD_NAMES),
    "rows": {"total", "carried", "line_count"},
    "kinds": set(KIND_NAMES),
}


def parse_vocabulary(data: dict, *, source: str, partial: bool = False) -> LayoutVocabulary:
    """Validate the sections of a vocabulary table; every problem names the source and the key."""
    sections: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, allowed in _ALLOWED.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ConfigError(source, section, "must be a table of lists of phrases")
        if not table and not partial:
            raise ConfigError(source, section, "is missing or empty")
        sections[section] = {}
        for key, phrases in table.items():
            where = f"{section}.{key}"
            if key not in allowed:
                raise ConfigError(source, where, f"unknown name; expected one of {sorted(allowed)}")
            if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) for p in phrases):
                raise ConfigError(source, where, "must be a non-empty list of strings")
            normalized = tuple(n for n in (normalize(p) for p in phrases) if n)
            if len(normalized) != len(phrases):
                raise ConfigError(source, where, "a phrase is empty once punctuation is removed")
            sections[section][key] = normalized
    unknown = set(data) - set(_ALLOWED)
    if unknown:
        raise ConfigError(source, sorted(unknown)[0], f"unknown section; expected {sorted(_ALLOWED)}")
    try:
        return LayoutVocabulary(**sections)
    except ValidationError as exc:  # pragma: no cover - the checks above cover the shapes
        raise ConfigError(source, "vocabulary", str(exc)) from exc


def load_vocabulary(path: Path) -> LayoutVocabulary:
    """Read and validate a vocabulary TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), "file", f"cannot be read as TOML ({exc})") from exc
    return parse_vocabulary(data, source=str(path))


@cache
def default_vocabulary() -> LayoutVocabulary:
    """The vocabulary shipped with Intake, loaded once per process."""
    return load_vocabulary(VOCAB_FILE)


def match_phrases(
    tokens: list[str], table: dict[str, tuple[str, ...]], owners: list[int] | None = None
) -> list[tuple[str, int, int]]:
    """Split normalized tokens into (role, start, end) spans, the longest phrase first at each place.

    Tokens that start no phrase are left out of the spans. With `owners` (the printed
    word of each token) a phrase must cover whole words: 'PO' in 'PO-TEST-2' is no label.
    """
    phrases = _phrase_index(tuple(sorted((k, v) for k, v in table.items())))
    spans: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        for size in range(min(6, len(tokens) - i), 0, -1):
            role = phrases.get(" ".join(tokens[i : i + size]))
            if role and owners is not None and not _whole_words(owners, i, i + size):
                continue
            if role:
                spans.append((role, i, i + size))
                i += size
                break
        else:
            i += 1
    return spans


def _whole_words(owners: list[int], start: int, end: int) -> bool:
    starts = start == 0 or owners[start - 1] != owners[start]
    ends = end == len(owners) or owners[end] != owners[end - 1]
    return starts and ends


@cache
def _phrase_index(items: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for role, phrases in items:
        for phrase in phrases:
            index.setdefault(phrase, role)
    return index


def starts_with(text: str, phrases: tuple[str, ...]) -> bool:
    """Does the normalized text begin with one of the phrases (as whole words)?"""
    norm = normalize(text)
    return any(norm == p or norm.startswith(p + " ") for p in phrases)
