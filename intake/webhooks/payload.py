"""What a webhook carries: the event, and the order's contract record as it is then."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from models.rows import to_record
from models.tables import Order, OrderLine, WebhookDelivery


def event_payload(session: Session, delivery: WebhookDelivery) -> dict[str, Any]:
    """`{"id", "type", "created_at", "order": {record..., "id", "cursor"}}`."""
    order = session.get(Order, delivery.order_id)
    assert order is not None, f"order {delivery.order_id} vanished"
    lines = session.exec(
        select(OrderLine).where(OrderLine.order_id == order.id).order_by(col(OrderLine.line_no))
    )
    record = to_record(order, list(lines)).model_dump(mode="json")
    return {
        "id": delivery.event_id,
        "type": delivery.kind,
        "created_at": delivery.created_at.isoformat(),
        "order": record | {"id": order.id, "cursor": order.accepted_seq},
    }
