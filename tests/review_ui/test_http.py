"""The review UI over HTTP (no browser): security, source documents, manual entry, decisions."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from models import (
    Settings,
    Store,
    audit_trail,
)
from models.tables import AuditEvent, User
from models.users import failed_logins, list_users, set_active, set_password
from review_ui import service
from tests.factories.messages import store_documents_order
from tests.review_ui.clerk import PASSWORDS, TOKEN, first_review_order, sign_in


@pytest.mark.parametrize("path", ["/login", "/static/app.css", "/", "/orders/1", "/nowhere"], ids=str)
def test_security_headers_on_every_response(client: TestClient, path: str):
    headers = client.get(path).headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_session_cookie_is_secure_httponly_strict(client: TestClient):
    cookie = client.get("/login").headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=strict" in cookie


def test_passwords_are_stored_as_argon2id(review_store: Store):
    with review_store.session() as session:
        hashes = [u.password_hash for u in session.exec(select(User))]
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert not any(p in h for h in hashes for p in PASSWORDS.values())


@pytest.mark.parametrize("token", [None, "forged-token"], ids=["missing", "forged"])
def test_a_post_without_the_session_token_is_refused(
    client: TestClient, review_store: Store, token: str | None
):
    sign_in(client)
    order = first_review_order(review_store)
    data = {"action": "save", "version": str(order.version), "po_number": "HACKED"}
    if token:
        data["csrf_token"] = token
    answer = client.post(f"/orders/{order.id}", data=data)
    assert answer.status_code == 403
    assert service.get_order(review_store, order.id)[0].po_number == order.po_number


def test_password_guessing_is_slowed_down_for_that_name_only(client: TestClient, review_store: Store):
    client.get("/login")
    token = TOKEN.search(client.get("/login").text)[1]
    answers = [
        client.post(
            "/login", data={"username": "alice", "password": "guess", "csrf_token": token}
        ).status_code
        for _ in range(4)
    ]
    assert answers == [401, 401, 401, 429]
    right = client.post(
        "/login", data={"username": "alice", "password": PASSWORDS["alice"], "csrf_token": token}
    )
    assert right.status_code == 429
    # Bob, behind the same address (one TLS proxy for the whole desk), is not held.
    other = client.post("/login", data={"username": "bob", "password": PASSWORDS["bob"], "csrf_token": token})
    assert other.status_code == 303
    # Each failure is kept with the name, the address and the time, for an administrator.
    failures = next(u for u in list_users(review_store) if u.name == "alice")
    assert failures.failed_logins == 3 and "testclient" in failures.last_failure
    assert [e.entity_id for e in failed_logins(review_store)] == ["alice"] * 3


def copied_session(client: TestClient) -> TestClient:
    """Another client holding a copy of the signed-in client's cookie."""
    thief = TestClient(client.app, base_url="https://testserver", follow_redirects=False)
    thief.cookies.set("intake_session", client.cookies["intake_session"])
    assert thief.get("/").status_code == 200
    return thief


@pytest.mark.parametrize("ending", ["logout", "password", "disabled"])
def test_a_copied_cookie_stops_working_when_the_session_ends(
    client: TestClient, review_store: Store, ending: str
):
    token = sign_in(client, "alice")
    thief = copied_session(client)
    order = first_review_order(review_store)
    if ending == "logout":
        assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    elif ending == "password":
        set_password(review_store, "alice", "a-brand-new-password")
    else:
        set_active(review_store, "alice", False)
    assert thief.get("/").status_code == 303  # to the login page
    assert thief.get(f"/orders/{order.id}").headers["location"] == "/login"
    save = {"action": "save", "version": str(order.version), "po_number": "STOLEN", "csrf_token": token}
    assert thief.post(f"/orders/{order.id}", data=save).status_code == 303
    assert service.get_order(review_store, order.id)[0].po_number == order.po_number


def test_only_an_admin_takes_an_order_over(client: TestClient, review_store: Store):
    token = sign_in(client, "alice")
    order = first_review_order(review_store)
    assert client.post(f"/orders/{order.id}/take", data={"csrf_token": token}).status_code == 403


