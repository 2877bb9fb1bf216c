"""The clerk's mail routes, mounted on a bare app with a stand-in login."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi import FastAPI, Header, HTTPException
from fastapi.testclient import TestClient

from intake.notify import list_mails
from models import Settings, Store
from review_ui.notify_routes import make_router
from tests.factories.rows import ORIGINAL_ID, make_order_with_message


@dataclass
class User:
    username: str


def require_user(x_user: str | None = Header(default=None)) -> User:
    """The review UI's login stands here: a user named by a header, else 401."""
    if not x_user:
        raise HTTPException(status_code=401, detail="login required")
    return User(x_user)


def make_client(store: Store, settings: Settings) -> TestClient:
    app = FastAPI()
    app.state.store, app.state.settings = store, settings
    app.include_router(make_router(require_user))
    return TestClient(app)


def test_detail_request_is_queued_and_threaded(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store)
    client = make_client(store, settings)
    response = client.post(
        f"/orders/{order_id}/lines/2/detail-request",
        data={"question": "Quelle section pour les bastaings ?"},
        headers={"X-User": "marie"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["to"] == "paul@chantiers-durand.fr" and body["state"] == "pending"
    [row] = list_mails(store)
    assert row.kind == "detail_request" and row.headers["In-Reply-To"] == ORIGINAL_ID


def test_status_route_redirects_a_form_back(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store)
    client = make_client(store, settings)
    response = client.post(
        f"/orders/{order_id}/status",
        data={"status": "shipped", "mode": "pickup_point", "tracking": "XY1", "next": f"/orders/{order_id}"},
        headers={"X-User": "marie"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == f"/orders/{order_id}"
    [row] = list_mails(store)
    assert "disponible en point relais" in row.body_text


@pytest.mark.parametrize(
    ("path", "data", "headers", "status"),
    [
        pytest.param("/orders/{id}/status", {"status": "shipped"}, {}, 401, id="no-login"),
        pytest.param("/orders/{id}/lines/2/detail-request", {"question": "x"}, {}, 401, id="no-login-detail"),
        pytest.param(
            "/orders/{id}/lines/7/detail-request", {"question": "x"}, {"X-User": "m"}, 400, id="no-line"
        ),
        pytest.param("/orders/{id}/status", {"status": "lost"}, {"X-User": "m"}, 422, id="unknown-status"),
        pytest.param("/orders/999/status", {"status": "shipped"}, {"X-User": "m"}, 400, id="unknown-order"),
    ],
)
def test_refusals(
    store: Store, settings: Settings, path: str, data: dict[str, str], headers: dict[str, str], status: int
) -> None:
    order_id = make_order_with_message(store)
    response = make_client(store, settings).post(path.format(id=order_id), data=data, headers=headers)
    assert response.status_code == status
    assert list_mails(store) == []


def test_an_outside_next_is_not_followed(store: Store, settings: Settings) -> None:
    order_id = make_order_with_message(store)
    response = make_client(store, settings).post(
        f"/orders/{order_id}/status",
        data={"status": "delivered", "next": "//evil.example/x"},
        headers={"X-User": "marie"},
        follow_redirects=False,
    )
    assert response.status_code == 200 and response.json()["state"] == "pending"
