"""What each customer usually buys, read once per run for the matcher.

One row per customer, article and unit: how many order lines, and the smallest
and largest quantity, from the imported history (`catalog import --history`)
and the orders Intake accepted. Two grouped queries, whatever the size of the
history: the matcher never queries the store per line.
"""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from models.pipeline import OrderStatus
from models.reference import HabitRow
from models.tables import HistoryLine, Order, OrderLine


def habit_rows(session: Session) -> list[HabitRow]:
    """The imported history and the accepted orders, grouped by customer, article and unit."""
    imported = select(
        HistoryLine.customer_id,
        HistoryLine.sku,
        HistoryLine.unit,
        func.count(),
        func.min(HistoryLine.quantity),
        func.max(HistoryLine.quantity),
    ).group_by(col(HistoryLine.customer_id), col(HistoryLine.sku), col(HistoryLine.unit))
    taken = (
        select(
            Order.customer_id,
            OrderLine.sku,
            OrderLine.unit,
            func.count(),
            func.min(OrderLine.quantity),
            func.max(OrderLine.quantity),
        )
        .join(Order, col(Order.id) == col(OrderLine.order_id))
        .where(
            Order.status == OrderStatus.ACCEPTED,
            col(Order.customer_id).is_not(None),
            col(OrderLine.sku).is_not(None),
            col(OrderLine.quantity) > 0,
        )
        .group_by(col(Order.customer_id), col(OrderLine.sku), col(OrderLine.unit))
    )
    return [
        HabitRow(customer_id=customer, sku=sku, unit=unit, orders=count, low=low, high=high)
        for query in (imported, taken)
        for customer, sku, unit, count, low, high in session.exec(query)
    ]
