"""Webhooks against a real receiver on loopback: down for an hour, failing, too slow, then back."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from bench.services import free_port
from intake.api.events import OrderEventIn, record_event
from intake.webhooks import (
    add_endpoint,
    backoff,
    deliver_due,
    list_deliveries,
    signature,
    signed_headers,
    verify,
)
from models import Settings, Store
from models.tables import Order, WebhookDelivery, utcnow
from tests.factories.rows import accept, make_order
from tests.intake.webhooks.receiver import Receiver


class Clock:
    def __init__(self) -> None:
        self.at = utcnow()

    def __call__(self) -> dt.datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += dt.timedelta(seconds=seconds)


def make_events(store: Store) -> None:
    """Five orders accepted, one held then approved, one changed, one cancelled."""
    ids = [make_order(store, po=f"PO-{n}") for n in range(5)]
    accept(store, make_order(store, po="HELD", status="review"))
    with store.session() as session:
        order = session.get(Order, ids[0])
        assert order is not None
        order.po_number, order.locked_by = "PO-0-BIS", "clerk"
        session.commit()
    with store.session() as session:  # bookkeeping only: no event
        order = session.get(Order, ids[1])
        assert order is not None
        order.locked_by = "clerk"
        session.commit()
    settings = Settings(notify_enabled=False)
    record_event(store, ids[2], OrderEventIn(kind="cancelled"), actor="api:erp", key=None, settings=settings)


def drain(store: Store, clock: Clock, *, minutes: float, step: float = 20.0) -> None:
    end = clock.at + dt.timedelta(minutes=minutes)
    while clock.at < end:
        deliver_due(store, now=clock, timeout=0.3)
        clock.advance(step)


def test_a_receiver_down_for_an_hour_gets_every_event_once_when_back(store_url: str):
    store = Store.open(store_url)
    receiver = Receiver(free_port(), "")
    endpoint = add_endpoint(store, receiver.url)
    receiver.secret = endpoint.secret
    make_events(store)
    with store.session() as session:
        queued = list(session.exec(select(WebhookDelivery)))
    kinds = sorted(d.kind for d in queued)
    assert kinds == ["order.accepted"] * 6 + ["order.cancelled", "order.changed"]
    clock = Clock()

    drain(store, clock, minutes=60)  # nothing listens: refused for an hour
    waiting = list_deliveries(store)
    assert {d.state for d in waiting} == {"pending"} and min(d.attempts for d in waiting) >= 8
    assert "Connection" in (waiting[0].last_error or "")

    receiver.start()
    try:
        receiver.mode = "fail"
        drain(store, clock, minutes=6)
        receiver.mode = "slow"  # processes, but answers after the sender's timeout
        drain(store, clock, minutes=6)
        receiver.mode = "ok"
        drain(store, clock, minutes=10)
    finally:
        receiver.stop()

    delivered = list_deliveries(store)
    assert {d.state for d in delivered} == {"delivered"}
    assert all(r["valid"] for r in receiver.requests), "every request is signed with the endpoint's secret"
    assert {r["mode"] for r in receiver.requests} == {"fail", "slow", "ok"}
    assert sorted(receiver.processed) == sorted(d.event_id for d in queued), "every event, processed once"
    for event_id in receiver.processed:
        modes = [r["mode"] for r in receiver.requests if r["event_id"] == event_id]
        assert modes.count("ok") <= 1 and (modes[-1] != "fail"), f"{event_id}: {modes}"
        assert "ok" not in modes[:-1], f"{event_id} sent again after it was taken: {modes}"
    accepted = [p for p in receiver.processed.values() if p["type"] == "order.accepted"]
    assert sorted(p["order"]["cursor"] for p in accepted) == list(range(1, 7))
    changed = next(p for p in receiver.processed.values() if p["type"] == "order.changed")
    assert changed["order"]["po_number"] == "PO-0-BIS" and changed["order"]["lines"][0]["sku"] == "VIS-640"


def test_an_event_is_frozen_at_its_first_try_and_keeps_its_id(store_url: str):
    store = Store.open(store_url)
    receiver = Receiver(free_port(), "")
    receiver.secret = add_endpoint(store, receiver.url).secret
    order_id = make_order(store)
    clock = Clock()
    deliver_due(store, now=clock, timeout=0.3)  # refused: payload frozen, retry later
    with store.session() as session:
        order = session.get(Order, order_id)
        assert order is not None
        order.ship_to = "Chantier Bastide, 33100 Bordeaux"  # a change after the event: its own event
        session.commit()
    receiver.start()
    try:
        clock.advance(backoff(1).total_seconds())
        deliver_due(store, now=clock, timeout=0.3)
    finally:
        receiver.stop()
    by_type = {p["type"]: p for p in receiver.processed.values()}
    assert by_type["order.accepted"]["order"]["ship_to"] is None
    assert by_type["order.changed"]["order"]["ship_to"] == "Chantier Bastide, 33100 Bordeaux"


@pytest.mark.parametrize(
    ("change", "valid"),
    [("none", True), ("body", False), ("secret", False), ("old", False), ("signature", False)],
    ids=["intact", "tampered-body", "other-secret", "replayed-later", "no-signature"],
)
def test_a_receiver_can_tell_a_genuine_request(change: str, valid: bool):
    body = b'{"id":"e1","type":"order.accepted"}'
    headers = signed_headers("whsec_a", "e1", body, now=1_800_000_000)
    assert headers["Intake-Signature"] == signature("whsec_a", 1_800_000_000, body)
    secret, now = "whsec_a", 1_800_000_060.0
    if change == "body":
        body = body.replace(b"accepted", b"cancelled")
    elif change == "secret":
        secret = "whsec_b"
    elif change == "old":
        now += 3600
    elif change == "signature":
        headers.pop("Intake-Signature")
    assert verify(secret, headers, body, now=now) is valid


def test_backoff_doubles_and_is_capped_at_five_minutes():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 6, 20)] == [10, 20, 40, 300, 300]


def test_two_senders_on_one_store_send_each_event_once(store_url: str):
    """Two daemons deliver at the same time: rows are claimed (FOR UPDATE SKIP LOCKED on
    PostgreSQL), so no event is POSTed twice."""
    import threading

    store = Store.open(store_url)
    receiver = Receiver(free_port(), "")
    receiver.secret = add_endpoint(store, receiver.url).secret
    for n in range(30):
        make_order(store, po=f"PO-{n}")
    receiver.start()
    try:
        senders = [
            threading.Thread(target=deliver_due, args=(Store.open(store_url),), kwargs={"limit": 5})
            for _ in range(2)
        ]
        for _ in range(4):
            for thread in senders:
                thread.start()
            for thread in senders:
                thread.join()
            senders = [
                threading.Thread(target=deliver_due, args=(Store.open(store_url),), kwargs={"limit": 5})
                for _ in range(2)
            ]
    finally:
        receiver.stop()
    ids = [r["event_id"] for r in receiver.requests]
    assert len(ids) == len(set(ids)) == 30
    assert {d.state for d in list_deliveries(store)} == {"delivered"}
