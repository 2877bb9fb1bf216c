"""The clerk's desk in Debian's Chromium: hostile documents, languages, keyboard, locks, dashboard."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from sqlmodel import select

from models import Settings, Store
from models.tables import Order
from tests.review_ui.conftest import ingest_bytes
from tests.review_ui.factories import make_zip_bomb_xlsx, message_with_attachment
from tests.review_ui.test_browser import sign_in

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
    sign_in(clerk, live_server, "alice")
    sign_in(other, live_server, "bob")
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
    expect(failure).to_contain_text("zip bomb")
    expect(failure.locator("a[download]")).to_have_attribute("href", f"/messages/{pk}/attachments/0")
    # The live server runs in this process: the document was never unpacked here.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - peak_before < 100
    clerk.screenshot(path=str(shots / "review-unreadable-document.png"), full_page=True)
