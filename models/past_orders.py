"""A customer's past orders as data: what the routing checks and follow-up linking compare with.

Plain models, apart from the store that reads them (models/history.py): the processes that
read messages get them as parameters and never import the store.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from models.pipeline import OrderRecord, OrderStatus


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
