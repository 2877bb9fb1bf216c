"""A quantity written '2.000' or '4,000' and read as two or four thousand.

ERP prints write every quantity to three decimals ('2.000 EA', '35,000 M'); French and German write
thousands with a dot ('1.500 étiquettes'). Nothing in the figure tells which: read as thousands, a
count of 2 goes out as 2000. A line read that way is confirmed by a clerk, unless the order's own
figures settle it: another of its quantities printed to three decimals that cannot be thousands
('0.500' beside '4.000').
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.routing.checks.context import CheckContext, line_reason, numbered, quantity_text, span_text
from models import ReviewReason

# One to three figures, a dot or a comma, three figures: thousands or three decimals.
_EITHER = re.compile(r"\s*(\d{1,3})[.,](\d{3})\s*")


def check_quantity_grouped(ctx: CheckContext) -> list[ReviewReason]:
    """A line whose quantity is the thousands reading of a figure that may as well be a count to three
    decimals."""
    written = _written_quantities(ctx)
    if any(_decimals_only(text) for text in written):
        return []
    thousands = {_as_thousands(text) for text in written} - {None}
    reasons = []
    for number, line in numbered(ctx.matched):
        quantity = line.line.quantity
        if quantity is None or quantity.value not in thousands:
            continue
        own = span_text(ctx.parsed, quantity.provenance)
        if own is not None and _as_thousands(own) != quantity.value:
            continue
        reasons.append(
            line_reason(
                "quantity_grouped",
                number,
                f"the quantity {quantity_text(quantity.value)} was read from "
                f'"{_figure(written, quantity.value)}", which may also be '
                f"{quantity_text(quantity.value / 1000)} printed to three decimals: a clerk confirms the count",
                field="quantity",
            )
        )
    return reasons


def _written_quantities(ctx: CheckContext) -> list[str]:
    """The quantities as written: each line's own figure in a text, each row's quantity cell in a document."""
    found = []
    for _, line in numbered(ctx.matched):
        quantity = line.line.quantity
        own = span_text(ctx.parsed, quantity.provenance) if quantity is not None else None
        if own is not None:
            found.append(own)
    found += [row.quantity for row in ctx.matched.order.rows if row.region == "lines" and row.quantity]
    return found


def _as_thousands(text: str) -> Decimal | None:
    match = _EITHER.fullmatch(text)
    return Decimal(match[1] + match[2]) if match else None


def _decimals_only(text: str) -> bool:
    """A figure printed to three decimals that cannot be thousands: '0.500'."""
    match = _EITHER.fullmatch(text)
    return match is not None and match[1] == "0"


def _figure(written: list[str], value: Decimal) -> str:
    return next((text.strip() for text in written if _as_thousands(text) == value), quantity_text(value))
