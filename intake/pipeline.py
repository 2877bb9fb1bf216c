"""The one composer: a raw message in, its orders (read, matched, decided) out."""

from __future__ import annotations

from intake.decision import decide
from matchers import CatalogIndex, match_order
from models import (
    Decision,
    ExtractedOrder,
    MatchedOrder,
    OrderLineRecord,
    OrderRecord,
    ParsedMessage,
    ProcessedOrder,
    ProcessResult,
    RawMessage,
    Settings,
)
from parsers import classify, extract_orders, parse_message


def process(raw: RawMessage, *, index: CatalogIndex, settings: Settings) -> ProcessResult:
    """Run every stage on one message. Raises IntakeError when it cannot be read."""
    parsed = parse_message(raw.data, where=raw.origin.describe())
    parsed.classification = classify(parsed)
    if not parsed.classification.is_order:
        return ProcessResult(parsed=parsed)
    orders = []
    # An order whose lines could not be read still goes to a clerk (no_lines), never lost.
    for extracted in extract_orders(parsed) or [ExtractedOrder(source="email", part=parsed.text_part)]:
        matched = match_order(parsed, extracted, index)
        decision = decide(parsed, matched, settings=settings)
        orders.append(
            ProcessedOrder(matched=matched, decision=decision, record=build_record(parsed, matched, decision))
        )
    return ProcessResult(parsed=parsed, orders=orders)


def build_record(parsed: ParsedMessage, matched: MatchedOrder, decision: Decision) -> OrderRecord:
    """The contract's order record for one matched, decided order."""
    order = matched.order
    return OrderRecord(
        message_id=parsed.message_id,
        source=order.source,
        status=decision.status,
        customer_id=matched.customer.customer_id,
        po_number=order.po_number.value if order.po_number else None,
        order_date=order.order_date.value if order.order_date else parsed.local_date,
        requested_delivery_date=order.requested_delivery_date.value
        if order.requested_delivery_date
        else None,
        ship_to=matched.ship_to,
        currency=order.currency,
        lines=[
            OrderLineRecord(
                line_no=number,
                sku=line.sku,
                customer_ref=line.customer_ref,
                description=line.line.description.value if line.line.description else None,
                quantity=float(line.quantity) if line.quantity is not None else None,
                unit=line.unit,
                unit_price=float(line.unit_price) if line.unit_price is not None and line.sku else None,
            )
            for number, line in enumerate(matched.lines, start=1)
        ],
        confidence=decision.confidence,
    )
