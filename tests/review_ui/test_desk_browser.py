"""The clerk's desk in Debian's Chromium: hostile documents, languages, keyboard, locks, dashboard."""

from __future__ import annotations

import re
import resource
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlmodel import select

from models import Settings, Store
from models.tables import Order
from review_ui import service
from tests.factories.messages import (
    ingest_bytes,
    make_zip_bomb_xlsx,
    message_with_attachment,
    store_documents_order,
)
from tests.review_ui.clerk import review_orders, sign_in_page

pytestmark = pytest.mark.browser
XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_order_of_a_zip_bomb_answers_and_other_pages_stay_usable(
    browser: Browser, live_server: str, review_store: Store, ui_settings: Settings, shots: Path
):
    bomb = message_with_attachment(make_zip_bomb_xlsx(300), "commande.xlsx", XLSX)
    pk = ingest_bytes(review_store, ui_settings, bomb, "bomb.eml")
    with review_store.session() as session:
        order = session.exec(select(Order).where(Order.message_pk == pk)).one()
    clerk, other = browser.new_page(), browser.new_page()
    sign_in_page(clerk, live_server, "alice")
    sign_in_page(other, live_server, "bob")
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    clerk.goto(f"{live_server}/")
    # The bomb's order is asked for in the background while another clerk opens the queue.
    clerk.evaluate(f"() => {{ window.opening = fetch('/orders/{order.id}').then(r => r.status); }}")
    other.goto(f"{live_server}/")
    expect(other.locator(f"#queue a.order-link[href='/orders/{order.id}']")).to_have_count(1)
    assert clerk.evaluate("() => window.opening") == 200
    clerk.goto(f"{live_server}/orders/{order.id}")
    failure = clerk.locator(".document-failure")
    expect(failure).to_contain_text("commande.xlsx")
    expect(failure).to_contain_text("bombe de décompression")
    expect(failure.locator("a[download]")).to_have_attribute("href", f"/messages/{pk}/attachments/0")
    # The live server runs in this process: the document was never unpacked here.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - peak_before < 100
    clerk.screenshot(path=str(shots / "review-unreadable-document.png"), full_page=True)


def focused(page: Page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


def test_shortcuts_work_from_the_first_key(page: Page, live_server: str, review_store: Store):
    order = review_orders(review_store)[0]
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/orders/{order.id}")
    assert focused(page) == "BODY"  # no field takes the keyboard on load
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()
    page.keyboard.press("Enter")
    first = page.locator("[data-doubt]").first
    expect(first).to_be_focused()
    page.keyboard.press("Escape")  # out of the field
    assert focused(page) == "BODY"
    page.keyboard.press("Escape")  # back to the queue
    page.wait_for_url(f"{live_server}/")


def lock_of(store: Store, order_id: int) -> str | None:
    return service.get_order(store, order_id)[0].locked_by


def test_the_lock_is_taken_on_edit_and_released_on_leave(
    browser: Browser, live_server: str, review_store: Store, shots: Path
):
    order = review_orders(review_store)[0]
    alice, bob = browser.new_context().new_page(), browser.new_context().new_page()
    sign_in_page(alice, live_server, "alice")
    sign_in_page(bob, live_server, "bob")
    alice.goto(f"{live_server}/orders/{order.id}")
    assert lock_of(review_store, order.id) is None  # looking is not taking
    with alice.expect_response(f"**/orders/{order.id}/lock"):
        alice.fill("#po_number", "PO-EN-COURS")
    assert lock_of(review_store, order.id) == "alice"
    bob.goto(f"{live_server}/orders/{order.id}")
    expect(bob.locator("#taken")).to_contain_text("alice")
    expect(bob.locator("#po_number")).to_be_disabled()
    bob.goto(f"{live_server}/")
    expect(bob.locator(f"#queue tr:has(a[href='/orders/{order.id}']) .tag.lock")).to_contain_text("alice")
    alice.goto(f"{live_server}/")  # leaving the page sends the release (a beacon)
    deadline = time.monotonic() + 10
    while lock_of(review_store, order.id) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert lock_of(review_store, order.id) is None
    bob.goto(f"{live_server}/orders/{order.id}")
    expect(bob.locator("#taken")).to_have_count(0)
    expect(bob.locator("#po_number")).to_be_enabled()
    for page in (alice, bob):
        page.context.close()


def loaded(image: Locator) -> None:
    """Wait for an image to be drawn (wait_for_function would need eval, which the CSP forbids)."""
    deadline = time.monotonic() + 10
    while not image.evaluate("img => img.complete && img.naturalWidth > 0"):
        assert time.monotonic() < deadline, "the image was not drawn"
        time.sleep(0.05)


def test_pdf_zoom_and_the_live_lines_total(page: Page, live_server: str, review_store: Store, shots: Path):
    _, order_id = store_documents_order(review_store)
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/orders/{order_id}")
    page.click(".source-tabs .tab:has-text('BC-77.pdf')")
    image = page.locator(".pdf-page img").first
    loaded(image)
    narrow = image.bounding_box()["width"]
    page.click(".zoom [data-zoom='1']")
    page.click(".zoom [data-zoom='1']")
    expect(page.locator(".zoom-level").first).to_have_text("200 %")
    expect(image).to_have_attribute("src", re.compile(r"\?scale=2$"))
    loaded(image)
    assert image.bounding_box()["width"] > 1.9 * narrow
    page.screenshot(path=str(shots / "review-pdf-zoom.png"))
    rows = page.locator("#lines tbody tr")
    rows.nth(0).locator("[name=line_quantity]").fill("3")
    rows.nth(0).locator("[name=line_unit_price]").fill("2,50")
    rows.nth(1).locator("[name=line_quantity]").fill("2")
    rows.nth(1).locator("[name=line_unit_price]").fill("1")
    expect(page.locator("#lines-total")).to_have_text("9,50 EUR")


def test_reasons_read_in_the_clerks_language(page: Page, live_server: str, review_store: Store, shots: Path):
    sign_in_page(page, live_server, "alice")
    tiles = page.locator(".stats .stat span")
    chips = page.locator("#queue td.reasons .tag")
    assert tiles.count() > 1 and chips.count() > 0
    codes = re.compile(r"^[a-z]+(_[a-z]+)+$")  # new_customer, line_ambiguous: an untranslated code
    english = re.compile(r"\b(the|customer|line|orders|reviewed)\b")
    for text in tiles.all_inner_texts() + chips.all_inner_texts():
        assert not codes.match(text.strip()) and not english.search(text), text
    expect(page.locator("#queue td.reasons .tag", has_text="nouveau client").first).to_be_visible()
    order = review_orders(review_store)[0]
    page.goto(f"{live_server}/orders/{order.id}")
    page.click("details.intake-doubts summary")
    for text in page.locator("details.intake-doubts li").all_inner_texts():
        assert not english.search(text), text
    page.screenshot(path=str(shots / "review-reasons.png"), full_page=True)
