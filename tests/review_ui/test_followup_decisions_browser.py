"""Follow-up decisions in Chromium: a clerk rejects one, and picks the order of an ambiguous one."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from models import Settings, Store
from models.tables import AuditEvent, Followup, Order, OrderLine
from models.users import add_user
from tests.factories.followups import ingest_followups
from tests.review_ui.clerk import PASSWORDS, sign_in_page

pytestmark = pytest.mark.browser

# Two orders of one customer and a change naming neither ("à ma commande": a clerk picks);
# an order and a change naming its film rolls (linked by its lines), which the clerk rejects.
MESSAGES = [
    "orders/o1_bistrot.eml",
    "orders/o2_bistrot.eml",
    "orders/o4_greenbowl.eml",
    "open/f04_reduce_lines_en.eml",
    "open/f17_add_ambiguous_fr.eml",
]


@pytest.fixture
def review_store(ui_settings: Settings) -> Store:
    store = Store.open(ui_settings.database_url)
    ingest_followups(store, MESSAGES, ui_settings)
    add_user(store, "alice", PASSWORDS["alice"], role="clerk")
    return store


def _followup(store: Store, subject_sku: str) -> Followup:
    with store.session() as session:
        rows = session.exec(select(Followup).where(Followup.kind == "change")).all()
        return next(r for r in rows if subject_sku in str(r.change))


def _lines(store: Store, order_id: int) -> dict[str, float]:
    with store.session() as session:
        rows = session.exec(select(OrderLine).where(OrderLine.order_id == order_id))
        return {line.sku or "": line.quantity or 0.0 for line in rows}


def _audit(store: Store, followup_id: int) -> list[tuple[str, str]]:
    with store.session() as session:
        rows = session.exec(select(AuditEvent).where(AuditEvent.entity_id == str(followup_id)))
        return [(a.actor, a.action) for a in rows if a.entity == "followup"]


def test_a_clerk_rejects_a_change_and_the_order_stays_as_it_was(
    page: Page, live_server: str, review_store: Store
) -> None:
    change = _followup(review_store, "FILM-45-300")
    assert change.state == "open" and change.order_id is not None
    before = _lines(review_store, change.order_id)
    sign_in_page(page, live_server, "alice")
    page.click("#nav-followups")
    page.click(f"a[href='/followups/{change.id}']")
    expect(page.locator("#diff tr.changed[data-sku='FILM-45-300']")).to_have_count(1)
    page.click("#reject")
    expect(page.locator("#decided")).to_be_visible()
    expect(page.locator("#apply")).to_have_count(0)
    with review_store.session() as session:
        row = session.get(Followup, change.id)
        assert row is not None
        assert (row.state, row.decided_by, row.order_id) == ("rejected", "alice", change.order_id)
    assert _lines(review_store, change.order_id) == before
    assert ("alice", "followup:reject") in _audit(review_store, change.id or 0)


def test_a_clerk_picks_the_order_of_an_ambiguous_change_then_applies_it(
    page: Page, live_server: str, review_store: Store
) -> None:
    change = _followup(review_store, "GANT-NIT-M")
    assert change.order_id is None and len(change.candidates) == 2
    with review_store.session() as session:
        chosen = session.exec(select(Order).where(Order.po_number == "BDP-2612")).one()
        other = session.exec(select(Order).where(Order.po_number == "BDP-2611")).one()
    assert chosen.id is not None and other.id is not None
    untouched = _lines(review_store, other.id)
    sign_in_page(page, live_server, "alice")
    page.click("#nav-followups")
    page.click(f"a[href='/followups/{change.id}']")
    expect(page.locator("#candidates tbody tr")).to_have_count(2)
    page.locator("#candidates tbody tr", has_text="BDP-2612").locator("button").click()
    expect(page.locator("#linked-order")).to_have_text(f"#{chosen.id}")
    with review_store.session() as session:
        row = session.get(Followup, change.id)
        assert row is not None and (row.order_id, row.link_by, row.state) == (chosen.id, "clerk", "open")
    expect(page.locator("#diff tr.added[data-sku='GANT-NIT-M']")).to_have_count(1)
    page.click("#apply")
    expect(page.locator("#decided")).to_be_visible()
    with review_store.session() as session:
        row = session.get(Followup, change.id)
        order = session.get(Order, chosen.id)
        assert row is not None and order is not None
        assert (row.state, row.decided_by) == ("applied", "alice")
    assert order.status == "review"  # a new customer's first orders wait: edited in place
    assert _lines(review_store, chosen.id).get("GANT-NIT-M") == 1
    assert _lines(review_store, other.id) == untouched
    assert [a for _, a in _audit(review_store, change.id or 0)][:1] == ["followup:link"]
