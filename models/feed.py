"""The feed of accepted orders: a position per order, handed out in commit order.

An ERP reads the feed with "orders after position N" and remembers the last
position it saw. For that to miss nothing, no order may become visible with a
position lower than one already read. Ids and database sequences do not give
that: two writers take 5 and 6, the second commits first, a reader sees 6 and
moves past 5 before it is committed. Here the position comes from a counter row
updated in the accepting transaction: its row lock is held until that
transaction commits, so the next writer gets a higher number only after the
previous one is visible. Every path that accepts an order (the engine, a clerk,
a manual entry, the API) goes through a session flush, where the position is set,
or through the order writer (models/order_writer.py), which inserts rows and sets
it the same way.

The same flush queues the order's webhook events (accepted; changed when a
record field of an accepted order changes) for every active endpoint, in the
same transaction: an order is never accepted without its event, nor the reverse.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import event, inspect, literal, select, update
from sqlalchemy.orm import Session

from models.pipeline import OrderStatus
from models.tables import Counter, DeliveryState, Order, WebhookDelivery, WebhookEndpoint, utcnow

FEED_COUNTER = "accepted_orders"


def next_value(session: Session, name: str) -> int:
    """The counter's next value; its row stays locked until the session's transaction ends."""
    connection = session.connection()
    bumped = connection.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + 1))
    if bumped.rowcount == 0:
        # A store created before the counter existed: start it from what is already there.
        start = connection.execute(select(Order.accepted_seq).order_by(Order.accepted_seq.desc())).first()
        connection.execute(
            Counter.__table__.insert().values(name=name, value=(start[0] or 0) + 1 if start else 1)
        )
    return int(connection.execute(select(Counter.value).where(Counter.name == name)).scalar_one())


# The contract's fields: a change to one of them on an accepted order is news downstream.
RECORD_FIELDS = ("customer_id", "po_number", "order_date", "requested_delivery_date", "ship_to", "currency")
PENDING_EVENTS = "intake_webhook_events"


@event.listens_for(Session, "before_flush")
def _number_accepted_orders(session: Session, _context: Any, _instances: Any) -> None:
    events = session.info.setdefault(PENDING_EVENTS, [])
    for row in list(session.new) + list(session.dirty):
        if not isinstance(row, Order) or row.status != OrderStatus.ACCEPTED:
            continue
        if row.accepted_seq is None:
            row.accepted_seq = next_value(session, FEED_COUNTER)
            events.append((row, "order.accepted"))
        elif row in session.dirty and _record_changed(row):
            events.append((row, "order.changed"))


@event.listens_for(Session, "after_flush")
def _queue_webhook_events(session: Session, _context: Any) -> None:
    for row, kind in session.info.pop(PENDING_EVENTS, []):
        queue_order_event(session, row.id, kind)


def _record_changed(row: Order) -> bool:
    state = inspect(row)
    return any(state.attrs[name].history.has_changes() for name in RECORD_FIELDS)


def queue_order_event(session: Session, order_id: int, kind: str, *, at: dt.datetime | None = None) -> str:
    """Queue `kind` about the order for every active endpoint, in the session's transaction.

    One event id for all endpoints: the receivers' idempotency key. Returns it.
    """
    event_id = str(uuid.uuid4())
    endpoints = select(
        WebhookEndpoint.id,
        literal(event_id),
        literal(kind),
        literal(order_id),
        literal(DeliveryState.PENDING.value),
        literal(0),
        literal(at or utcnow(), WebhookDelivery.__table__.c.created_at.type),
    ).where(WebhookEndpoint.active == True)  # noqa: E712  (SQL, not Python truth)
    columns = ["endpoint_id", "event_id", "kind", "order_id", "state", "attempts", "created_at"]
    session.connection().execute(WebhookDelivery.__table__.insert().from_select(columns, endpoints))
    return event_id


@event.listens_for(Session, "after_soft_rollback")
def _forget_webhook_events(session: Session, _previous: Any) -> None:
    session.info.pop(PENDING_EVENTS, None)
