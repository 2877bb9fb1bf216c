"""The dashboard inside the review UI, in Chromium: styled by the app's CSS under its CSP, in French and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from models import Settings, Store
from models.users import add_user
from tests.factories.rows import make_rows
from tests.review_ui.clerk import PASSWORDS, sign_in_page

pytestmark = pytest.mark.browser


@pytest.fixture
def review_store(ui_settings: Settings) -> Store:
    """Two weeks of decided orders (the KPI tests' rows) and the test users: a store with a trend."""
    store = Store.open(ui_settings.database_url)
    orders, _, events, messages = make_rows()
    with store.session() as session:
        session.add_all(messages)
        session.flush()
        session.add_all(orders)
        session.flush()
        session.add_all(events)
        session.commit()
    add_user(store, "alice", PASSWORDS["alice"], role="clerk")
    add_user(store, "bob", PASSWORDS["bob"], role="admin", language="en")
    return store


def test_dashboard_cards_are_styled_and_show_their_trend(page: Page, live_server: str, shots: Path):
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None,
    )
    sign_in_page(page, live_server, "alice")
    page.goto(f"{live_server}/dashboard")
    expect(page.locator("h1")).to_have_text("Tableau de bord")
    cards = page.locator(".kpi-panel .card")
    expect(cards).to_have_count(6)
    style = cards.first.evaluate(
        "card => { const s = getComputedStyle(card), v = getComputedStyle(card.querySelector('.value'));"
        " return {display: getComputedStyle(card.parentElement).display, background: s.backgroundColor,"
        " border: s.borderTopWidth, size: v.fontSize, weight: v.fontWeight}; }"
    )
    assert style == {
        "display": "grid",
        "background": "rgb(255, 255, 255)",
        "border": "3px",
        "size": "28px",
        "weight": "700",
    }
    # Side by side, not stacked: the second card starts to the right of the first.
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert first and second and second["x"] > first["x"] + first["width"] - 1 and second["y"] == first["y"]
    expect(cards.first.locator(".label")).to_have_text("Commandes")
    expect(page.locator(".kpi-touchless .trend")).to_contain_text("pts")
    expect(page.locator(".kpi-panel figcaption").first).to_have_text("Taux sans intervention par semaine")
    expect(page.locator("table.figures thead th").first).to_have_text("semaine")
    assert not blocked, blocked
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    page.locator("form[action='/language'] button[value=en]").click()
    page.goto(f"{live_server}/dashboard")
    expect(cards.first.locator(".label")).to_have_text("Orders")
    expect(page.locator(".kpi-panel figcaption").first).to_have_text("Touchless rate by week")
