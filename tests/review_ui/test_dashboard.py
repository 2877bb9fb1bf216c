"""The dashboard page on a bare app: figures, inline SVG charts, nothing fetched from outside."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fastapi import FastAPI, Header, HTTPException
from fastapi.testclient import TestClient

from intake.reports.charts import Bar, bar_chart
from models import Settings, Store
from models.tables import Followup
from review_ui.dashboard import make_router
from tests.factories.rows import make_rows


@dataclass
class User:
    username: str


def require_user(x_user: str | None = Header(default=None)) -> User:
    if not x_user:
        raise HTTPException(status_code=401, detail="login required")
    return User(x_user)


@pytest.fixture
def client(store: Store, settings: Settings) -> TestClient:
    orders, _, events, messages = make_rows()
    with store.session() as session:
        session.add_all(messages)
        session.flush()
        session.add_all(orders)
        session.flush()
        session.add_all(events)
        session.commit()
    app = FastAPI()
    app.state.store, app.state.settings = store, settings.model_copy(update={"timezone": "UTC"})
    app.include_router(make_router(require_user))
    return TestClient(app)


def test_dashboard_needs_a_login(client: TestClient) -> None:
    assert client.get("/dashboard").status_code == 401


def test_dashboard_shows_figures_and_charts(client: TestClient) -> None:
    response = client.get("/dashboard", headers={"X-User": "marie"})
    assert response.status_code == 200
    page = response.text
    assert page.count("<svg") == 6
    assert "2026-W48" in page and "2026-W49" in page
    assert "33%" in page  # touchless: 2 of 6 orders
    assert "<script" not in page and not re.search(r'(src|href)="https?://', page)


@pytest.mark.parametrize(
    ("by", "key"),
    [
        pytest.param("customer", "(unknown)", id="customer"),
        pytest.param("channel", "spreadsheet", id="channel"),
    ],
)
def test_dashboard_table_by_group(client: TestClient, by: str, key: str) -> None:
    page = client.get(f"/dashboard?by={by}", headers={"X-User": "marie"}).text
    assert f"<td>{key}</td>" in page


def test_bar_chart_escapes_labels_and_scales_bars() -> None:
    svg = bar_chart(
        "t", [Bar(label="<b>&co", values=[0.5]), Bar(label="full", values=[1.0])], ["rate"],
        value_format=lambda v: f"{v:.0%}", max_value=1.0,
    )  # fmt: skip
    assert "&lt;b&gt;&amp;co" in svg and "<b>" not in svg
    widths = [float(w) for w in re.findall(r'<rect x="170" y="[\d.]+" width="([\d.]+)"', svg)]
    assert widths == [200.0, 400.0]


def test_bar_chart_without_data_says_so() -> None:
    assert "no data yet" in bar_chart("t", [], ["x"], value_format=str)


def test_dashboard_lists_webhooks_not_delivered_with_their_error(client: TestClient, store: Store) -> None:
    from bench.services import free_port
    from intake.webhooks import add_endpoint, deliver_due
    from tests.factories.rows import make_order

    add_endpoint(store, f"http://127.0.0.1:{free_port()}/hook")
    make_order(store, po="PO-WEBHOOK")
    deliver_due(store, timeout=0.3)
    page = client.get("/dashboard", headers={"X-User": "marie"}).text
    assert "Webhooks not delivered yet" in page and "order.accepted" in page and "Connection" in page


def test_dashboard_shows_changes_cancellations_and_returns(client: TestClient, store: Store) -> None:
    page = client.get("/dashboard", headers={"X-User": "marie"}).text
    assert 'class="followup-figures"' not in page  # no follow-up yet: no empty table
    with store.session() as session:
        returned = {"lines": [{"sku": "S1", "quantity": 2}], "reason": "damaged"}
        session.add(
            Followup(message_pk=101, message_id="<f@x>", kind="return", order_id=1, returned=returned)
        )
        session.add(Followup(message_pk=101, message_id="<g@x>", kind="cancellation", order_id=2))
        session.commit()
    page = client.get("/dashboard", headers={"X-User": "marie"}).text
    rows = re.findall(r"<tr><td>(.*?)</tr>", page.split('class="followup-figures"')[1].split("</table>")[0])
    assert (
        "A</td><td>3</td><td>0</td><td>1</td><td>1</td><td>33%</td><td>damaged 1</td>" in rows
    )  # 1 return, 3 orders
    assert 'class="returned-articles"' in page and "<td>S1</td>" in page
