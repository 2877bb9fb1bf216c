"""What each customer usually buys, read in two grouped queries with the reference data."""

from __future__ import annotations

import datetime as dt

from models import HabitRow, HistoryRow, Store
from tests.factories.rows import make_order


def _history(customer: str, day: str, sku: str, quantity: float, unit: str | None) -> HistoryRow:
    return HistoryRow(
        customer_id=customer, order_date=dt.date.fromisoformat(day), sku=sku, quantity=quantity, unit=unit
    )


def test_habits_group_the_imported_lines_and_the_accepted_orders(any_store: Store) -> None:
    any_store.upsert_history(
        [
            _history("C1", "2026-10-01", "VIS-640", 3, None),
            _history("C1", "2026-10-08", "VIS-640", 5, None),
            _history("C1", "2026-10-15", "VIS-640", 2, "carton"),
            _history("C2", "2026-10-15", "CHEV-880", 1, None),
        ]
    )
    make_order(any_store, status="accepted", po="PO-1")  # C1: VIS-640 x1, CHEV-880 x2
    make_order(any_store, status="review", po="PO-2")  # not yet a habit
    habits = sorted(
        any_store.load_reference().habits, key=lambda h: (h.customer_id, h.sku, h.unit or "", h.orders)
    )
    assert habits == [
        HabitRow(customer_id="C1", sku="CHEV-880", unit=None, orders=1, low=2, high=2),
        HabitRow(customer_id="C1", sku="VIS-640", unit=None, orders=1, low=1, high=1),
        HabitRow(customer_id="C1", sku="VIS-640", unit=None, orders=2, low=3, high=5),
        HabitRow(customer_id="C1", sku="VIS-640", unit="carton", orders=1, low=2, high=2),
        HabitRow(customer_id="C2", sku="CHEV-880", unit=None, orders=1, low=1, high=1),
    ]
