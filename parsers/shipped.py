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
from re import _constants as sre
from re import _parser as sre_parser
from typing import TYPE_CHECKING, ClassVar

import srsly

from models.pattern_cache import kept
from parsers.spacy_import import spacy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# A character class and its quantifier; only the long ones are factored out.
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\](?:[*+?]|\{\d*,?\d*\})?\??")
_LONG_CLASS = 100
_HEAD = "(?iu)(?:^"
_JOIN = "$)|(?:^"
_TAIL = "$)"
# What joins French words into one token ('arc-en-ciel', "entr'ouvert"): hyphens and apostrophes.
_JOINERS = "-–—‐‑'’"
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


class ShippedDefaults(spacy.language.BaseDefaults):
    """French for the shipped pipelines: everything the tokenizer needs comes from its bytes.

    What French adds beyond the tokenizer (stop words, `like_num`, noun chunks) is read
    by none of the shipped components nor by the code asking them. The tokenizer the config
    builds has no rules of its own: the shipped bytes replace every one of them (exceptions,
    prefixes, suffixes, infixes, URLs), and spaCy's base exceptions and punctuation, loaded
    first, cost each pipeline ~0.01 s on the way to the first message read.
    """

    tokenizer_exceptions: ClassVar[dict[str, list[dict]]] = {}
    prefixes = suffixes = infixes = url_match = None


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
        data["token_match"] = token_match(data["token_match"])
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(data))
    nlp.tokenizer = PiecesCached(nlp.tokenizer)
    return nlp


@kept
def token_match(pattern: str) -> str:
    """The shipped tokenizer's `token_match` in its compact form, tried on joined words only."""
    return joined_words_only(compact_alternatives(pattern))


# The pieces spaCy's tokenizer looks up in its cache: runs of non-space characters, and runs of
# white space (less the one space that ends the word before them).
_PIECES = re.compile(r"\S+|\s+")


class PiecesCached:
    """A pipeline's tokenizer whose cache keeps every piece of a text the first time it is met.

    spaCy's tokenizer keeps how it cut each piece (a word with its punctuation) and finds it there
    the next time, but only until a special case ('M.', 'etc.', a quote mark) shows in the text:
    every piece after it is cut again with the prefix, suffix and infix patterns, however often
    it was met (about 20 times the cost of finding it cached, on a business mail). A new piece is
    first cut alone, which keeps it unless it holds a special case itself; the text is then cut
    as before, its pieces found. The tokens are the same: the cache holds what cutting gives."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.met: set[str] = set()

    def __call__(self, text: str) -> Doc:
        for found in _PIECES.finditer(text):
            piece = found.group()
            if piece[0] == " " and found.start():
                piece = piece[1:]
            if piece and piece not in self.met and len(self.met) < self.tokenizer.max_cache_size:
                self.met.add(piece)
                self.tokenizer(piece)
        return self.tokenizer(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.tokenizer, name)


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


def joined_words_only(pattern: str) -> str:
    """`pattern` (`(?iu)` then a whole expression) tried only on a word holding a hyphen or an
    apostrophe, when each of its matches holds one: the tokenizer asks it of every new word, and
    most hold neither. Any other pattern comes back as it was."""
    if not pattern.startswith("(?iu)"):
        return pattern
    try:
        parsed = sre_parser.parse(pattern)
    except re.error:
        return pattern
    if not _holds(list(parsed), frozenset(_JOINERS)):
        return pattern
    joiner = "[" + re.escape(_JOINERS) + "]"
    return f"(?iu)(?=[^{re.escape(_JOINERS)}]*{joiner})(?:{pattern[len('(?iu)') :]})"


def _holds(items: list[tuple[object, object]], chars: frozenset[str]) -> bool:
    """Every match of the sequence holds one of `chars`: one of its items always matches one."""
    for op, value in items:
        if op is sre.LITERAL and isinstance(value, int) and chr(value) in chars:
            return True
        if (
            op is sre.IN
            and isinstance(value, list)
            and all(kind is sre.LITERAL and chr(v) in chars for kind, v in value)
        ):
            return True
        if op is sre.BRANCH and all(_holds(list(branch), chars) for branch in value[1]):
            return True
        if op is sre.SUBPATTERN and _holds(list(value[-1]), chars):
            return True
        if op in _REPEATS and value[0] >= 1 and _holds(list(value[2]), chars):
            return True
    return False
