"""Customers' histories kept in memory by the one process that writes a run's orders.

Every order decided asks for its customer's history (three queries, ~1 ms of the writing
process's CPU). Through a `Batch` on SQLite the store tells whether another connection wrote
since the last transaction began; as long as none did, a customer's history read once is the
store's own, provided the orders this process stores are added as they are stored. A message
that keeps a follow-up (it may change or cancel an earlier order), whose orders another worker
stored, or a store written elsewhere drops what is kept: it is read again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select
from sqlmodel import col

from models.batch import Batch
from models.followups import ABOUT_AN_ORDER
from models.history import RECENT_LIMIT, CustomerHistory, PastOrder, customer_history
from models.pipeline import OrderStatus, ProcessedOrder, ProcessResult
from models.tables import Order

_RECEIVED = select(col(Order.id), col(Order.created_at)).where(
    col(Order.id).in_(bindparam("ids", expanding=True))
)
_CUSTOMERS = select(col(Order.customer_id)).where(col(Order.message_id) == bindparam("message_id"))


@dataclass
class RecentHistories:
    """`histories(customer_id)`: the history `customer_history` reads, kept while it holds."""

    batch: Batch
    known: dict[str, CustomerHistory] = field(default_factory=dict)
    # Orders stored since their customer's history was read, each with its number, oldest first:
    # added when it is asked for again (the time each was stored read back then, at once).
    added: dict[str, list[tuple[int, PastOrder, bool]]] = field(default_factory=dict)
    seen: int | None = None  # the batch's count of writes by others when `known` was read

    def __call__(self, customer_id: str) -> CustomerHistory:
        seen = self.batch.begin()
        if seen is None or seen != self.seen:
            self.forget()
            self.seen = seen
        if seen is None:
            return customer_history(self.batch, customer_id)
        if customer_id not in self.known:
            self.known[customer_id] = customer_history(self.batch, customer_id)
        if added := self.added.pop(customer_id, None):
            ids = [order_id for order_id, _, _ in added]
            received = dict(self.batch.connection.execute(_RECEIVED, {"ids": ids}).all())
            for order_id, past, accepted in added:
                past.received_at = received[order_id]
                self.known[customer_id] = self.known[customer_id].with_stored(
                    past, accepted=accepted, limit=RECENT_LIMIT
                )
        return self.known[customer_id]

    def forget(self, customers: Iterable[str] | None = None) -> None:
        for customer in list(self.known) if customers is None else customers:
            self.known.pop(customer, None)
            self.added.pop(customer, None)

    def recorded(self, result: ProcessResult | None, order_ids: Sequence[int]) -> None:
        """A message's outcome just written: its orders added to their customers' histories. A
        follow-up kept may have cancelled the order it names: that order's customer is forgotten;
        all is when the message's orders were stored by another worker."""
        if result is None:  # failed: nothing of it stored but the failure
            return
        followup = result.followup
        if followup is not None and followup.kind in ABOUT_AN_ORDER and followup.link.refers_to:
            named = self.batch.connection.execute(_CUSTOMERS, {"message_id": followup.link.refers_to})
            self.forget(customer for (customer,) in named if customer is not None)
        if len(order_ids) != len(result.orders):
            self.forget()
            return
        self.stored(result.orders, order_ids)

    def stored(self, orders: Sequence[ProcessedOrder], order_ids: Sequence[int]) -> None:
        """A message's orders, just stored under `order_ids`, added to their customers' histories."""
        for order_id, processed in zip(order_ids, orders, strict=True):
            record = processed.record
            customer = record.customer_id
            if customer not in self.known:
                continue
            kept = self.known[customer].orders
            if any(o.order_id == order_id for o in kept):  # read back: stored by another worker
                self.forget()
                return
            # As `past_orders` reads it back: the lines with an article and a quantity, in order.
            lines = [x for x in record.lines if x.sku is not None and x.quantity is not None]
            past = PastOrder(
                message_id=record.message_id,
                order_id=order_id,
                po_number=record.po_number,
                order_date=record.order_date,
                status=record.status.value,
                lines=[(x.sku, x.quantity) for x in lines],
                units={x.sku: x.unit for x in lines if x.unit},
            )
            accepted = record.status == OrderStatus.ACCEPTED
            self.added.setdefault(customer, []).append((order_id, past, accepted))
