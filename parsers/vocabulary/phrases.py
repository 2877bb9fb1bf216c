"""Phrases of a vocabulary found in text: normalized words, longest phrase first."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_PUNCT = re.compile(r"[^\w]+")
_DEGREE = re.compile(r"(?<=\w)[°º]")
# Words, labels and cells are unaccented and normalized again by each reader and check that
# compares them: up to this length each is worked out once (the bodies they sit in are not kept).
_KEPT_CHARS = 80
_KEPT = 8192


def unaccented(text: str) -> str:
    """`text` decomposed (NFKD) without its combining marks: 'é' -> 'e', 'ﬁ' -> 'fi'."""
    return _kept_unaccented(text) if len(text) <= _KEPT_CHARS else _unaccented(text)


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():  # no mark to drop, as in most words: no pass over each character
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_kept_unaccented = lru_cache(maxsize=_KEPT)(_unaccented)


def normalize(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: 'Qté cdée' -> 'qte cdee', 'Art.-Nr.' -> 'art nr'."""
    return _kept_normalized(text) if len(text) <= _KEPT_CHARS else _normalized(text)


def _normalized(text: str) -> str:
    text = unaccented(_DEGREE.sub(" ", text.lower().replace("ß", "ss")))
    return " ".join(_PUNCT.sub(" ", text.replace("_", " ")).split())


_kept_normalized = lru_cache(maxsize=_KEPT)(_normalized)


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
