"""Rows written straight into a store: orders with known timings for the figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.tables import AuditEvent, Message, Order

T0 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)  # a Monday, ISO week 48
T1 = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)  # the next Monday, week 49


def at(base: dt.datetime, **delta: float) -> dt.datetime:
    return base + dt.timedelta(**delta)


# (order id, received, created, decided, decided_by, status, customer, channel)
ORDERS: list[tuple[int, dt.datetime, dt.datetime, dt.datetime | None, str | None, str, str | None, str]] = [
    (1, T0, T0, at(T0, seconds=60), "intake", "accepted", "A", "email"),
    (2, T0, T0, at(T0, seconds=180), "intake", "accepted", "A", "pdf"),
    (3, at(T0, hours=1), at(T0, hours=1, seconds=30), at(T0, hours=2, seconds=30), "marie", "accepted", "B", "email"),
    (4, T1, T1, at(T1, hours=2), "paul", "accepted", "B", "email"),
    (5, at(T1, hours=1), at(T1, hours=1), at(T1, hours=1, minutes=30), "marie", "rejected", None, "email"),
    (6, at(T1, hours=2), at(T1, hours=2), None, None, "review", "A", "spreadsheet"),
]  # fmt: skip

EVENTS: list[tuple[str, int, dict[str, Any], dict[str, Any]]] = [
    (
        "marie",
        3,
        {"po_number": "X", "lines": [{"line_no": 1, "sku": None, "quantity": 5}]},
        {
            "po_number": "X2",
            "lines": [{"line_no": 1, "sku": "S1", "quantity": 5.0}, {"line_no": 2, "sku": "S2"}],
        },
    ),
    ("marie", 3, {"status": "review", "version": 1}, {"status": "accepted", "version": 2}),
    ("marie", 5, {"customer_id": None}, {"customer_id": "B"}),
    ("intake", 4, {"po_number": None}, {"po_number": "Z"}),  # the engine's own writes are no correction
]


def make_rows() -> tuple[list[Order], dict[int, dt.datetime], list[AuditEvent], list[Message]]:
    orders, received, messages = [], {}, []
    for oid, got, created, decided, by, status, customer, channel in ORDERS:
        orders.append(
            Order(
                id=oid,
                message_pk=100 + oid,
                message_id=f"<m{oid}@x>",
                source=channel,
                status=status,
                customer_id=customer,
                created_at=created,
                decided_at=decided,
                decided_by=by,
            )
        )
        received[100 + oid] = got
        messages.append(Message(id=100 + oid, sha256=f"s{oid}", raw=b"x", received_at=got))
    events = [
        AuditEvent(actor=actor, action="edit", entity="order", entity_id=str(oid), before=b, after=a)
        for actor, oid, b, a in EVENTS
    ]
    return orders, received, events, messages
