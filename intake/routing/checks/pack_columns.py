"""A row that writes a pack size, a count of packs and their product: which one is the quantity?

'Qté colis 100 | Nb colis 12 | Qté totale 1200': the row says three numbers of which one is
the other two multiplied. Whether 100 is the pack's content or a count of packs, and whether
the article is sold by the box or by the piece, is a reading of the columns a wrong guess turns
into ten times the goods. When the quantity read is one of the three, a clerk confirms it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import permutations

from intake.routing.checks.context import CheckContext, line_reason, numbered, quantity_of, quantity_text
from intake.routing.checks.coverage import overlaps
from models import LineMatch, ReviewReason, SourceRow

_WHOLE = re.compile(r"\d{1,6}")
_CELL = re.compile(r"\s*\|\s*|\t|\s{2,}")


def check_pack_columns(ctx: CheckContext) -> list[ReviewReason]:
    """A line read from a row whose whole numbers hold a pack size, a count and their product."""
    rows = [r for r in ctx.matched.order.rows if r.region == "lines" and r.provenance is not None]
    if not rows:
        return []
    reasons = []
    for number, line in numbered(ctx.matched):
        quantity = quantity_of(line)
        row = _row_of(rows, line)
        if quantity is None or row is None:
            continue
        product = ctx.products.get(line.sku or "")
        price = Decimal(str(product.unit_price)) if product and product.unit_price is not None else None
        triple = _pack_product(_whole_cells(row.text), price)
        if triple is not None and quantity.normalize() in triple:
            size, count, total = (quantity_text(v) for v in triple)
            reasons.append(
                line_reason(
                    "quantity_pack_or_count",
                    number,
                    f"the row writes {size} x {count} = {total}: is {quantity_text(quantity)} "
                    "the pack's content, the count of packs or the total?",
                    field="quantity",
                )
            )
    return reasons


def _row_of(rows: list[SourceRow], line: LineMatch) -> SourceRow | None:
    where = line.line.provenance
    return next((r for r in rows if where is not None and overlaps(r.provenance, where)), None)


def _whole_cells(text: str) -> list[Decimal]:
    """The row's cells that are whole numbers (a count, a pack size, a total)."""
    cells = [c.strip() for c in _CELL.split(text)]
    return [Decimal(c) for c in cells if _WHOLE.fullmatch(c)]


def _pack_product(values: list[Decimal], price: Decimal | None) -> tuple[Decimal, Decimal, Decimal] | None:
    """The row's three whole numbers, one the product of the other two (a size grid writes more
    than three); a quantity times its price is an amount."""
    if len(values) != 3 or min(values) <= 1:
        return None
    for a, b, c in permutations(values, 3):
        if a * b == c and a <= b and price not in (a, b):
            return a, b, c
    return None
