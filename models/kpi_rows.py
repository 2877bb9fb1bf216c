"""The rows the desk's figures are computed from, read in one session (one query per table)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import defer
from sqlmodel import col, func, select

from models.store import Store
from models.tables import AuditEvent, Message, Order, OrderEvent


@dataclass(frozen=True)
class KpiRows:
    orders: list[Order]
    """Every order, by number, without its read detail and reasons."""
    received: dict[int, dt.datetime]
    """A message's number -> when it was received."""
    events: list[AuditEvent]
    """Every audit event on an order."""
    shipped: dict[int, dt.datetime]
    """An order's number -> its first shipment told by the ERP."""


def kpi_rows(store: Store) -> KpiRows:
    with store.session() as session:
        # The read and matched detail is the bulk of an order row, and no figure needs it.
        query = select(Order).options(defer(Order.detail), defer(Order.reasons))  # type: ignore[arg-type]
        orders = list(session.exec(query.order_by(col(Order.id))))
        received = {
            pk: at for pk, at in session.exec(select(Message.id, Message.received_at)) if pk is not None
        }
        events = list(session.exec(select(AuditEvent).where(AuditEvent.entity == "order")))
        first_shipment = select(OrderEvent.order_id, func.min(OrderEvent.occurred_at)).where(
            OrderEvent.kind == "shipped"
        )
        shipped = {
            order_id: at for order_id, at in session.exec(first_shipment.group_by(OrderEvent.order_id))
        }
    return KpiRows(orders=orders, received=received, events=events, shipped=shipped)
