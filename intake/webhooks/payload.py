"""What a webhook carries: the event, and the order's contract record as it is then."""

from __future__ import annotations

from typing import Any

from models.rows import to_record
from models.tables import Order, OrderLine, WebhookDelivery


def event_payload(delivery: WebhookDelivery, order: Order, lines: list[OrderLine]) -> dict[str, Any]:
    """`{"id", "type", "created_at", "order": {record..., "id", "cursor"}}`."""
    record = to_record(order, lines).model_dump(mode="json")
    return {
        "id": delivery.event_id,
        "type": delivery.kind,
        "created_at": delivery.created_at.isoformat(),
        "order": record | {"id": order.id, "cursor": order.accepted_seq},
    }
