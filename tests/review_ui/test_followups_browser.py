"""Follow-ups in Chromium: a change shown as a diff and applied, a return closed with its outcome."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from models import Settings, Store
from models.tables import Followup, Order, OrderLine, OutboxMail
from models.users import add_user
from tests.factories.followups import ingest_followups
from tests.review_ui.clerk import PASSWORDS, sign_in_page

pytestmark = pytest.mark.browser

# An order and the change that names its film rolls (linked by its lines: a clerk decides);
# an order and the return of its trays (returns always go to a clerk).
MESSAGES = [
    "orders/o4_greenbowl.eml",
    "orders/o5_lemoine.eml",
    "open/f04_reduce_lines_en.eml",
    "open/f10_return_wrong_fr.eml",
]


@pytest.fixture
def review_store(ui_settings: Settings) -> Store:
    """A store of the follow-up fixtures' wholesaler, its two orders and their follow-ups."""
    store = Store.open(ui_settings.database_url)
    ingest_followups(store, MESSAGES, ui_settings)
    add_user(store, "alice", PASSWORDS["alice"], role="clerk")
    return store


def _followup(store: Store, kind: str) -> Followup:
    with store.session() as session:
        return session.exec(select(Followup).where(Followup.kind == kind)).one()


def test_a_change_shows_its_diff_and_the_clerk_applies_it(
    page: Page, live_server: str, review_store: Store, shots: Path
) -> None:
    change = _followup(review_store, "change")
    assert change.state == "open" and change.order_id is not None
    sign_in_page(page, live_server, "alice")
    page.click("#nav-followups")
    expect(page.locator("#followups tbody tr")).to_have_count(2)
    page.click(f"a[href='/followups/{change.id}']")
    expect(page.locator("#diff tr.changed[data-sku='FILM-45-300'] td.num").last).to_have_text("4")
    expect(page.locator("#diff tr.same")).to_have_count(1)
    page.screenshot(path=str(shots / "followup-diff.png"), full_page=True)
    page.click("#apply")
    expect(page.locator("#decided")).to_be_visible()
    with review_store.session() as session:
        film = session.exec(
            select(OrderLine).where(OrderLine.order_id == change.order_id, OrderLine.sku == "FILM-45-300")
        ).one()
        assert film.quantity == 4
        assert session.get(Followup, change.id).decided_by == "alice"  # type: ignore[union-attr]


def test_the_returns_queue_shows_the_order_lines_and_reason_and_takes_an_outcome(
    page: Page, live_server: str, review_store: Store, shots: Path
) -> None:
    returned = _followup(review_store, "return")
    sign_in_page(page, live_server, "alice")
    page.click("#nav-returns")
    row = page.locator("#returns tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator(".returned")).to_contain_text("BARQ-1000-300 × 8")
    with review_store.session() as session:
        order = session.get(Order, returned.order_id)
        assert order is not None
    expect(row).to_contain_text(order.po_number or "")
    page.screenshot(path=str(shots / "returns-queue.png"), full_page=True)
    page.click(f"a[href='/followups/{returned.id}']")
    expect(page.locator("#return-reason")).to_be_visible()
    page.click("#accept-return")  # the goods are taken back before the outcome is chosen
    expect(page.locator("#notice")).to_be_visible()
    expect(page.locator("#accept-return")).to_have_count(0)
    page.select_option("#outcome", "credit_note")
    page.click("#apply")
    expect(page.locator("#decided")).to_be_visible()
    with review_store.session() as session:
        row_after = session.get(Followup, returned.id)
        assert row_after is not None and (row_after.state, row_after.outcome) == ("applied", "credit_note")
        keys = {m.dedup_key for m in session.exec(select(OutboxMail).where(OutboxMail.kind == "followup"))}
        assert {f"followup:{returned.id}:accepted", f"followup:{returned.id}:credit_note"} <= keys
