"""A labelled record turned into the matched order a perfect reader would produce.

Routing is judged on its own this way: whatever the parsers read today, the
decision on a perfectly read order must agree with the label's status.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from models import (
    Classification,
    CustomerMatch,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    LineMatch,
    MatchedOrder,
    MessageKind,
    ParsedMessage,
    PastOrder,
    ProductRow,
)
from parsers import parse_message


def read_parsed(path: Path) -> ParsedMessage:
    """The message as the MIME reader sees it, classified as an order with full confidence."""
    parsed = parse_message(path.read_bytes(), where=str(path))
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=1.0)
    return parsed


def perfect_line(line: dict[str, Any], products: dict[str, ProductRow]) -> LineMatch:
    """A line read and matched exactly; a price is 'printed' only where it differs from the catalogue."""
    product = products.get(line["sku"] or "")
    quantity = Decimal(str(line["quantity"]))
    price = line["unit_price"]
    printed = price is not None and product is not None and abs(price - (product.unit_price or 0)) > 1e-6
    # A perfect reader records the code the customer wrote: theirs when they used it, else ours.
    written = line["customer_ref"] or line["sku"]
    extracted = ExtractedLine(
        line_no=line["line_no"],
        code=Extracted[str](value=written) if written else None,
        description=Extracted[str](value=line["description"] or ""),
        quantity=Extracted[Decimal](value=quantity),
        unit_price=Extracted[Decimal](value=Decimal(str(price))) if printed else None,
    )
    found = line["sku"] is not None
    return LineMatch(
        line=extracted,
        sku=line["sku"],
        customer_ref=line["customer_ref"],
        score=1.0 if found else 0.0,
        margin=1.0 if found else 0.0,
        unit=line["unit"],
        quantity=quantity,
        unit_price=Decimal(str(price)) if price is not None else None,
    )


def perfect_order(record: dict[str, Any], products: dict[str, ProductRow]) -> MatchedOrder:
    """The whole labelled order, read and matched exactly."""
    po = record["po_number"]
    customer = record["customer_id"]
    day = record.get("requested_delivery_date")
    return MatchedOrder(
        order=ExtractedOrder(
            source=record["source"],
            po_number=Extracted[str](value=po) if po else None,
            requested_delivery_date=Extracted[dt.date](value=dt.date.fromisoformat(day)) if day else None,
            ship_to=Extracted[str](value=record["ship_to"]) if record["ship_to"] else None,
        ),
        customer=CustomerMatch(
            customer_id=customer, score=1.0 if customer else 0.0, margin=1.0 if customer else 0.0
        ),
        lines=[perfect_line(line, products) for line in record["lines"]],
        ship_to=record["ship_to"],
    )


def past_order(record: dict[str, Any], status: str) -> PastOrder:
    """A labelled record as the history would hold it once decided."""
    return PastOrder(
        message_id=record["message_id"],
        po_number=record["po_number"],
        order_date=dt.date.fromisoformat(record["order_date"]) if record["order_date"] else None,
        status=status,
        lines=[(line["sku"], float(line["quantity"])) for line in record["lines"] if line["sku"]],
    )
