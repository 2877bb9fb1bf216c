"""The store's figures a metrics scrape reads: counts by state, queue depths, stage timestamps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from models.pipeline import OrderStatus
from models.store import Store
from models.tables import (
    DeliveryState,
    Message,
    Order,
    OutboxMail,
    OutboxState,
    ReviewItem,
    ReviewItemState,
    WebhookDelivery,
)

Pair = tuple[dt.datetime | None, dt.datetime | None]


@dataclass(frozen=True)
class StoreFigures:
    messages: dict[str, int]
    orders: dict[str, int]
    open_review: int
    webhooks_waiting: int
    webhooks_failed: int
    outbox_waiting: int
    processed: list[Pair]
    """(received, processed) of the messages processed since the window's start."""
    accepted: list[Pair]
    """(received, decided) of the orders accepted since the window's start."""


def store_figures(store: Store, since: dt.datetime) -> StoreFigures:
    """Every figure in one session, so that one scrape reads one moment of the store."""
    with store.session() as session:
        return StoreFigures(
            messages=_counts(session, Message.state),
            orders=_counts(session, Order.status),
            open_review=_count(session, ReviewItem.state == ReviewItemState.OPEN),
            webhooks_waiting=_count(
                session, col(WebhookDelivery.state).in_([DeliveryState.PENDING, DeliveryState.SENDING])
            ),
            webhooks_failed=_count(session, WebhookDelivery.state == DeliveryState.FAILED),
            outbox_waiting=_count(
                session, col(OutboxMail.state).in_([OutboxState.PENDING, OutboxState.SENDING])
            ),
            processed=list(
                session.exec(
                    select(Message.received_at, Message.processed_at).where(
                        col(Message.processed_at) >= since
                    )
                )
            ),
            accepted=list(
                session.exec(
                    select(Message.received_at, Order.decided_at)
                    .join(Order, col(Order.message_pk) == col(Message.id))
                    .where(Order.status == OrderStatus.ACCEPTED, col(Order.decided_at) >= since)
                )
            ),
        )


def _counts(session: Session, column: object) -> dict[str, int]:
    rows = session.exec(select(column, func.count()).group_by(column))  # type: ignore[call-overload]
    return {str(key): int(count) for key, count in rows}


def _count(session: Session, condition: object) -> int:
    return int(session.exec(select(func.count()).where(condition)).one())  # type: ignore[arg-type]
