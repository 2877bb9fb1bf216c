"""The review desk's rows: the orders waiting for a clerk, failed messages on the desk, an order's trail."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlmodel import col, select

from models.pipeline import OrderStatus
from models.store import Store
from models.tables import AuditEvent, Customer, Message, Order, OrderLine, ReviewItem, ReviewItemState, utcnow


def waiting_order_ids(store: Store) -> list[int]:
    """The numbers of the orders in review, oldest first."""
    with store.session() as session:
        query = select(Order.id).where(Order.status == OrderStatus.REVIEW).order_by(col(Order.created_at))
        return [order_id for order_id in session.exec(query) if order_id is not None]


def audit_trail(store: Store, order_id: int) -> list[AuditEvent]:
    """Every event recorded on the order, oldest first."""
    with store.session() as session:
        query = (
            select(AuditEvent)
            .where(AuditEvent.entity == "order", AuditEvent.entity_id == str(order_id))
            .order_by(col(AuditEvent.at), col(AuditEvent.id))
        )
        return list(session.exec(query))


def dismiss_failed(store: Store, message_pk: int, *, user: str) -> bool:
    """Take a failed message off the desk (it stays stored, and `intake retry` can still take it)."""
    with store.session() as session:
        item = session.exec(
            select(ReviewItem).where(
                ReviewItem.message_pk == message_pk,
                ReviewItem.state == ReviewItemState.OPEN,
                col(ReviewItem.order_id).is_(None),
            )
        ).first()
        if item is None:
            return False
        item.state, item.closed_at, item.closed_by = ReviewItemState.CLOSED, utcnow(), user
        session.add(item)
        session.add(AuditEvent(actor=user, action="dismissed", entity="message", entity_id=str(message_pk)))
        session.commit()
        return True


@dataclass(frozen=True)
class DeskRows:
    orders: list[Order]
    """The orders in review, oldest first."""
    names: dict[str, str]
    """A customer's id -> its name."""
    messages: dict[int, Message]
    """The messages the orders came from, by number."""
    line_counts: Counter[int]
    """An order's number -> how many lines it has."""
    decided_since: int
    """Orders a clerk decided since the given moment."""
    failed: list[Message]
    """Failed messages on the desk (an open item without an order), oldest first."""


def desk_rows(store: Store, since: dt.datetime) -> DeskRows:
    with store.session() as session:
        orders = list(
            session.exec(select(Order).where(Order.status == OrderStatus.REVIEW).order_by(Order.created_at))
        )
        names = {c.customer_id: c.name for c in session.exec(select(Customer))}
        messages = {
            m.id: m
            for m in session.exec(
                select(Message).where(Message.id.in_([o.message_pk for o in orders if o.message_pk]))  # type: ignore[union-attr]
            )
        }
        counts = Counter(
            oid
            for oid in session.exec(
                select(OrderLine.order_id).where(OrderLine.order_id.in_([o.id for o in orders]))
            )  # type: ignore[attr-defined]
        )
        decided = session.exec(
            select(Order.id).where(Order.decided_at >= since, Order.decided_by != "intake")
        )  # type: ignore[operator]
        failed = session.exec(
            select(ReviewItem, Message)
            .join(Message, ReviewItem.message_pk == Message.id)  # type: ignore[arg-type]
            .where(ReviewItem.state == ReviewItemState.OPEN, ReviewItem.order_id.is_(None))  # type: ignore[union-attr]
            .order_by(Message.received_at)
        )
        return DeskRows(
            orders=orders,
            names=names,
            messages=messages,  # type: ignore[arg-type]
            line_counts=counts,
            decided_since=len(list(decided)),
            failed=[message for _, message in failed],
        )
