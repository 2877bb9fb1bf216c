"""A quantity read from figures glued to letters is part of the article's name, not its count.

'Motul 8100 X-clean 5W40 : 4' read as 5, 'ampoules H7 x 10' read as 7, 'batterie 12V 72Ah' read as 12,
'liquide DOT4-5 L' read as 5: the figure belongs to a grade, a size, a voltage or a code, and the count,
when the customer wrote one, is elsewhere. A count the customer glues to its unit ('5pcs', '10kg', '2btes')
or to its 'x' ('x12', '3x') is a count. When the line's own text writes the same figure standing alone too,
the reading is the same either way and nothing holds.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from intake.routing.checks.context import (
    CheckContext,
    line_reason,
    numbered,
    part_text,
    quantity_text,
    span_text,
)
from models import ReviewReason
from parsers.values.units import normalise_unit

_FIGURES = re.compile(r"\d+(?:[.,]\d+)?")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
# What a customer glues before a count: its 'x', a quantity's label ('x12', 'qté5', 'qty12').
_COUNT_MARKS = frozenset({"x", "qt", "qte", "qté", "qty", "nb", "q"})
_JOINS = "-/."


def check_quantity_glued(ctx: CheckContext) -> list[ReviewReason]:
    """A line whose quantity was read from figures that belong to a word of its name."""
    reasons = []
    for number, line in numbered(ctx.matched):
        quantity = line.line.quantity
        where = quantity.provenance if quantity else None
        if quantity is None or where is None or where.span is None or where.sheet:
            continue
        text = part_text(ctx.parsed, where.part)
        start, end = where.span
        if text is None or not 0 <= start < end <= len(text) or not _FIGURES.fullmatch(text[start:end]):
            continue
        word = glued_word(text, start, end)
        if word is None or quantity.value.normalize() in standing_alone(
            span_text(ctx.parsed, line.line.provenance)
        ):
            continue
        reasons.append(
            line_reason(
                "quantity_in_designation",
                number,
                f'the quantity {quantity_text(quantity.value)} was read inside "{word}", a part of the '
                "article's name (a size, a grade, a code): a clerk confirms the count",
                field="quantity",
            )
        )
    return reasons


def glued_word(text: str, start: int, end: int) -> str | None:
    """The word the figures at [start, end) are glued into, None when they stand as a count."""
    after = _LETTERS_AFTER.match(text, end)
    before = _LETTERS_BEFORE.search(text, 0, start)
    letters_after = after.group() if after else ""
    letters_before = before.group() if before else ""
    follows = text[end + len(letters_after) : end + len(letters_after) + 1]
    glued = (
        (letters_before and not _counted_after(text, start, letters_before))
        or (letters_after and not _count_glue(letters_after, follows))
        or _joined(text, start - 1, -1)
        or _joined(text, end, 1)
    )
    if not glued:
        return None
    left = start
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] in _JOINS):
        left -= 1
    right = end
    while right < len(text) and (text[right].isalnum() or text[right] in _JOINS):
        right += 1
    return text[left:right].strip(_JOINS)


def _count_glue(letters: str, follows: str) -> bool:
    """Letters a count is glued to: its 'x', whatever follows it ('3x', '3xCUK2939', '4x40'), or its
    unit ('5pcs', '10kg') before no figure."""
    return letters[0] in "xX×" or (not follows.isdigit() and normalise_unit(letters) is not None)


def _counted_after(text: str, start: int, letters: str) -> bool:
    """Letters before a count that mark it: its label ('qté5'), its 'x' alone or after a code ('x12',
    'T9x3', never '4x40') or after a measure ('5Lx2', '500mlx6'); never a code's letters ('DX6', 'H7')."""
    lowered = letters.lower()
    after_figure = text[start - len(letters) - 1 : start - len(letters)].isdigit()
    if lowered in _COUNT_MARKS:
        return not (after_figure and lowered in ("x", "×") and _figures_only(text, start - len(letters)))
    unit = letters[:-1]
    return lowered[-1] in "x×" and after_figure and normalise_unit(unit) is not None


def _figures_only(text: str, end: int) -> bool:
    """The word ending at `end` is figures alone: '4' of '4x40' is a size's, 'T9' of 'T9x3' a code."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,-/"):
        start -= 1
    return text[start:end].strip(".,-/").replace(",", "").replace(".", "").isdigit()


def _joined(text: str, at: int, step: int) -> bool:
    """A '-', '/' or '.' at `at` with a letter or a figure beyond it: 'DOT4-5', '10/12'."""
    beyond = at + step
    return 0 <= at < len(text) and text[at] in _JOINS and 0 <= beyond < len(text) and text[beyond].isalnum()


def standing_alone(text: str | None) -> set[Decimal]:
    """The figures of a text that stand as counts: glued to no word of a name."""
    values = set()
    for match in _FIGURES.finditer(text or ""):
        if glued_word(text or "", match.start(), match.end()) is None:
            try:
                values.add(Decimal(match.group().replace(",", ".")).normalize())
            except InvalidOperation:
                continue
    return values
