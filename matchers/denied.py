"""What a name says its article is free of ('sans acide', 'sans parfum'), as a customer writes it in either
language ('acid-free', 'fragrance free'): the denial is a word of the name, which its twin without it lacks."""

from __future__ import annotations

import re
from typing import Protocol

# The English 'X-free' / 'X free' is the French 'sans X': the word before 'free' is what the article lacks.
_FREE_OF = re.compile(r"\b([^\W\d_]{3,})[\s-]free\b")


# 'pas besoin de PoE', 'no need for a lid': what the customer needs none of, a denial as 'sans' is.
_NEEDS_NONE = re.compile(
    r"\b(?:(?:pas|plus)\s+besoin\s+(?:de\s+|d['’]\s*|du\s+|des\s+)|no\s+need\s+(?:for|of)\s+(?:the\s+|an?\s+)?)"
)


def free_of(folded: str) -> str:
    """'acid-free paper' -> 'sans acid paper', 'switch (pas besoin de PoE)' -> 'switch (sans PoE)': read by
    the negation that follows."""
    return _FREE_OF.sub(r"sans \1", _NEEDS_NONE.sub("sans ", folded))


class Worded(Protocol):
    """A wording (matchers.normalize.Wording, which reads `free_of` here: no import back)."""

    @property
    def excluded(self) -> tuple[str, ...]: ...


def denials_lacking(query: Worded, candidate: Worded, denied: frozenset[str]) -> int:
    """How many of the wording's denials the catalogue prints on some article ('sans acide') this one does
    not print: its twin that says nothing of it is not what the customer asked for."""
    return sum(1 for word in query.excluded if word in denied and word not in candidate.excluded)
