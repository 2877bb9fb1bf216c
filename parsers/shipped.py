"""The spaCy pipelines the package ships (parsers/models/), loaded the one way.

`spacy.load` would import spaCy's French module, whose tokenizer exceptions compile
one regular expression of 1.4 MB on import (its word-with-hyphen shapes, under
IGNORECASE, over the whole Unicode alphabet: ~1.7 s of CPU), and then compile it
again from the shipped tokenizer. Here the pipelines are built by a French
`Language` that does not import that module, and their tokenizer is loaded from
the shipped bytes with that expression rewritten in an equivalent, compact form:
its alternatives that differ in one place only are joined there, so each large
character class is compiled a handful of times instead of ~480.
tests/parsers/test_shipped.py holds the tokens, categories and entities of every
fixture text to spaCy's own loading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import srsly

from parsers.spacy_import import spacy

if TYPE_CHECKING:
    from spacy.language import Language

# A character class and its quantifier; only the long ones are factored out.
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\](?:[*+?]|\{\d*,?\d*\})?\??")
_LONG_CLASS = 100
_HEAD = "(?iu)(?:^"
_JOIN = "$)|(?:^"
_TAIL = "$)"


class ShippedDefaults(spacy.language.BaseDefaults):
    """French for the shipped pipelines: everything the tokenizer needs comes from its bytes.

    What French adds beyond the tokenizer (stop words, `like_num`, noun chunks) is read
    by none of the shipped components nor by the code asking them.
    """


class ShippedFrench(spacy.language.Language):
    lang = "fr"
    Defaults = ShippedDefaults


def load_pipeline(path: Path) -> Language:
    """The pipeline saved in `path`, as `spacy.load(path)` gives it."""
    util = spacy.util
    meta = util.get_model_meta(path)
    config = util.load_config(path / "config.cfg")
    if config["nlp"]["lang"] != ShippedFrench.lang:
        return util.load_model_from_path(path, meta=meta)
    nlp = ShippedFrench.from_config(config, auto_fill=False, meta=meta)
    nlp.from_disk(path, exclude=["tokenizer"])
    data = srsly.msgpack_loads((path / "tokenizer").read_bytes())
    if isinstance(data.get("token_match"), str):
        data["token_match"] = compact_alternatives(data["token_match"])
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(data))
    return nlp


@lru_cache(maxsize=4)
def compact_alternatives(pattern: str) -> str:
    """spaCy's `(?iu)(?:^A$)|(?:^B$)|...` with alternatives differing in one piece joined there.

    Only a pattern of exactly that shape, whose pieces are whole expressions, is
    rewritten (concatenation distributes over alternation, so the language stays the
    same); any other comes back as it was. Kept: the shipped pipelines share one tokenizer.
    """
    if not (pattern.startswith(_HEAD) and pattern.endswith(_TAIL)):
        return pattern
    alternatives = pattern[len(_HEAD) : -len(_TAIL)].split(_JOIN)
    if "(?iu)" + "|".join(f"(?:^{a}$)" for a in alternatives) != pattern:
        return pattern
    split = [_pieces(a) for a in alternatives]
    if any(s is None for s in split):
        return pattern
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for classes, texts in split:
        groups.setdefault(classes, []).append(texts)
    joined = [a for classes, texts in groups.items() for a in _join(classes, texts)]
    return "(?iu)" + "|".join(f"(?:^{a}$)" for a in joined)


def _pieces(alternative: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(long classes, the texts around them), or None when a text is not a whole expression."""
    classes = [m for m in _CLASS.finditer(alternative) if m.end() - m.start() > _LONG_CLASS]
    texts, start = [], 0
    for m in classes:
        if m.group(0).startswith(("[]", "[^]")):
            return None
        texts.append(alternative[start : m.start()])
        start = m.end()
    texts.append(alternative[start:])
    if not all(_whole(text) for text in texts):
        return None
    return tuple(m.group(0) for m in classes), tuple(texts)


def _whole(text: str) -> bool:
    """True when `text` stands alone: balanced groups, no bare `|`, no leading quantifier."""
    if text.startswith(("*", "+", "?", "{")):
        return False
    depth, i = 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            found = _CLASS.match(text, i)
            if found is None or found.group(0).startswith(("[]", "[^]")):
                return False
            i = found.end()
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0 or (char == "|" and depth == 0):
            return False
        i += 1
    return depth == 0


def _join(classes: tuple[str, ...], texts: list[tuple[str, ...]]) -> list[str]:
    """Alternatives sharing their long classes, joined at the text where they differ most."""
    best: dict[tuple[str, ...], list[str]] = {}
    at = 0
    for k in range(len(texts[0])):
        by_rest: dict[tuple[str, ...], list[str]] = {}
        for t in texts:
            by_rest.setdefault(t[:k] + t[k + 1 :], []).append(t[k])
        if not best or len(by_rest) < len(best):
            best, at = by_rest, k
    out = []
    for rest, variants in best.items():
        unique = list(dict.fromkeys(variants))
        piece = unique[0] if len(unique) == 1 else "(?:" + "|".join(unique) + ")"
        parts = [*rest[:at], piece, *rest[at:]]
        out.append("".join(p for pair in zip(parts, [*classes, ""], strict=True) for p in pair))
    return out
