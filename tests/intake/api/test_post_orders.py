"""POST /orders: a web shop's order in the record shape, checked and routed like an email order."""

from __future__ import annotations

import pytest

from models import load_reference_dir
from tests.intake.api.harness import Api
from tests.paths import FIXTURES


@pytest.fixture
def shop(api: Api) -> Api:
    load_reference_dir(api.store, FIXTURES.parent / "ref")
    api.settings.__dict__["new_customer_orders"] = 0  # the first-orders hold is tested with email
    return api


def shop_order(**changes: object) -> dict:
    order = {
        "message_id": "WEB-2026-000418",
        "customer_id": "G001",
        "po_number": "CHANTIER-BASTIDE-12",
        "requested_delivery_date": "2026-12-18",
        "lines": [
            {"sku": "VIS-320-200", "quantity": 4, "unit": "boite"},
            {"sku": "VIS-330-200", "quantity": 2, "unit": "boite"},
        ],
    }
    return order | changes


def test_a_clean_shop_order_is_accepted_into_the_feed(shop: Api):
    answer = shop.client.post("/orders", json=shop_order(), headers=shop.write)
    assert answer.status_code == 201, answer.text
    order = answer.json()
    assert order["status"] == "accepted", order["reasons"]
    assert order["source"] == "api" and order["customer_id"] == "G001"
    assert [(line["sku"], line["quantity"]) for line in order["lines"]] == [
        ("VIS-320-200", 4),
        ("VIS-330-200", 2),
    ]
    assert order["ship_to"] == "12 rue des Forges, 33700 Mérignac"  # the customer's own, none given
    assert answer.headers["location"] == f"/orders/{order['id']}"
    feed = shop.client.get("/orders", headers=shop.read).json()["orders"]
    assert [o["id"] for o in feed] == [order["id"]]
    (message,) = shop.client.get("/messages", headers=shop.read).json()["messages"]
    assert message["origin"] == "api:write" and message["orders"] == [order["id"]]


def test_the_same_order_posted_again_is_the_same_order(shop: Api):
    first = shop.client.post("/orders", json=shop_order(), headers=shop.write)
    again = shop.client.post("/orders", json=shop_order(), headers=shop.write)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    other = shop.client.post("/orders", json=shop_order(message_id="WEB-2026-000419"), headers=shop.write)
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"customer_id": "G999"}, "customer"),
        ({"lines": [{"sku": "NO-SUCH-ARTICLE", "description": "Bidule", "quantity": 3}]}, "line"),
    ],
    ids=["unknown-customer", "unknown-article"],
)
def test_an_order_the_checks_doubt_waits_for_a_clerk_with_the_reason(shop: Api, changes: dict, code: str):
    answer = shop.client.post("/orders", json=shop_order(**changes), headers=shop.write)
    assert answer.status_code == 201
    order = answer.json()
    assert order["status"] == "review"
    assert any(code in reason["code"] for reason in order["reasons"]), order["reasons"]
    assert shop.client.get("/orders", headers=shop.read).json()["orders"] == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lines": []}, "lines"),
        ({"lines": [{"sku": "VIS-320-200", "quantity": 0}]}, "quantity"),
        ({"customer_id": ""}, "customer_id"),
    ],
    ids=["no-lines", "zero-quantity", "no-customer"],
)
def test_a_malformed_order_is_refused_saying_where(shop: Api, changes: dict, field: str):
    answer = shop.client.post("/orders", json=shop_order(**changes), headers=shop.write)
    assert answer.status_code == 422 and field in answer.json()["detail"]


def test_posting_orders_needs_the_write_scope(shop: Api):
    assert shop.client.post("/orders", json=shop_order(), headers=shop.read).status_code == 403
