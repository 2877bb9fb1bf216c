"""A customer's past orders, as the routing checks need them.

Duplicates, the usual quantity range and the first orders of a new customer
are judged against what the store already holds; the checks receive this
model as a parameter and never query the store themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import bindparam
from sqlmodel import Session, col, func, select

from models.pipeline import OrderRecord, OrderStatus
from models.store import Store
from models.tables import HistoryLine, Order, OrderLine


class PastOrder(BaseModel):
    """One order already taken from a customer."""

    message_id: str
    order_id: int | None = None  # the stored order's number; None for one imported or not stored yet
    po_number: str | None = None
    order_date: dt.date | None = None  # the order's own date (printed, else the message's)
    received_at: dt.datetime | None = None  # when Intake took it in
    status: str = "review"
    lines: list[tuple[str, float]] = Field(default_factory=list)  # (sku, quantity)
    units: dict[str, str] = Field(default_factory=dict)  # sku -> the unit it was ordered in, when known

    @classmethod
    def from_record(cls, record: OrderRecord) -> PastOrder:
        """An order decided but not stored yet (an earlier order of the same message)."""
        return cls(
            message_id=record.message_id,
            po_number=record.po_number,
            order_date=record.order_date,
            status=record.status.value,
            lines=[(x.sku, x.quantity) for x in record.lines if x.sku is not None and x.quantity is not None],
            units={x.sku: x.unit for x in record.lines if x.sku is not None and x.unit},
        )

    @property
    def day(self) -> dt.date | None:
        """The date to compare and show: the order's date, else the day it came in."""
        return self.order_date or (self.received_at.date() if self.received_at else None)


class CustomerHistory(BaseModel):
    """The recent orders of one customer and how many were ever accepted."""

    customer_id: str
    orders: list[PastOrder] = Field(default_factory=list)
    accepted_count: int = 0

    def quantities(self, sku: str) -> list[float]:
        """Every quantity this customer ordered of `sku` in the orders known."""
        return [qty for order in self.orders for line_sku, qty in order.lines if line_sku == sku]

    def quantities_by_unit(self, sku: str) -> list[tuple[float, str | None]]:
        """Every (quantity, unit) of `sku` in this customer's accepted orders; the unit None when not known.

        An order held for review or rejected may carry the very quantity a clerk doubted:
        it does not teach what is usual."""
        return [
            (qty, order.units.get(sku))
            for order in self.orders
            if order.status == OrderStatus.ACCEPTED
            for line_sku, qty in order.lines
            if line_sku == sku
        ]

    def without(self, order_id: int) -> CustomerHistory:
        """This history less one stored order: an order is no duplicate of itself."""
        gone = [o for o in self.orders if o.order_id == order_id]
        accepted = sum(o.status == OrderStatus.ACCEPTED for o in gone)
        return self.model_copy(
            update={
                "orders": [o for o in self.orders if o.order_id != order_id],
                "accepted_count": self.accepted_count - accepted,
            }
        )

    def with_stored(self, order: PastOrder, *, accepted: bool, limit: int) -> CustomerHistory:
        """This history as `customer_history` read it, plus an order stored since: the latest of
        the `limit` stored orders kept, after those imported (which have no number)."""
        imported = [o for o in self.orders if o.order_id is None]
        stored = [order, *(o for o in self.orders if o.order_id is not None)][:limit]
        return self.model_copy(
            update={"orders": [*imported, *stored], "accepted_count": self.accepted_count + accepted}
        )

    def with_orders(self, extra: list[PastOrder]) -> CustomerHistory:
        """This history plus orders not stored yet (earlier orders of the same message)."""
        accepted = sum(o.status == OrderStatus.ACCEPTED for o in extra)
        return self.model_copy(
            update={"orders": [*extra, *self.orders], "accepted_count": self.accepted_count + accepted}
        )


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
