"""The dashboard in a real Chromium: the charts draw, links work, nothing is fetched elsewhere."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Page

from bench.services import free_port
from models import Settings, Store
from review_ui.dashboard import make_router
from tests.factories.rows import make_rows


def signed_in() -> str:
    return "marie"


@pytest.fixture
def dashboard_url(store: Store, settings: Settings) -> Iterator[str]:
    orders, _, events, messages = make_rows()
    with store.session() as session:
        session.add_all(messages)
        session.flush()
        session.add_all(orders)
        session.flush()
        session.add_all(events)
        session.commit()
    app = FastAPI()
    app.state.store, app.state.settings = store, settings
    app.include_router(make_router(signed_in))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/dashboard"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.browser
def test_dashboard_charts_draw_in_chromium(dashboard_url: str, page: Page) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(dashboard_url)
    charts = page.locator("figure svg")
    assert charts.count() == 6
    for index in range(6):
        box = charts.nth(index).bounding_box()
        assert box is not None and box["width"] > 600 and box["height"] > 40
    bars = page.locator("figure svg rect")
    assert bars.count() > 10
    page.get_by_role("link", name="by customer").click()
    page.wait_for_url("**by=customer")
    assert page.locator("table.figures tbody tr").count() == 4  # three customers and the total
    assert all(url.startswith(dashboard_url.rsplit("/", 1)[0]) for url in requested)
