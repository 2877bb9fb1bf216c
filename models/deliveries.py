"""The webhook queue's rows: claiming what is due, recording an outcome, listing, requeueing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from models.store import Store
from models.tables import DeliveryState, Order, OrderLine, WebhookDelivery, WebhookEndpoint, utcnow

# The body of a delivery, from the delivery and its order with its lines as they are now.
Payload = Callable[[WebhookDelivery, Order, list[OrderLine]], dict[str, Any]]


def claim_due(
    store: Store, at: dt.datetime, limit: int, *, lease: dt.timedelta, payload: Payload
) -> list[tuple[WebhookDelivery, WebhookEndpoint]]:
    """Take due rows for this process (their payload frozen on the first claim).

    One UPDATE takes them: on PostgreSQL its subquery locks the rows it picks
    and skips those another sender holds (FOR UPDATE SKIP LOCKED); on SQLite
    the statement is one write, and its condition is checked again under the
    write lock, so two senders never take the same row.
    """
    is_due = (
        # `sending` rows are due once their lease is over: the claim of a process that died.
        col(WebhookDelivery.state).in_([DeliveryState.PENDING, DeliveryState.SENDING]),
        or_(col(WebhookDelivery.next_attempt_at).is_(None), col(WebhookDelivery.next_attempt_at) <= at),
    )
    picked = (
        select(WebhookDelivery.id)
        .where(*is_due)
        .order_by(col(WebhookDelivery.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    with store.session() as session:
        taken = session.execute(
            update(WebhookDelivery)
            .where(col(WebhookDelivery.id).in_(picked.scalar_subquery()), *is_due)
            .values(state=DeliveryState.SENDING, next_attempt_at=at + lease)
            .returning(WebhookDelivery.id)
        )
        ids = sorted(row[0] for row in taken)
        claimed = []
        for delivery_id in ids:
            row = session.get(WebhookDelivery, delivery_id)
            assert row is not None
            if row.payload is None:
                row.payload = payload(row, *_order_with_lines(session, row.order_id))
            endpoint = session.get(WebhookEndpoint, row.endpoint_id)
            assert endpoint is not None
            claimed.append((row, endpoint))
        session.commit()
        return claimed


def _order_with_lines(session: Session, order_id: int) -> tuple[Order, list[OrderLine]]:
    order = session.get(Order, order_id)
    assert order is not None, f"order {order_id} vanished"
    lines = session.exec(
        select(OrderLine).where(OrderLine.order_id == order.id).order_by(col(OrderLine.line_no))
    )
    return order, list(lines)


def finish_delivery(
    store: Store,
    delivery_id: int | None,
    *,
    state: str,
    at: dt.datetime | None,
    error: str | None,
    attempts: int | None = None,
    retry: dt.datetime | None = None,
) -> None:
    """Record a try's outcome; `attempts` None counts one more try on the stored figure."""
    values: dict[str, object] = {"state": state, "last_error": error, "next_attempt_at": retry}
    values["attempts"] = attempts if attempts is not None else WebhookDelivery.attempts + 1
    if at is not None:
        values["delivered_at"] = at
    with store.session() as session:
        session.execute(
            update(WebhookDelivery).where(col(WebhookDelivery.id) == delivery_id).values(**values)
        )
        session.commit()


def requeue_failed(store: Store) -> int:
    """Put failed deliveries back in the queue, due now."""
    with store.session() as session:
        done = session.execute(
            update(WebhookDelivery)
            .where(col(WebhookDelivery.state) == DeliveryState.FAILED)
            .values(state=DeliveryState.PENDING, next_attempt_at=None, created_at=utcnow())
        )
        session.commit()
        return int(done.rowcount)  # type: ignore[attr-defined]


def list_deliveries(store: Store, state: str | None = None, limit: int = 200) -> list[WebhookDelivery]:
    with store.session() as session:
        query = select(WebhookDelivery).order_by(col(WebhookDelivery.id).desc()).limit(limit)
        if state:
            query = query.where(WebhookDelivery.state == state)
        return list(session.exec(query))
