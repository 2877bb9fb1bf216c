"""The price our quoted quote or price list gives a line the reply names by its code.

"LX2160X  216X black high yield -> 6" under our "LX2160X  216X black high yield  EUR 119.00": the line is
ordered at the price quoted, not the catalogue's; a row writing the code beside one amount of money says it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedOrder, Provenance
from parsers.text.thread import QUOTED_PART
from parsers.values.numbers import parse_number

QUOTED_PRICE_RULE = "thread-quoted-price"
# An amount of money: a currency before or after a figure with its cents ('EUR 119.00', '1 329,00 €'); a space
# groups thousands only before three digits: '20   11,23 €' is a count and a price.
_AMOUNT = r"\d{1,3}(?:[  ]\d{3})*[.,]\d{2}"
_MONEY = re.compile(
    rf"(?:€|\bEUR\b|\bCHF\b|£)\s*(?P<before>{_AMOUNT})(?![\d.,])"
    rf"|(?<![\w.,])(?P<after>{_AMOUNT})\s*(?:€|\bEUR\b|\bCHF\b|£)",
    re.I,
)


def priced_as_quoted(order: ExtractedOrder, quoted: str) -> ExtractedOrder:
    """`order` with each coded line left unpriced priced as the one quoted row writing its code does,
    when that row writes one amount of money."""
    for line in order.lines:
        if line.unit_price is not None or line.code is None or not line.code.value:
            continue
        found = _quoted_price(line.code.value, quoted)
        if found is not None:
            value, span = found
            where = Provenance(part=QUOTED_PART, span=span, rule=QUOTED_PRICE_RULE)
            line.unit_price = Extracted[Decimal](value=value, confidence=0.8, provenance=where)
    return order


def _quoted_price(code: str, quoted: str) -> tuple[Decimal, tuple[int, int]] | None:
    written = re.compile(rf"(?<![\w\-./]){re.escape(code)}(?![\w\-])", re.I)
    rows = [row for row in re.finditer(r"[^\n]+", quoted) if written.search(row.group(0))]
    if len(rows) != 1:
        return None
    amounts = list(_MONEY.finditer(rows[0].group(0)))
    if len(amounts) != 1:
        return None
    value = parse_number(amounts[0]["before"] or amounts[0]["after"])
    if value is None:
        return None
    return value, (rows[0].start() + amounts[0].start(), rows[0].start() + amounts[0].end())
