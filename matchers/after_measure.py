"""What a customer writes after the last measure of an article's name: 'Nappe coton 140x240 cm coloris
3021 (bordeaux)', 'Mug céramique 33 cl logo Pantone 286', 'Sac kraft 12 L marquage 2 couleurs' name the
article up to the measure; what follows is the customer's own mark, colour or remark, which no
designation prints and which only lowers the score of the one article the name fits."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from matchers.habits import Habit
from matchers.index import CatalogIndex
from matchers.measures import MEASURES
from matchers.normalize import read_wording
from models import ExtractedLine, LineMatch
from parsers.vocabulary.phrases import any_of

# The least score of the name read alone (the routing's floor for a guess) and its least lead over the
# runner-up (half a clear one, as for a bracket set aside): a name that alone says which article.
FREE_SCORE = 0.65
FREE_LEAD = 0.05
Designate = Callable[[ExtractedLine, str, CatalogIndex, "dict[str, Habit] | None"], LineMatch]


@lru_cache(maxsize=1)
def _measure_written() -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.,])\d+(?:[.,]\d+)?\s*(?:{any_of(MEASURES)})(?![^\W_])", re.IGNORECASE)


def split_after_measure(wording: str) -> tuple[str, str]:
    """The name up to its last measure and what follows it; the wording and '' when no measure is
    written, nothing of a name before it, or no word after it."""
    measures = list(_measure_written().finditer(wording))
    if not measures:
        return wording, ""
    cut = measures[-1].end()
    name, tail = wording[:cut].strip(), wording[cut:].strip()
    if not re.search(r"[^\W\d_]{2,}", name[: measures[-1].start()]) or not re.search(r"\w", tail):
        return wording, ""
    return name, tail


def tells_twins_apart(tail: str, named: LineMatch, index: CatalogIndex) -> bool:
    """Does the tail print a word, a figure or a size that one of the name's runners-up prints: then it
    may have meant that one."""
    said = read_wording(tail)
    for candidate in named.candidates:
        if candidate.key == named.sku or candidate.key not in index.positions:
            continue
        printed = index.designations.wordings[index.positions[candidate.key]]
        if set(said.words) & set(printed.words) or said.numbers & printed.numbers:
            return True
        if {f for f in said.features if not f.startswith("num:")} & printed.features:
            return True
    return False


def named_before_tail(
    line: ExtractedLine,
    wording: str,
    index: CatalogIndex,
    habits: dict[str, Habit] | None,
    found: LineMatch,
    *,
    designate: Designate,
) -> LineMatch:
    """The article the name up to its last measure names clearly, when the whole wording named none but
    ranked it first, and the tail, a reference (a figure), tells none of its twins apart."""
    if found.sku is not None:
        return found
    name, tail = split_after_measure(wording)
    # A tail of words alone is rather the sentence around the article ('... qu'on attaque jeudi') than a
    # reference of the customer's own.
    if not any(c.isdigit() for c in tail):
        return found
    named = designate(line, name, index, habits)
    if named.sku is None or named.score < FREE_SCORE or named.margin < FREE_LEAD:
        return found
    if not found.candidates or found.candidates[0].key != named.sku:
        return found  # the whole wording, though below the floor, ranks another article first
    if tells_twins_apart(tail, named, index):
        return found  # the tail may have meant a twin
    return named
