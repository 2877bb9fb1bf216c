"""The audit trail's writes: an event on an order's trail, in the caller's transaction.

A `models.transaction.Transaction` is a Session; it is typed as one here because
models.transaction imports the store, and the store's order writer audits."""

from __future__ import annotations

from sqlmodel import Session

from models.tables import AuditEvent


def audit_order(
    transaction: Session, order_id: int, actor: str, action: str, after: dict[str, object]
) -> None:
    """Put an event on the order's trail, in the caller's transaction."""
    transaction.add(
        AuditEvent(actor=actor, action=action, entity="order", entity_id=str(order_id), after=after)
    )
