"""How customers write an article code or a count inside one word, as the coverage check reads them.

A count glued to what it counts ('12xgants', '3xCUK2939', 'C27009x3', 'XLx5') and a
code written without the catalogue's spaces ('CUK2939' for 'CUK 2939') or with spaces
the catalogue has ('C 27 009') still name an article: a line the reader did not take
from such a span is a line the order would silently lose.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A word as codes are written: cut at spaces and separators; its edges are stripped.
TOKEN = re.compile(r"[^\s|;,\t/]+")
EDGE = "()[]{}<>:.!?\"'«»-–—•*·"
# A count before the word it counts: '12xgants', '3xCUK2939' (never '5x60', a size).
_COUNT_BEFORE = re.compile(r"^(\d{1,4}[x×*])([^\W\d_]{2,}[\w\-./]*)$")
# A count after a size: 'XLx5', 'T10x6' ('M8x65', a thread by its length, is no size of these).
_COUNT_AFTER_SIZE = re.compile(r"^((?:X{0,3}L|XS|S|M|\dXL|T\d{1,2}))([x×*]\d{1,4})$")
_GLUED_COUNT = re.compile(r"^\d{1,4}[x×*]|[x×*]\d{1,4}$", re.I)
# A code of the catalogue is looked up without its separators when it has this many letters or digits.
_SHORTEST = 4
# Tokens joined to find a code the catalogue writes with spaces ('C 27 009', '0 986 494 030').
_JOINED = 5


def tokens(text: str) -> list[str]:
    """The words of a span as codes are written: cut at spaces and separators, edges stripped."""
    return [t for t in (w.strip(EDGE) for w in TOKEN.findall(text)) if t]


def unglued(tokens: list[str]) -> list[str]:
    """The tokens with a glued count cut from the word it counts: '12xgants' -> '12x', 'gants'."""
    out: list[str] = []
    for token in tokens:
        found = _COUNT_BEFORE.match(token) or _COUNT_AFTER_SIZE.match(token)
        out.extend(found.groups() if found else (token,))
    return out


def compact(text: str) -> str:
    """A code as compared whatever its separators: letters and digits, lower case."""
    lowered = text.lower()
    return lowered if lowered.isalnum() else "".join(ch for ch in lowered if ch.isalnum())


@lru_cache(maxsize=4)
def _compact_codes(codes: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The codes without separators; and those of the codes the catalogue writes with spaces."""
    usable = [c for c in codes if len(compact(c)) >= _SHORTEST and any(ch.isdigit() for ch in c)]
    return frozenset(compact(c) for c in usable), frozenset(compact(c) for c in usable if " " in c)


def names_a_code(text: str, codes: frozenset[str]) -> bool:
    """The span writes an article code of the catalogue (`codes`, lower case), in any of its shapes.

    Its quantity may be glued to a size ('bidon 1 L2'), to the code ('3xCUK2939') or missing.
    A code of figures alone is taken only as written: a phone or a date cut in pairs is no code.
    """
    words = tokens(text)
    if any(w.lower() in codes for w in words):
        return True
    compacted, spaced = _compact_codes(codes)
    for word in words:
        bare = _GLUED_COUNT.sub("", word)
        if any(ch.isalpha() for ch in bare) and compact(bare) in compacted:
            return True
    return bool(spaced) and any(
        compact("".join(words[start:end])) in spaced
        for start in range(len(words))
        for end in range(start + 2, min(start + _JOINED, len(words)) + 1)
    )
