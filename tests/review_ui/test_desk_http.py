"""The desk over HTTP: decided orders read-only, full designations, totals, failed messages handled."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from models import Settings, Store
from models.tables import AuditEvent, Order
from review_ui import create_app
from tests.factories.messages import ingest_bytes
from tests.review_ui.clerk import first_review_order, sign_in

LONG = "Gobelet carton blanc 25 cl (à l'unité), carton de 1000 pièces, impression 1 couleur"


def change_order(store: Store, order_id: int, **values) -> None:
    with store.session() as session:
        order = session.get(Order, order_id)
        for name, value in values.items():
            setattr(order, name, value)
        session.add(order)
        session.commit()


def test_an_accepted_order_shows_no_edit_controls(client: TestClient, review_store: Store):
    sign_in(client)
    order = first_review_order(review_store)
    before = client.get(f"/orders/{order.id}").text
    assert 'id="add-line"' in before and "data-remove-line" in before and 'id="approve"' in before
    change_order(review_store, order.id, status="accepted", decided_by="bob")
    page = client.get(f"/orders/{order.id}").text
    for control in ('id="add-line"', "data-remove-line", 'id="approve"', 'id="save"', "data-pick-article"):
        assert control not in page, control
    assert "order-form readonly" in page


def test_candidate_chips_and_designations_are_shown_whole(client: TestClient, review_store: Store):
    sign_in(client)
    order = first_review_order(review_store)
    detail = dict(order.detail or {})
    lines = [dict(line) for line in detail.get("lines") or [{}]]
    lines[0].update(sku=None, score=0.4, candidates=[{"key": "VJ10125", "label": LONG, "score": 0.8}])
    detail["lines"] = lines
    change_order(review_store, order.id, detail=detail)
    page = client.get(f"/orders/{order.id}").text
    chip = re.search(
        r'<button type="button" class="chip" data-pick-article="VJ10125"[^>]*>(.*?)</button>', page, re.S
    )
    assert chip and LONG.replace("'", "&#39;") in chip[1]
    assert '<textarea name="line_description"' in page


def test_the_lines_total_stands_beside_the_printed_total(client: TestClient, review_store: Store):
    sign_in(client)
    order = first_review_order(review_store)
    detail = dict(order.detail or {})
    detail["order"] = {
        **(detail.get("order") or {}),
        "total_excl_vat": {"value": "999.99", "confidence": 0.9},
    }
    change_order(review_store, order.id, detail=detail)
    page = client.get(f"/orders/{order.id}").text
    assert 'id="lines-total"' in page
    assert re.search(r'id="printed-total">999,99 EUR<', page)
    assert 'class="totals differs"' in page


def test_a_failed_message_is_retried_or_dismissed_from_the_queue(
    client: TestClient, review_store: Store, ui_settings: Settings
):
    pk = ingest_bytes(review_store, ui_settings, b"\x00\x01 not an email at all", "garbage.eml")
    token = sign_in(client)
    queue = client.get("/").text
    assert f'action="/messages/{pk}/retry"' in queue and f'action="/messages/{pk}/dismiss"' in queue
    retried = client.post(f"/messages/{pk}/retry", data={"csrf_token": token})
    assert retried.status_code == 303 and "notice=retry_failed" in retried.headers["location"]
    assert client.post(f"/messages/{pk}/dismiss", data={}).status_code == 403  # the token is needed
    dismissed = client.post(f"/messages/{pk}/dismiss", data={"csrf_token": token})
    assert dismissed.status_code == 303
    assert f'action="/messages/{pk}/retry"' not in client.get("/").text
    assert review_store.get_message(pk).state == "failed"  # kept, with its reason
    with review_store.session() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "dismissed")).all()
    assert [(e.actor, e.entity_id) for e in events] == [("alice", str(pk))]


@pytest.mark.parametrize(("scheme", "warned"), [("http", True), ("https", False)])
def test_the_login_page_warns_of_plain_http_beyond_loopback(
    review_store: Store, settings: Settings, tmp_path, scheme: str, warned: bool
):
    app = create_app(settings, review_store, secret_file=tmp_path / "secret", host="0.0.0.0")
    page = TestClient(app, base_url=f"{scheme}://192.168.1.20:8000").get("/login").text
    assert ('id="plain-http"' in page) is warned
