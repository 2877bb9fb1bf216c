"""Stored rows to pipeline models and back: the one place that knows both shapes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.listing import origin_of
from models.pipeline import OrderLineRecord, OrderRecord, OrderStatus, RawMessage
from models.tables import Message, MessageState, Order, OrderLine


def to_record(order: Order, lines: list[OrderLine]) -> OrderRecord:
    """The contract's record of a stored order and its lines."""
    return OrderRecord(
        message_id=order.message_id,
        source=order.source,
        status=OrderStatus(order.status),
        customer_id=order.customer_id,
        po_number=order.po_number,
        order_date=order.order_date,
        requested_delivery_date=order.requested_delivery_date,
        ship_to=order.ship_to,
        currency=order.currency,
        lines=[line_record(line) for line in lines],
        confidence=order.confidence,
    )


def line_record(line: OrderLine) -> OrderLineRecord:
    """The contract's record of one stored order line."""
    return OrderLineRecord(
        line_no=line.line_no,
        sku=line.sku,
        customer_ref=line.customer_ref,
        description=line.description,
        quantity=line.quantity,
        unit=line.unit,
        unit_price=line.unit_price,
    )


def message_row(raw: RawMessage, *, message_id: str | None) -> Message:
    """A new message row keeping the raw bytes and where they came from."""
    return Message(**message_values(raw, message_id=message_id))


def message_values(raw: RawMessage, *, message_id: str | None) -> dict[str, Any]:
    """The columns of a new message row (all but its number), as its object would write them:
    a batch of messages is inserted from these without an object each."""
    origin = raw.origin
    return {
        "sha256": raw.sha256,
        "message_id": message_id,
        "raw": raw.data,
        "origin_kind": origin.kind,
        "origin_path": origin.path,
        "account": origin.account,
        "folder": origin.folder,
        "uidvalidity": origin.uidvalidity,
        "uid": origin.uid,
        "subject": None,
        "sender": None,
        "received_at": raw.received_at.astimezone(dt.UTC),
        "processed_at": None,
        "state": MessageState.RECEIVED.value,
        "kind": None,
        "classification": None,
        "error": None,
        "attempts": 0,
        "claimed_by": None,
        "claim_expires_at": None,
    }


def stored_raw(row: Message) -> RawMessage:
    """The message as it was received, from its row in the store."""
    return RawMessage(data=row.raw, origin=origin_of(row), received_at=row.received_at)
