"""What a clerk does in the review UI tests: sign in (over HTTP or in Chromium), find the
orders waiting for review."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlmodel import select

from models import Store
from models.tables import Order

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from playwright.sync_api import Page

PASSWORDS = {"alice": "alice-password-1", "bob": "bob-password-22"}
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def sign_in(client: TestClient, user: str = "alice") -> str:
    """Sign in through the form; returns the session's CSRF token."""
    client.get("/login")
    token = TOKEN.search(client.get("/login").text)[1]
    answer = client.post("/login", data={"username": user, "password": PASSWORDS[user], "csrf_token": token})
    assert answer.status_code == 303, answer.text
    return TOKEN.search(client.get("/").text)[1]


def sign_in_page(page: Page, base: str, user: str) -> None:
    """Sign in through the form in the browser, and wait for the user's name in the top bar."""
    from playwright.sync_api import expect

    page.goto(f"{base}/login")
    page.fill("#username", user)
    page.fill("#password", PASSWORDS[user])
    page.click("button[type=submit]")
    expect(page.locator(".topbar .who")).to_contain_text(user)


def first_review_order(store: Store) -> Order:
    with store.session() as session:
        order = session.exec(select(Order).where(Order.status == "review").order_by(Order.id)).first()
    assert order is not None
    return order


def review_orders(store: Store) -> list[Order]:
    with store.session() as session:
        return list(session.exec(select(Order).where(Order.status == "review").order_by(Order.created_at)))
