"""The review UI driven in Debian's Chromium: what a clerk does, end to end."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import select

from bench.services import free_port
from matchers.normalize import normalize_wording
from models import Settings, Store
from models.tables import Alias, Order
from review_ui import service
from tests.factories.messages import ingest_bytes, store_documents_order
from tests.paths import ROOT
from tests.review_ui.clerk import review_orders, sign_in_page

pytestmark = pytest.mark.browser

CUSTOMER_EMAIL = "commandes@example.invalid"


def test_queue_lists_waiting_orders_oldest_first(
    page: Page, live_server: str, review_store: Store, shots: Path
):
    sign_in_page(page, live_server, "alice")
    waiting = review_orders(review_store)
    rows = page.locator("#queue tbody tr")
    expect(rows).to_have_count(len(waiting))
    assert waiting, "the samples give orders to review"
    expect(rows.first.locator(".order-link")).to_have_text(f"#{waiting[0].id}")
    expect(page.locator(".stats .stat").first).to_contain_text(str(len(waiting)))
    page.screenshot(path=str(shots / "queue.png"), full_page=True)


def test_wrong_password_is_refused(page: Page, live_server: str):
    page.goto(f"{live_server}/login")
    page.fill("#username", "alice")
    page.fill("#password", "not-her-password")
    page.click("button[type=submit]")
    expect(page.locator(".alert.error")).to_be_visible()
    assert page.url.endswith("/login")
    page.goto(f"{live_server}/")
    assert page.url.endswith("/login")


@pytest.mark.parametrize("path", ["/", "/orders/1", "/orders/new", "/dashboard", "/messages/1/raw"], ids=str)
def test_a_request_without_session_gets_the_login_page(page: Page, live_server: str, path: str):
    page.goto(f"{live_server}{path}")
    assert page.url == f"{live_server}/login"
    expect(page.locator("#password")).to_be_visible()


def test_api_without_session_answers_401_json(page: Page, live_server: str):
    response = page.request.get(f"{live_server}/api/articles?q=gobelet", max_redirects=0)
    assert response.status == 401
    assert response.json()["error"]["status"] == 401


def test_the_cursor_goes_only_to_doubtful_fields(page: Page, live_server: str, review_store: Store):
    order = review_orders(review_store)[0]
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/orders/{order.id}")
    doubtful = page.locator("[data-doubt]")
    count = doubtful.count()
    assert count >= 1
    page.keyboard.press("Enter")  # from the page to the first doubtful field
    visited = []
    for _ in range(count):
        visited.append(page.evaluate("document.activeElement.dataset.doubt || document.activeElement.id"))
        page.keyboard.press("Enter")  # confirms the field and moves on
    assert all(v in ("error", "warning") for v in visited), visited
    assert page.evaluate("document.activeElement.id") == "approve"  # nothing doubtful left
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()


def test_reject_with_a_reason_from_the_keyboard(page: Page, live_server: str, review_store: Store):
    order = review_orders(review_store)[0]
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/orders/{order.id}")
    page.keyboard.press("Alt+r")
    expect(page.locator("#reject_reason")).to_be_focused()
    page.keyboard.type("commande en double")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/orders/{order.id}" not in url)
    stored, _ = service.get_order(review_store, order.id)
    assert (stored.status, stored.reject_reason) == ("rejected", "commande en double")


def test_fix_an_article_with_the_search_and_approve(
    page: Page, live_server: str, review_store: Store, ui_settings: Settings, shots: Path
):
    order = review_orders(review_store)[0]
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/orders/{order.id}")
    page.screenshot(path=str(shots / "review.png"), full_page=True)
    rows = page.locator("#lines tbody tr")
    while rows.count() > 1:
        rows.nth(1).locator("[data-remove-line]").click()
    sku = rows.first.locator("input[name=line_sku]")
    sku.fill("")
    sku.type("gobelet carton blanc 12 cl sachet")
    suggestion = rows.first.locator(".suggest .option").first
    expect(suggestion).to_be_visible()
    expect(suggestion).to_contain_text("VJ10112")
    expect(suggestion.locator(".score")).to_have_text(re.compile(r"^\d{1,3}$"))
    page.screenshot(path=str(shots / "review-search.png"), full_page=False)
    sku.press("Enter")
    expect(sku).to_have_value("VJ10112")
    quantity = rows.first.locator("input[name=line_quantity]")
    quantity.fill("4")
    if not page.locator("#customer_id").input_value():
        page.locator("#customer_id").type("C0118")
        expect(page.locator(".customer .suggest .option").first).to_contain_text("C0118")
        page.locator("#customer_id").press("Enter")
    description = rows.first.locator("[name=line_description]").input_value()
    proposed = {
        (m.get("line", {}).get("description") or {}).get("value"): m.get("sku")
        for m in order.detail.get("lines", [])
    }
    page.keyboard.press("Control+Enter")
    page.wait_for_url(lambda url: f"/orders/{order.id}" not in url)
    stored, lines = service.get_order(review_store, order.id)
    assert stored.status == "accepted" and stored.decided_by == "alice"
    assert [(line.sku, line.quantity) for line in lines] == [("VJ10112", 4.0)]
    records = export(ui_settings, "accepted")
    mine = [r for r in records if r["message_id"] == stored.message_id and r["po_number"] == stored.po_number]
    assert [(line["sku"], line["quantity"]) for line in mine[0]["lines"]] == [("VJ10112", 4)]
    with review_store.session() as session:
        aliases = {(a.wording, a.sku) for a in session.exec(select(Alias))}
    learned = (normalize_wording(description), "VJ10112") in aliases
    assert learned == (proposed.get(description) != "VJ10112")


def export(settings: Settings, status: str) -> list[dict]:
    """`intake export` in its own process, on the test's store."""
    env = {**os.environ, "INTAKE_DATABASE_URL": settings.database_url}
    done = subprocess.run(
        [sys.executable, "-m", "intake", "export", "--format", "jsonl", "--status", status],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


class BeaconHandler(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        BeaconHandler.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def beacon() -> Iterator[tuple[str, list[str]]]:
    """A server that records every request: a beacon that fires is seen here."""
    BeaconHandler.hits = []
    server = HTTPServer(("127.0.0.1", free_port()), BeaconHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", BeaconHandler.hits
    server.shutdown()
    server.server_close()


def hostile_order_email(beacon_url: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Acheteur <{CUSTOMER_EMAIL}>"
    message["To"] = "commandes@intake.invalid"
    message["Subject"] = "Commande urgente"
    message["Message-ID"] = "<hostile-1@example.invalid>"
    message["Date"] = "Thu, 26 Nov 2026 08:00:00 +0100"
    message.set_content("Bonjour,\nmerci de livrer :\n- 3 x zzqx article inconnu\nCordialement\n")
    message.add_alternative(
        "<html><body><p>Bonjour, merci de livrer :</p><ul><li>3 x zzqx article inconnu</li></ul>"
        f"<script>document.title='pwned';fetch('{beacon_url}/script')</script>"
        f'<img src="{beacon_url}/pixel.gif" width="1" height="1">'
        f"<a href=\"javascript:fetch('{beacon_url}/link')\">voir</a>"
        f"<p onmouseover=\"fetch('{beacon_url}/handler')\">Cordialement</p></body></html>",
        subtype="html",
    )
    return message.as_bytes()


def test_script_and_image_beacon_in_an_email_stay_inert(
    page: Page,
    live_server: str,
    review_store: Store,
    ui_settings: Settings,
    beacon: tuple[str, list[str]],
    shots: Path,
):
    url, hits = beacon
    pk = ingest_bytes(review_store, ui_settings, hostile_order_email(url), "hostile.eml")
    with review_store.session() as session:
        order = session.exec(select(Order).where(Order.message_pk == pk)).first()
    assert order is not None, "the message is read as an order"
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/orders/{order.id}")
    expect(page.locator(".mail-text")).to_contain_text("zzqx article inconnu")
    page.click("#html-tab")
    frame = page.frame_locator("iframe.mail-frame")
    expect(frame.locator("body")).to_contain_text("Cordialement")
    frame.locator("p", has_text="Cordialement").hover()
    page.wait_for_timeout(300)
    assert "pwned" not in page.title()
    page.screenshot(path=str(shots / "review-html.png"))
    html = page.request.get(f"{live_server}/messages/{pk}/html")
    assert "<script" not in html.text() and "<img" not in html.text() and "onmouseover" not in html.text()
    assert "sandbox" in html.headers["content-security-policy"]
    assert page.locator("iframe.mail-frame").get_attribute("sandbox") == ""
    assert hits == []


def test_two_clerks_on_one_order(browser: Browser, live_server: str, review_store: Store, shots: Path):
    order = review_orders(review_store)[0]
    alice = browser.new_context().new_page()
    bob = browser.new_context().new_page()
    sign_in_page(alice, live_server, "alice")
    sign_in_page(bob, live_server, "bob")
    alice.goto(f"{live_server}/orders/{order.id}")
    with alice.expect_response(f"**/orders/{order.id}/lock"):
        alice.fill("#po_number", "PO-ALICE-0")  # editing starts: the order is alice's
    bob.goto(f"{live_server}/orders/{order.id}")
    expect(bob.locator("#taken")).to_contain_text("alice")
    expect(bob.locator("#po_number")).to_be_disabled()
    bob.screenshot(path=str(shots / "review-taken.png"))
    bob.click("#take-over")
    bob.fill("#po_number", "PO-BOB-1")
    bob.click("#save")
    expect(bob.locator("#notice")).to_be_visible()
    alice.fill("#po_number", "PO-ALICE-1")
    alice.click("#save")
    expect(alice.locator("#notice")).to_contain_text("bob")
    expect(alice.locator("#po_number")).to_have_value("PO-ALICE-1")
    alice.click("#trail summary")
    expect(alice.locator("#trail .diff").last).to_contain_text("PO-BOB-1")
    alice.screenshot(path=str(shots / "review-refused.png"), full_page=True)
    stored, _ = service.get_order(review_store, order.id)
    assert stored.po_number == "PO-BOB-1"
    for page in (alice, bob):
        page.context.close()


def test_pdf_page_and_sheet_show_what_was_read(
    page: Page, live_server: str, review_store: Store, shots: Path
):
    _, order_id = store_documents_order(review_store)
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/orders/{order_id}")
    page.click(".source-tabs .tab:has-text('BC-77.pdf')")
    image = page.locator(".pdf-page img").first
    expect(image).to_be_visible()
    page.wait_for_function("document.querySelector('.pdf-page img').naturalWidth > 0")
    box = page.locator('rect[data-mark-target="l-1"]')
    page.locator("#lines tbody tr").first.locator("[name=line_description]").focus()
    expect(box).to_have_class(re.compile("active-mark"))
    page.screenshot(path=str(shots / "review-pdf.png"))
    page.locator("#lines tbody tr").nth(1).locator("[name=line_description]").focus()
    cell = page.locator('td[data-mark-target="l-2"]')
    expect(cell).to_be_visible()
    expect(cell).to_have_class(re.compile("active-mark"))
    expect(box).not_to_have_class(re.compile("active-mark"))


def test_manual_entry_with_the_keyboard(page: Page, live_server: str, review_store: Store, shots: Path):
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/")
    page.keyboard.press("n")
    page.wait_for_url("**/orders/new")
    page.keyboard.press("Alt+c")
    page.keyboard.type("C0118")
    expect(page.locator(".customer .suggest .option").first).to_contain_text("C0118")
    page.keyboard.press("Enter")
    expect(page.locator("#customer-name")).not_to_be_empty()
    page.fill("#po_number", "TEL-0042")
    sku = page.locator("#lines tbody tr").first.locator("input[name=line_sku]")
    sku.type("VJ10110")
    expect(page.locator("#lines .suggest .option").first).to_contain_text("VJ10110")
    sku.press("Enter")
    page.locator("#lines tbody tr").first.locator("input[name=line_quantity]").fill("12")
    page.keyboard.press("Alt+l")
    expect(page.locator("#lines tbody tr")).to_have_count(2)
    page.locator("#lines tbody tr").nth(1).locator("input[name=line_sku]").fill("VJ10112")
    page.locator("#lines tbody tr").nth(1).locator("input[name=line_quantity]").fill("2,0")
    page.screenshot(path=str(shots / "manual.png"))
    page.keyboard.press("Control+Enter")
    page.wait_for_url(re.compile(r"/orders/\d+\?notice=created"))
    order_id = int(re.search(r"/orders/(\d+)", page.url)[1])
    stored, lines = service.get_order(review_store, order_id)
    assert (stored.source, stored.status, stored.customer_id) == ("manual", "accepted", "C0118"), (
        stored.reasons
    )
    assert [(line.sku, line.quantity) for line in lines] == [("VJ10110", 12.0), ("VJ10112", 2.0)]


def test_failed_messages_are_listed_with_their_reason(
    page: Page, live_server: str, review_store: Store, ui_settings: Settings, shots: Path
):
    ingest_bytes(review_store, ui_settings, b"\x00\x01 not an email at all", "garbage.eml")
    sign_in_page(page, live_server, "bob")
    failed = page.locator(".failed-list tbody tr")
    expect(failed).to_have_count(1)
    expect(failed.first).to_contain_text("NUL")
    expect(page.locator("h1")).to_have_text("Orders to review")
    page.screenshot(path=str(shots / "queue-en.png"), full_page=True)


def test_the_login_page(page: Page, live_server: str, shots: Path):
    page.goto(f"{live_server}/login")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.screenshot(path=str(shots / "login.png"))
