"""Totals carried over a page break must be what the lines read above them add up to.

A long document prints a subtotal at a page's end ("A reporter", "carried
forward", "sous-total page") and again at the next page's head ("Report",
"brought forward"). Each is a sum the lines read above it must reach: a row
the reader missed, or a quantity misread, shows there even when the document
prints no grand total, and the order is held with the page and the difference.
The check reads the document's printed rows, not the reader's code.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from intake.routing.checks.context import CheckContext, finite, money
from intake.routing.checks.reading import default_reading_rules
from models import ExtractedLine, Provenance, ReviewReason, Severity, SourceRow

CENT = Decimal("0.01")
# The amount a carried row ends with: '1 234,56', '1,234.56 EUR', '€ 980.00'.
# Cents are required: a bare number on such a row is a page number or a count.
_AMOUNT = re.compile(
    r"(\d{1,3}(?:[ \u00a0\u202f'.,]\d{3})*[.,]\d{2}|\d+[.,]\d{2})\s*(?:eur|euros?)?\W*$", re.I
)
_SEPARATORS = re.compile(r"[ \u00a0\u202f']")


def check_carried_totals(ctx: CheckContext) -> list[ReviewReason]:
    """A carried-over total the lines read above it do not add up to, neither over the page nor since the start."""
    order = ctx.matched.order
    carried = [(row, amount) for row in order.rows if (amount := carried_amount(row)) is not None]
    if not carried:
        return []
    placed = [(_place(line), _amount_of(line)) for line in (match.line for match in ctx.matched.lines)]
    if any(place is None or amount is None for place, amount in placed):
        return []  # a line whose place or amount is unknown: the sums cannot be told
    reasons = []
    for row, printed in carried:
        at = _place_of(row.provenance)
        if at is None:
            continue
        above = [amount for place, amount in placed if place < at]
        on_page = [amount for place, amount in placed if place < at and place[0] == at[0]]
        sums = {sum(above, Decimal(0)), sum(on_page, Decimal(0))}
        if all(abs(printed - s) > CENT * max(len(above), 1) for s in sums):
            reasons.append(_mismatch(row, printed, sum(above, Decimal(0))))
    return reasons


def carried_amount(row: SourceRow) -> Decimal | None:
    """The amount a row carries over a page break, when it is one ('A reporter | 1 234,56')."""
    text = row.text.strip()
    if not default_reading_rules().carried_pattern.match(text):
        return None
    found = _AMOUNT.search(text)
    return read_amount(found.group(1)) if found else None


def read_amount(text: str) -> Decimal | None:
    """A printed amount: the last '.' or ',' before two digits is the decimal mark."""
    raw = _SEPARATORS.sub("", text)
    mark = re.search(r"[.,](\d{2})$", raw)
    whole, decimals = (raw[: mark.start()], mark.group(1)) if mark else (raw, "")
    try:
        return finite(Decimal(whole.replace(".", "").replace(",", "") + (f".{decimals}" if decimals else "")))
    except InvalidOperation:
        return None


def _amount_of(line: ExtractedLine) -> Decimal | None:
    if line.amount is not None and finite(line.amount.value) is not None:
        return line.amount.value
    quantity = finite(line.quantity.value) if line.quantity else None
    price = finite(line.unit_price.value) if line.unit_price else None
    return quantity * price if quantity is not None and price is not None else None


def _place(line: ExtractedLine) -> tuple[int, float] | None:
    where = line.provenance or (line.amount.provenance if line.amount else None)
    return _place_of(where)


def _place_of(where: Provenance | None) -> tuple[int, float] | None:
    """(page, top): where a printed row sits, in reading order."""
    if where is None or where.page is None or where.bbox is None:
        return None
    return where.page, where.bbox[1]


def _mismatch(row: SourceRow, printed: Decimal, read: Decimal) -> ReviewReason:
    gap = printed - read
    page = row.provenance.page if row.provenance else None
    return ReviewReason(
        code="carried_total_mismatch",
        message=f"page {page}: the total carried over, {money(printed)}, is not the sum of the lines read "
        f"above it ({money(read)}): {money(abs(gap))} {'missing' if gap > 0 else 'too much'}",
        severity=Severity.ERROR,
        field="total_excl_vat",
        provenance=row.provenance,
        quoted=f"{money(printed)} / {money(read)} ({money(gap)})",
    )
