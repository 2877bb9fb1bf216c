"""A customer's past orders read from the store, as the routing checks need them.

Duplicates, the usual quantity range and the first orders of a new customer
are judged against what the store already holds; the checks receive these
models (models/past_orders.py) as parameters and never query the store themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam
from sqlmodel import Session, col, func, select

from models.past_orders import CustomerHistory, PastOrder
from models.pipeline import OrderStatus
from models.store import Store
from models.tables import HistoryLine, Order, OrderLine

# What `past_orders` reads of an order: selecting these alone spares loading each order's
# stored reading and reasons (JSON), which no check of the past looks at.
PAST_COLUMNS = (
    col(Order.id),
    col(Order.message_id),
    col(Order.po_number),
    col(Order.order_date),
    col(Order.created_at),
    col(Order.status),
)


# The statements asked for every order decided, built once: building a statement and its cache
# key again took as long as running it on SQLite.
# Four columns, not whole rows: a busy customer's 200 orders hold thousands of lines.
_LINES = (
    select(col(OrderLine.order_id), col(OrderLine.sku), col(OrderLine.quantity), col(OrderLine.unit))
    .where(col(OrderLine.order_id).in_(bindparam("ids", expanding=True)))
    .order_by(col(OrderLine.line_no))
)
_ACCEPTED = (
    select(func.count())
    .select_from(Order)
    .where(Order.customer_id == bindparam("customer_id"), Order.status == OrderStatus.ACCEPTED)
    .scalar_subquery()
)
_RECENT = (
    select(*PAST_COLUMNS, _ACCEPTED)
    .where(Order.customer_id == bindparam("customer_id"))
    .order_by(col(Order.id).desc())
    .limit(bindparam("limit"))
)
_IMPORTED = (
    select(
        HistoryLine.order_date,
        HistoryLine.po_number,
        HistoryLine.sku,
        HistoryLine.quantity,
        HistoryLine.unit,
    )
    .where(HistoryLine.customer_id == bindparam("customer_id"))
    .order_by(col(HistoryLine.order_date).desc(), col(HistoryLine.id))
    .limit(bindparam("limit"))
)


def past_orders(session: Session, orders: Sequence[Any]) -> list[PastOrder]:
    """Orders as linking needs them: their Message-ID, PO, day and (sku, quantity) lines in order.

    `orders` are `Order` rows, or rows of `PAST_COLUMNS`."""
    ids = [o.id for o in orders if o.id is not None]
    lines: dict[int, list[tuple[str, float]]] = {}
    units: dict[int, dict[str, str]] = {}
    if ids:
        for order_id, sku, quantity, unit in session.connection().execute(_LINES, {"ids": ids}):
            if sku is not None and quantity is not None:
                lines.setdefault(order_id, []).append((sku, quantity))
                if unit:
                    units.setdefault(order_id, {})[sku] = unit
    return [
        PastOrder(
            message_id=o.message_id,
            order_id=o.id,
            po_number=o.po_number,
            order_date=o.order_date,
            received_at=o.created_at,
            status=o.status,
            lines=lines.get(o.id or 0, []),
            units=units.get(o.id or 0, {}),
        )
        for o in orders
    ]


# The stored orders a customer's history holds, the latest.
RECENT_LIMIT = 200


def customer_history(store: Store, customer_id: str, *, limit: int = RECENT_LIMIT) -> CustomerHistory:
    """The `limit` most recent orders of a customer, with their lines, and its accepted count.

    One session, three queries: it is asked for every order decided."""
    with store.session() as session:
        rows = list(session.connection().execute(_RECENT, {"customer_id": customer_id, "limit": limit}))
        stored = past_orders(session, rows)
        imported = _imported(session, customer_id, limit)
    return CustomerHistory(
        customer_id=customer_id,
        accepted_count=(int(rows[0][-1]) if rows else 0) + len(imported),
        orders=[
            *imported,
            *stored,
        ],
    )


def imported_orders(store: Store, customer_id: str, *, limit: int = 200) -> list[PastOrder]:
    """The customer's orders placed before Intake (`catalog import --history`), most recent first.

    Lines of one date and PO make one order; each counts as accepted (the ERP took it).
    """
    with store.session() as session:
        return _imported(session, customer_id, limit)


def _imported(session: Session, customer_id: str, limit: int) -> list[PastOrder]:
    rows = session.connection().execute(_IMPORTED, {"customer_id": customer_id, "limit": limit * 20})
    grouped: dict[tuple[dt.date, str | None], list[tuple[str, float, str | None]]] = {}
    for day, po, sku, quantity, unit in rows:
        grouped.setdefault((day, po), []).append((sku, quantity, unit))
    return [
        PastOrder(
            message_id=f"history:{day.isoformat()}:{po or ''}",
            po_number=po,
            order_date=day,
            status=OrderStatus.ACCEPTED.value,
            lines=[(sku, quantity) for sku, quantity, _ in lines],
            units={sku: unit for sku, _, unit in lines if unit},
        )
        for (day, po), lines in list(grouped.items())[:limit]
    ]


def imported_order_counts(store: Store) -> dict[str, int]:
    """How many orders (one date and PO each) every customer placed before Intake."""
    with store.session() as session:
        orders = session.exec(
            select(HistoryLine.customer_id, HistoryLine.order_date, HistoryLine.po_number).distinct()
        )
        counts: dict[str, int] = {}
        for customer_id, _, _ in orders:
            counts[customer_id] = counts.get(customer_id, 0) + 1
    return counts