def test_the_login_form_needs_its_token(client: TestClient):
    answer = client.post("/login", data={"username": "alice", "password": PASSWORDS["alice"]})
    assert answer.status_code == 403


def test_errors_have_one_shape_as_json_and_html(client: TestClient):
    sign_in(client)
    page = client.get("/orders/999999")
    assert page.status_code == 404 and "<h1>" in page.text
    api = client.get("/orders/999999", headers={"Accept": "application/json"})
    assert api.status_code == 404
    assert set(api.json()["error"]) == {"status", "title", "detail"}


def test_language_switch_to_english(client: TestClient):
    token = sign_in(client)
    assert "Commandes à vérifier" in client.get("/").text
    client.post("/language", data={"lang": "en", "back": "/", "csrf_token": token})
    assert "Orders to review" in client.get("/").text


def test_every_message_key_used_by_the_templates_exists():
    from review_ui.i18n import MESSAGES, catalogue

    used = set()
    for template in (MESSAGES.parent / "templates").glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_]+\.[a-z_]+)'", template.read_text(encoding="utf-8")))
    assert used and not used - set(catalogue()["fr"]), sorted(used - set(catalogue()["fr"]))


def test_article_search_returns_scored_candidates(client: TestClient):
    sign_in(client)
    results = client.get("/api/articles", params={"q": "gobelet carton blanc 12 cl"}).json()["results"]
    assert results[0]["sku"] in {"VJ10112", "VJ10114"}
    assert all(0 <= r["score"] <= 1 for r in results)
    exact = client.get("/api/articles", params={"q": "VJ10110"}).json()["results"]
    assert exact[0] == {**exact[0], "sku": "VJ10110", "score": 1.0}


def test_reject_needs_a_reason_and_is_audited(client: TestClient, review_store: Store):
    token = sign_in(client)
    order = first_review_order(review_store)
    client.get(f"/orders/{order.id}")
    form = {"csrf_token": token, "version": str(order.version), "action": "reject", "reject_reason": ""}
    assert client.post(f"/orders/{order.id}", data=form).status_code == 400
    form["reject_reason"] = "doublon de la commande de lundi"
    assert client.post(f"/orders/{order.id}", data=form).status_code == 303
    stored, _ = service.get_order(review_store, order.id)
    assert (stored.status, stored.reject_reason, stored.decided_by) == (
        "rejected",
        form["reject_reason"],
        "alice",
    )
    actions = [e.action for e in audit_trail(review_store, order.id)]
    assert actions[-1] == "rejected"
    assert "doublon" in client.get(f"/orders/{order.id}").text


def test_not_an_order(client: TestClient, review_store: Store):
    token = sign_in(client)
    order = first_review_order(review_store)
    form = {"csrf_token": token, "version": str(order.version), "action": "not_order"}
    assert client.post(f"/orders/{order.id}", data=form).status_code == 303
    stored, _ = service.get_order(review_store, order.id)
    assert (stored.status, stored.reject_reason) == ("rejected", service.NOT_AN_ORDER)


def test_approve_with_errors_saves_and_shows_them(client: TestClient, review_store: Store):
    token = sign_in(client)
    order = first_review_order(review_store)
    form = {"csrf_token": token, "version": str(order.version), "action": "approve", "customer_id": ""}
    form |= {"line_sku": "NOPE-1", "line_quantity": "0", "line_description": "x", "line_origin": ""}
    answer = client.post(f"/orders/{order.id}", data=form)
    assert answer.status_code == 400
    assert 'id="errors"' in answer.text and "NOPE-1" in answer.text
    assert service.get_order(review_store, order.id)[0].status == "review"


def test_manual_entry_form_and_its_input_errors(client: TestClient):
    token = sign_in(client)
    assert client.get("/orders/new").status_code == 200
    form = {"csrf_token": token, "customer_id": "C0118", "order_date": "31/02/2026"}
    form |= {"line_sku": "VJ10110", "line_quantity": "douze", "line_origin": ""}
    answer = client.post("/orders/new", data=form)
    assert answer.status_code == 400
    assert "31/02/2026" in answer.text and "douze" in answer.text


