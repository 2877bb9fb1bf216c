"""Where a designation read in a sentence goes on past a word that would end it: the vehicle an article
fits after 'pour', 'for' ('plaquettes pour la Clio 4'), a second colour after 'et', 'and' ('rubalise
rouge et blanc')."""

from __future__ import annotations

import re

from parsers.text.variants import colour_pattern
from parsers.values.dates import date_words, month_number


def name_goes_on(rest: str, at: int, stop: str) -> bool:
    """The stop word at `at` is inside the name: a vehicle or a second colour follows it."""
    return (
        (stop in _FOR and _fits(rest, at + len(stop)))
        or (stop == " for " and _NAMED.match(rest, at + len(stop)) is not None)
        or (stop in _AND and _two_colours(rest, at, stop))
    )


def _two_colours(rest: str, at: int, stop: str) -> bool:
    """'rubalise rouge et blanc', 'black and white tape': one article in two colours, not two items."""
    return bool(_COLOUR_BEFORE.search(rest, 0, at)) and bool(_COLOUR_AFTER.match(rest, at + len(stop)))


def _fits(rest: str, at: int) -> bool:
    """'pour Sandero 1.0 sce', 'for the Golf 7': a name and a figure after 'pour', 'for' tell what the
    article fits, unless the name is a day or a month ('pour Lundi 12') or the figure a year ('pour le
    Salon 2026')."""
    fitting = _FITTING.match(rest, at)
    if fitting is None:
        return False
    word = fitting["word"].lower()
    year = re.fullmatch(r"(?:19|20)\d\d", fitting["figure"])
    return word not in date_words().weekdays and month_number(word) is None and year is None


_FOR = frozenset({" pour ", " for "})
# 'rear pads for the Sprinters', 'first aid kits for 10 people': a name or a figure after 'for' tells
# what the article fits, a place or a purpose in lower case ('for the new classrooms') what it is wanted for.
_NAMED = re.compile(r"(?:the\s+)?[A-Z][\w'’-]+|\d")
_AND = frozenset({" et ", " and "})
_COLOUR_BEFORE = re.compile(rf"\b(?:{colour_pattern()})$", re.I)
_COLOUR_AFTER = re.compile(
    rf"(?:{colour_pattern()})\b(?!\s+[^\W\d_]{{3,}}\s+(?:de|of)\b)(?=\s*(?:[,.;:!?)]|$|\s+(?:pour|for|et|and)\s))",
    re.I,
)
# 'pour la Clio 4 dCi', 'for the Golf 7': the vehicle, with or without an article before its name.
_FITTING = re.compile(
    r"(?:(?:la|le|les|l['’]|the)\s+)?(?P<word>[A-Z][\w'’-]+)(?:\s+[A-Za-z][\w'’.-]*)?\s+(?P<figure>\d+)"
)
