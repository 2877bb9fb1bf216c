"""Events told about an accepted order (prepared, shipped, ...): stored once per idempotency key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import col, select

from models.feed import queue_order_event
from models.pipeline import OrderStatus
from models.store import Store
from models.tables import AuditEvent, Order, OrderEvent
from models.transaction import Transaction


@dataclass(frozen=True)
class Recorded:
    """What became of an event: `status` None when there is no such order; `row` None when
    the order is not accepted; `created` False when the key was already stored."""

    status: str | None
    row: OrderEvent | None = None
    created: bool = False
    notice: int | None = None


def record_order_event(
    store: Store,
    row: OrderEvent,
    audit: AuditEvent,
    *,
    feed_event: str | None,
    notice: Callable[[Transaction], int | None],
) -> Recorded:
    """Store the event, its audit, its feed event and its notice in one transaction.

    The order is locked first, so that two posts of one key store one event.
    """
    with store.session() as session:
        query = select(Order).where(Order.id == row.order_id).with_for_update()
        order = session.exec(query).first()
        if order is None:
            return Recorded(status=None)
        found = session.exec(
            select(OrderEvent).where(
                OrderEvent.order_id == row.order_id, OrderEvent.idempotency_key == row.idempotency_key
            )
        ).first()
        if found is not None:
            return Recorded(status=order.status, row=found)
        if order.status != OrderStatus.ACCEPTED.value:
            return Recorded(status=order.status)
        session.add(row)
        session.flush()
        session.add(audit)
        if feed_event:
            queue_order_event(session, row.order_id, feed_event)
        mail = notice(session)
        session.commit()
        return Recorded(status=order.status, row=row, created=True, notice=mail)


def events_of(store: Store, order_id: int) -> list[OrderEvent]:
    """The order's events, in the order they were stored."""
    with store.session() as session:
        query = select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(col(OrderEvent.id))
        return list(session.exec(query))