@pytest.mark.parametrize(
    ("sku", "status"), [("VJ10110", "accepted"), ("NOT-IN-CATALOGUE", "review")], ids=["known", "unknown"]
)
def test_manual_entry_goes_through_the_same_checks(
    client: TestClient, review_store: Store, sku: str, status: str
):
    token = sign_in(client)
    form = {
        "csrf_token": token,
        "customer_id": "C0118",
        "po_number": "TEL-2026-001",
        "requested_delivery_date": "2099-01-15",
        "line_sku": sku,
        "line_quantity": "3",
        "line_description": "",
        "line_origin": "",
    }
    answer = client.post("/orders/new", data=form)
    assert answer.status_code == 303
    order_id = int(answer.headers["location"].split("/")[2].split("?")[0])
    stored, lines = service.get_order(review_store, order_id)
    assert (stored.source, stored.status, stored.customer_id, stored.po_number) == (
        "manual",
        status,
        "C0118",
        "TEL-2026-001",
    )
    matched_sku = sku if status == "accepted" else None
    assert [(line.sku, line.quantity) for line in lines] == [(matched_sku, 3.0)]
    assert lines[0].description  # the typed code is kept when it matched nothing
    assert stored.ship_to  # the customer's default address
    assert client.get(answer.headers["location"]).status_code == 200


# -- the source document: PDF pages with boxes, sheets with cells ---------------------------


def test_pdf_pages_and_sheet_cells_are_drawn_with_their_marks(
    client: TestClient, review_store: Store, ui_settings: Settings
):
    pk, order_id = store_documents_order(review_store)
    sign_in(client)
    page = client.get(f"/orders/{order_id}").text
    assert re.search(r'<rect data-mark-target="l-1" x="68.0" y="131.0" width="262.0" height="14.0"', page)
    assert 'class="mark" data-mark-target="l-2">Gobelet 12 cl<' in page
    assert '<rect data-mark-target="f-po_number" x="70.0" y="70.0"' in page
    image = client.get(f"/messages/{pk}/attachments/0/pages/1.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert client.get(f"/messages/{pk}/attachments/0/pages/9.png").status_code == 404


@pytest.mark.parametrize("number", [0, 1], ids=["pdf", "xlsx"])
def test_attachments_are_downloads_never_rendered(
    client: TestClient, review_store: Store, ui_settings: Settings, number: int
):
    pk, _ = store_documents_order(review_store)
    sign_in(client)
    answer = client.get(f"/messages/{pk}/attachments/{number}")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/octet-stream"
    assert answer.headers["content-disposition"].startswith("attachment;")
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_two_saves_on_one_version_the_second_is_refused(review_store: Store):
    from models import StaleEditError
    from review_ui.edits import OrderEdit, to_values

    order = first_review_order(review_store)
    values, _ = to_values(OrderEdit(customer_id="C0118", po_number="A-1"))
    service.save_order(review_store, order.id, values, user="alice", version=order.version)
    with pytest.raises(StaleEditError):
        service.save_order(review_store, order.id, values, user="bob", version=order.version)
    with review_store.session() as session:
        edits = session.exec(select(AuditEvent).where(AuditEvent.action == "edited")).all()
    assert [e.actor for e in edits] == ["alice"]
    assert edits[0].after["po_number"] == "A-1"


@pytest.mark.parametrize(
    "path",
    [
        "/orders/99999999999999999999",
        "/orders/9223372036854775808",
        "/orders/-1",
        "/messages/99999999999999999999/raw",
        "/messages/1/attachments/99999999999999999999/pages/1.png",
    ],
    ids=["huge-order", "just-past-64-bits", "negative", "huge-message", "huge-attachment"],
)
def test_a_number_no_record_can_have_is_not_found(client: TestClient, path: str):
    sign_in(client)
    answer = client.get(path, headers={"accept": "application/json"})
    assert answer.status_code == 404
    assert answer.json()["error"]["status"] == 404
