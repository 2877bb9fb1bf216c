"""A line the customer replaces by the same article in several sizes, in a sentence under the list.

"mettez 10 paires en 42 et 4 en 43 au lieu des douze en 42", "make it 6 in L and 4 in XL instead of
the 10 in L": the line of the old count (in the old size, when the sentence names one) is the one
replaced; each count and size before 'au lieu de' is that line's article in that size. Anything less
sure (two lines of the old count, a size the line's name does not write) changes nothing, and the
routing check holds the order for a clerk.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models import ExtractedLine
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, read_quantity
from parsers.text.named_lines import significant
from parsers.text.variants import swap_size
from parsers.values.numbers import NUMBER, quantity_words_pattern
from parsers.values.units import normalise_unit

RULE = "text-split-change"
_SIZE = r"(?:(?:taille|size|pointure|en|in)\s+)+(?P<size>[\w/]{1,5})(?![\w/])"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    qty = rf"(?:{NUMBER}|{quantity_words_pattern()})"
    instead = re.compile(
        rf"\b(?:au lieu d(?:e|es|u)|à la place d(?:e|es|u)|instead of)\s+(?:the\s+|les\s+)?(?P<old>{qty})"
        rf"(?:\s+{UNIT_TOKEN})??(?:\s+{_SIZE})?",
        re.I,
    )
    sized = re.compile(rf"(?<![\w,.])(?P<qty>{qty})(?:\s+(?P<unit>{UNIT_TOKEN}))??\s+{_SIZE}", re.I)
    return instead, sized


def split_change(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, own: list[ExtractedLine]
) -> list[ExtractedLine] | None:
    """The lines with the one the sentence replaces by sizes in its place, None when it replaces none."""
    instead, sized = _patterns()
    found = instead.search(sentence)
    if found is None:
        return None
    old, approx = read_quantity(found["old"])
    items = list(sized.finditer(sentence[: found.start()]))
    if old is None or approx or len(items) < 2:
        return None  # one count for one line is the count change's
    target = _replaced(lines, own, old, found["size"], sentence)
    if target is None or target.description is None:
        return None
    made = [_sized_line(item, target, at=at, part=part) for item in items]
    if any(line is None for line in made):
        return None
    kept = [ln for ln in lines if ln not in own]
    place = kept.index(target)
    return [*kept[:place], *(ln for ln in made if ln is not None), *kept[place + 1 :]]


def _replaced(
    lines: list[ExtractedLine], own: list[ExtractedLine], old, size: str | None, sentence: str
) -> ExtractedLine | None:
    """The one line of the old count (in the size named, when one is; of those, the one the
    sentence names: 'For the nitrile gloves, make it ... instead of the 6')."""
    found = [
        ln
        for ln in lines
        if ln not in own
        and ln.quantity is not None
        and ln.quantity.value == old
        and ln.description is not None
        and (size is None or re.search(rf"(?<![\w/]){re.escape(size)}(?![\w/])", ln.description.value, re.I))
    ]
    if len(found) > 1:
        said = significant(sentence)
        found = [ln for ln in found if ln.description and significant(ln.description.value) & said]
    return found[0] if len(found) == 1 else None


def _sized_line(item: re.Match[str], target: ExtractedLine, *, at: int, part: str) -> ExtractedLine | None:
    quantity, approx = read_quantity(item["qty"])
    desc = swap_size(target.description.value, item["size"]) if target.description else None
    unit = normalise_unit(item["unit"].rstrip(".")) if item["unit"] else None
    if not quantity or approx or desc is None or (item["unit"] and unit is None):
        return None
    unit = unit or (target.unit.value if target.unit else None)
    span = (at + item.start(), at + item.end())
    return line_from_parts(
        part,
        span,
        desc=(desc, (at + item.start("size"), at + item.end("size"))),
        qty=(quantity, (at + item.start("qty"), at + item.end("qty"))),
        unit=(unit, span) if unit else None,
        rule=RULE,
        confidence=0.7,
    )
