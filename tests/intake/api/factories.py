"""Orders written straight into the store, as any accepting path would (engine, clerk, API)."""

from __future__ import annotations

import time

from models import Store
from models.tables import Order, OrderLine


def make_order(store: Store, *, status: str = "accepted", po: str = "PO-1", hold: float = 0.0) -> int:
    """One order with two lines; `hold` keeps its transaction open that long after the flush."""
    with store.session() as session:
        order = Order(message_id=f"<{po}@shop.example>", status=status, customer_id="C1", po_number=po)
        session.add(order)
        session.flush()
        assert order.id is not None
        for number, sku in enumerate(("VIS-640", "CHEV-880"), start=1):
            session.add(OrderLine(order_id=order.id, line_no=number, sku=sku, quantity=float(number)))
        session.flush()
        time.sleep(hold)
        session.commit()
        return order.id


def accept(store: Store, order_id: int) -> None:
    """A clerk's approval, reduced to its status change."""
    with store.session() as session:
        order = session.get(Order, order_id)
        assert order is not None
        order.status = "accepted"
        session.commit()
