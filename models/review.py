"""The review desk's rows: the orders waiting for a clerk, failed messages on the desk, an order's trail."""

from __future__ import annotations

from sqlmodel import col, select

from models.pipeline import OrderStatus
from models.store import Store
from models.tables import AuditEvent, Order, ReviewItem, ReviewItemState, utcnow
from models.transaction import Transaction


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


def audit_order(
    transaction: Transaction, order_id: int, actor: str, action: str, after: dict[str, object]
) -> None:
    """Put an event on the order's trail, in the caller's transaction."""
    transaction.add(
        AuditEvent(actor=actor, action=action, entity="order", entity_id=str(order_id), after=after)
    )
