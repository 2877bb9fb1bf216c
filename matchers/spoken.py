"""Sizes said aloud, as the transcription of a phone message writes them: 'trois G un cinq' for the cable
'3G1,5', 'en cinquante' for its 50 m coil, 'boîte de dix' for the box of 10."""

from __future__ import annotations

import re
from functools import lru_cache

from parsers.values.numbers import word_numbers

# Below this, a number word after 'en'/'de' is a count or an article ('en un', 'de deux choses'), no size.
_LEAST_SIZE = 10


@lru_cache(maxsize=1)
def _spoken() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    table = {word: value for word, value in word_numbers().words.items() if " " not in word}
    numbers = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    # A cable's cores and section: 'trois g un cinq' (3G1,5), 'cinq g six' (5G6), 'trois g deux virgule cinq'.
    cores = re.compile(rf"\b({numbers})\s*g\s+({numbers})(?:\s+(?:virgule\s+)?(cinq|five))?\b")
    # A length or a pack said after its link: 'en cinquante', 'de cent', 'of twelve'.
    size = re.compile(rf"\b(en|de|of|in)\s+({numbers})\b(?!-)")
    return cores, size, table


def spoken_sizes(folded: str) -> str:
    """`folded` with the sizes said in words written in figures, as catalogues print them."""
    cores, size, table = _spoken()
    folded = cores.sub(lambda m: f"{table[m[1]]}g{table[m[2]]}{',5' if m[3] else ''}", folded)
    return size.sub(lambda m: f"{m[1]} {table[m[2]]}" if table[m[2]] >= _LEAST_SIZE else m[0], folded)
