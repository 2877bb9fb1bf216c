"""Status back from the ERP: POST /orders/{id}/events, the customer's notice, the cycle time."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from intake.reports.kpis import kpi_report
from models.tables import Message, OrderEvent, OutboxMail
from tests.factories.rows import make_order
from tests.intake.api.harness import Api

SHIPPED = {"kind": "shipped", "carrier": "Geodis", "tracking": "GE123456789FR"}


def status_mails(api: Api, order_id: int) -> list[OutboxMail]:
    with api.store.session() as session:
        query = select(OutboxMail).where(OutboxMail.order_id == order_id, OutboxMail.kind == "status")
        return list(session.exec(query))


def test_posting_events_needs_the_write_scope(api: Api, ingested: int):
    path = f"/orders/{ingested}/events"
    assert api.client.post(path, json=SHIPPED).status_code == 401
    assert api.client.post(path, json=SHIPPED, headers=api.read).status_code == 403
    assert api.client.post(path, json=SHIPPED, headers=api.write).status_code == 201


def test_a_shipment_is_recorded_once_and_tells_the_customer(api: Api, ingested: int):
    path = f"/orders/{ingested}/events"
    headers = api.write | {"Idempotency-Key": "erp-ship-0001"}
    first = api.client.post(path, json=SHIPPED, headers=headers)
    assert first.status_code == 201, first.text
    assert first.json()["tracking"] == "GE123456789FR" and first.json()["notice"] is not None
    again = api.client.post(path, json=SHIPPED, headers=headers)  # the ERP retries after a timeout
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    (mail,) = status_mails(api, ingested)
    assert "GE123456789FR" in mail.body_text and mail.id == first.json()["notice"]
    order = api.client.get(f"/orders/{ingested}", headers=api.read).json()
    assert [(e["kind"], e["carrier"]) for e in order["events"]] == [("shipped", "Geodis")]


@pytest.mark.parametrize(
    ("event", "mails"),
    [
        ({"kind": "prepared"}, 0),
        ({"kind": "prepared", "mode": "depot"}, 1),
        ({"kind": "delivered"}, 1),
        ({"kind": "backorder_released", "lines": [2]}, 0),
        ({"kind": "cancelled", "note": "customer called"}, 0),
    ],
    ids=["prepared-for-carrier", "prepared-at-depot", "delivered", "backorder-released", "cancelled"],
)
def test_each_kind_of_event_is_kept_and_noticed_where_a_notice_exists(
    api: Api, ingested: int, event: dict, mails: int
):
    answer = api.client.post(f"/orders/{ingested}/events", json=event, headers=api.write)
    assert answer.status_code == 201, answer.text
    assert len(status_mails(api, ingested)) == mails
    with api.store.session() as session:
        (kept,) = session.exec(select(OrderEvent).where(OrderEvent.order_id == ingested))
    assert kept.kind == event["kind"] and kept.actor == "api:write"


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"kind": "shipped"}, 422, "carrier"),
        ({"kind": "lost"}, 422, "kind"),
        ({"kind": "delivered", "occurred_at": "2026-12-04T10:00:00"}, 422, "time zone"),
    ],
    ids=["shipped-without-carrier", "unknown-kind", "naive-time"],
)
def test_a_bad_event_is_refused_with_what_is_wrong(
    api: Api, ingested: int, body: dict, status: int, words: str
):
    answer = api.client.post(f"/orders/{ingested}/events", json=body, headers=api.write)
    assert answer.status_code == status and words in answer.json()["detail"]


def test_events_only_happen_to_accepted_orders(api: Api):
    held = make_order(api.store, status="review")
    answer = api.client.post(f"/orders/{held}/events", json=SHIPPED, headers=api.write)
    assert answer.status_code == 409 and "review" in answer.json()["detail"]
    assert api.client.post("/orders/999/events", json=SHIPPED, headers=api.write).status_code == 404


def test_the_cycle_time_runs_from_the_email_to_the_first_shipment(api: Api, ingested: int):
    with api.store.session() as session:
        received = session.exec(select(Message.received_at)).one()
    received = received if received.tzinfo else received.replace(tzinfo=dt.UTC)
    for hours, tracking in ((26, "T1"), (30, "T2")):  # a second parcel does not move the figure
        when = (received + dt.timedelta(hours=hours)).isoformat()
        body = SHIPPED | {"tracking": tracking, "occurred_at": when}
        assert api.client.post(f"/orders/{ingested}/events", json=body, headers=api.write).status_code == 201
    cycle = kpi_report(api.store).overall.receipt_to_ship
    assert cycle.count == 1 and cycle.p50 == pytest.approx(26 * 3600)
