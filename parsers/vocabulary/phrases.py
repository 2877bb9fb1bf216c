"""Phrases of a vocabulary found in text: normalized words, longest phrase first."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, wraps

_PUNCT = re.compile(r"[^\w]+")
_DEGREE = re.compile(r"(?<=\w)[°º]")
# Words, labels and cells are unaccented and normalized again by each reader and check that
# compares them: up to this length each is worked out once (the bodies they sit in are not kept).
_KEPT_CHARS = 80
_KEPT = 8192


def kept_when_short(work: Callable[[str], str]) -> Callable[[str], str]:
    """`work` of a text, worked out once for the short texts (words, labels, cells, units) that
    come back again and again."""
    kept = lru_cache(maxsize=_KEPT)(work)

    @wraps(work)
    def worked(text: str) -> str:
        return kept(text) if len(text) <= _KEPT_CHARS else work(text)

    return worked


@kept_when_short
def unaccented(text: str) -> str:
    """`text` decomposed (NFKD) without its combining marks: 'é' -> 'e', 'ﬁ' -> 'fi'."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():  # no mark to drop, as in most words: no pass over each character
        return decomposed
    # Each mark looked up once, however often the text writes it (a body holds a few distinct ones).
    marks = [c for c in set(decomposed) if unicodedata.combining(c)]
    return decomposed.translate(dict.fromkeys(map(ord, marks))) if marks else decomposed


@kept_when_short
def normalize(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: 'Qté cdée' -> 'qte cdee', 'Art.-Nr.' -> 'art nr'."""
    text = unaccented(_DEGREE.sub(" ", text.lower().replace("ß", "ss")))
    return " ".join(_PUNCT.sub(" ", text.replace("_", " ")).split())


def tokens_of(texts: list[str]) -> tuple[list[str], list[int]]:
    """The normalized tokens of printed words and, for each token, the index of its word."""
    tokens: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        for token in normalize(text).split():
            tokens.append(token)
            owners.append(i)
    return tokens, owners


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


def any_of(words: Iterable[str]) -> str:
    """The words as one regex alternation, escaped, the longest first: 'sans valve' is tried
    before 'sans', so a phrase wins over its first word."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
