"""Rows written straight into a store, as any accepting path would write them (engine, clerk,
API): orders with their lines, with or without their message, and orders with known timings
for the figures."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from models import Store
from models.tables import AuditEvent, Customer, Message, Order, OrderLine, Product

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


def make_order(
    store: Store,
    *,
    status: str = "accepted",
    po: str = "PO-1",
    hold: float = 0.0,
    skus: tuple[str, ...] = ("VIS-640", "CHEV-880"),
) -> int:
    """One order with a line per sku (two by default); `hold` keeps its transaction open that long
    after the flush."""
    with store.session() as session:
        order = Order(message_id=f"<{po}@shop.example>", status=status, customer_id="C1", po_number=po)
        session.add(order)
        session.flush()
        assert order.id is not None
        for number, sku in enumerate(skus, start=1):
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


ORIGINAL_ID = "<po-7731@chantiers-durand.fr>"
EARLIER_ID = "<thread-1@chantiers-durand.fr>"


def make_raw(*, reply_to: str | None = None, subject: str = "Commande BC-7731") -> bytes:
    lines = [
        "From: Paul Durand <paul@chantiers-durand.fr>",
        "To: commandes@negoce.example",
        f"Subject: {subject}",
        f"Message-ID: {ORIGINAL_ID}",
        f"References: {EARLIER_ID}",
        "Date: Mon, 23 Nov 2026 09:12:00 +0100",
    ]
    if reply_to:
        lines.append(f"Reply-To: {reply_to}")
    return ("\r\n".join(lines) + "\r\n\r\nBonjour, merci de livrer...\r\n").encode()


def make_order_with_message(
    store: Store,
    *,
    status: str = "accepted",
    language: str = "fr",
    notify: bool = True,
    reply_to: str | None = None,
    subject: str = "Commande BC-7731",
) -> int:
    """An order of three lines from customer CD01, the third short of stock."""
    with store.session() as session:
        if session.get(Customer, "CD01") is None:
            session.add(Customer(customer_id="CD01", name="Chantiers Durand"))
            session.add(Product(sku="CIM-35", name="Ciment CEM II 35 kg", unit="sac", stock=500))
            session.add(Product(sku="TREIL-1", name="Treillis soudé ST25", unit="pce", stock=3))
        customer = session.get(Customer, "CD01")
        assert customer is not None
        customer.language, customer.notify = language, notify
        raw = make_raw(reply_to=reply_to, subject=subject)
        message = Message(
            sha256=f"{len(raw)}-{status}-{language}-{subject}-{reply_to}-{dt.datetime.now().timestamp()}",
            message_id=ORIGINAL_ID,
            raw=raw,
            subject=subject,
            sender="paul@chantiers-durand.fr",
            state="processed",
        )
        session.add(message)
        session.flush()
        order = Order(
            message_pk=message.id,
            message_id=ORIGINAL_ID,
            status=status,
            customer_id="CD01",
            po_number="BC-7731",
            order_date=dt.date(2026, 11, 23),
            requested_delivery_date=dt.date(2026, 11, 27),
            ship_to="ZAC des Pins, 33600 Pessac",
        )
        session.add(order)
        session.flush()
        assert order.id is not None
        for line_no, sku, description, quantity, unit in (
            (1, "CIM-35", "Ciment CEM II 35 kg", 40.0, "sac"),
            (2, None, "bastaings 63x175", 12.0, None),
            (3, "TREIL-1", "Treillis soudé ST25", 10.0, "pce"),
        ):
            session.add(
                OrderLine(
                    order_id=order.id,
                    line_no=line_no,
                    sku=sku,
                    customer_ref="DUR-88" if line_no == 1 else None,
                    description=description,
                    quantity=quantity,
                    unit=unit,
                )
            )
        session.commit()
        return order.id
