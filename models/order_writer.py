"""The one writer of orders: a message's orders (Store.save_result) and an order with no
message (Store.add_order, a clerk's phone entry) are written by `insert_order`.

Rows, not objects: nothing reads them back in the writing session, and a folder of
messages writes hundreds of orders, each with dozens of lines. An accepted order is
numbered here as the flush of an object would number it (models/feed.py): its
position taken under the counter's lock, its webhook events queued in the same
transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from models.feed import FEED_COUNTER, next_value, queue_order_event
from models.json_text import encoded
from models.pipeline import OrderRecord, OrderStatus, ProcessedOrder
from models.tables import AuditEvent, Order, OrderLine, ReviewItem, utcnow

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
    connection = session.connection()
    values = _order_values(processed, actor=actor, message_pk=message_pk)
    if accepted:
        values["accepted_seq"] = next_value(session, FEED_COUNTER)
    # Statements with their values passed apart: compiled once, not once per order.
    order_id = int(connection.execute(insert(Order), values).inserted_primary_key[0])
    if accepted:
        queue_order_event(session, order_id, "order.accepted")
    backorder = set(processed.decision.backorder_lines)
    lines = [
        {
            "order_id": order_id,
            "backorder": line.line_no in backorder,
            "confidence": 1.0 if by_person else 0.0,
            **line.model_dump(),
        }
        for line in record.lines
    ]
    if lines:
        connection.execute(insert(OrderLine), lines)
    if record.status == OrderStatus.REVIEW:
        connection.execute(
            insert(ReviewItem), {"order_id": order_id, "message_pk": message_pk, "reasons": values["reasons"]}
        )
    source = f"{record.source}:" if by_person else ""
    connection.execute(
        insert(AuditEvent),
        {
            "actor": actor,
            "action": f"created:{source}{record.status.value}",
            "entity": "order",
            "entity_id": str(order_id),
            "before": None,
            "after": encoded(record),
        },
    )
    return order_id


def _order_values(processed: ProcessedOrder, *, actor: str, message_pk: int | None) -> dict[str, Any]:
    record = processed.record
    accepted = record.status == OrderStatus.ACCEPTED
    return {
        "message_pk": message_pk,
        "message_id": record.message_id,
        "source": record.source,
        "status": record.status.value,
        "customer_id": record.customer_id,
        "po_number": record.po_number,
        "order_date": record.order_date,
        "requested_delivery_date": record.requested_delivery_date,
        "ship_to": record.ship_to,
        "currency": record.currency,
        "confidence": record.confidence,
        "detail": encoded(processed.matched),
        "reasons": [r.model_dump(mode="json") for r in processed.decision.reasons],
        "decided_at": utcnow() if accepted else None,
        "decided_by": actor if accepted else None,
    }
