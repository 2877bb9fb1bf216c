"""The one writer of orders: a message's orders (Store.save_result) and an order with no
message (Store.add_order, a clerk's phone entry) are written by `insert_order`."""

from __future__ import annotations

from sqlalchemy import insert
from sqlmodel import Session

from models.audit import audit_order
from models.pipeline import OrderRecord, OrderStatus, ProcessedOrder
from models.tables import Order, OrderLine, ReviewItem, utcnow

INTAKE = "intake"  # the actor of what Intake does on its own


def insert_order(
    session: Session, processed: ProcessedOrder, *, actor: str = INTAKE, message_pk: int | None = None
) -> int:
    """The one writer of orders: the order, its lines, its review item when held, the audit event.

    An order entered by a person (`actor` other than Intake) has lines as sure as
    typed, and its audit event names its source, since no message says where it came from.
    """
    record: OrderRecord = processed.record
    accepted = record.status == OrderStatus.ACCEPTED
    by_person = actor != INTAKE
    order = Order(
        message_pk=message_pk,
        message_id=record.message_id,
        source=record.source,
        status=record.status.value,
        customer_id=record.customer_id,
        po_number=record.po_number,
        order_date=record.order_date,
        requested_delivery_date=record.requested_delivery_date,
        ship_to=record.ship_to,
        currency=record.currency,
        confidence=record.confidence,
        detail=processed.matched.model_dump(mode="json"),
        reasons=[r.model_dump(mode="json") for r in processed.decision.reasons],
        decided_at=utcnow() if accepted else None,
        decided_by=actor if accepted else None,
    )
    session.add(order)
    session.flush()
    assert order.id is not None
    backorder = set(processed.decision.backorder_lines)
    lines = [
        {
            "order_id": order.id,
            "backorder": line.line_no in backorder,
            "confidence": 1.0 if by_person else 0.0,
            **line.model_dump(),
        }
        for line in record.lines
    ]
    if lines:  # rows, not objects: nothing reads them back in this session, and an order has dozens
        session.execute(insert(OrderLine), lines)
    if record.status == OrderStatus.REVIEW:
        session.add(ReviewItem(order_id=order.id, message_pk=message_pk, reasons=order.reasons))
    source = f"{record.source}:" if by_person else ""
    audit_order(
        session, order.id, actor, f"created:{source}{record.status.value}", record.model_dump(mode="json")
    )
    return order.id
