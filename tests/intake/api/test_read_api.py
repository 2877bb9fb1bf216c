"""The read API: token scopes, the accepted-orders feed, one order, messages, the schema."""

from __future__ import annotations

import json
import random
import threading

import pytest
from sqlmodel import select

from intake.api import Scope, create_token, revoke_token
from intake.commands.api import openapi_schema
from models.tables import ApiToken
from tests.factories.rows import accept, make_order
from tests.intake.api.harness import SAMPLE, Api, bearer
from tests.paths import ROOT


@pytest.mark.parametrize(
    ("who", "status"),
    [("nobody", 401), ("stranger", 401), ("write", 403), ("read", 200), ("both", 200)],
    ids=["no-token", "unknown-token", "write-only", "read", "read-write"],
)
def test_reading_needs_a_token_with_the_read_scope(api: Api, who: str, status: int):
    headers = {
        "nobody": {},
        "stranger": bearer("itk_not-a-token"),
        "write": api.write,
        "read": api.read,
        "both": api.both,
    }[who]
    for path in ("/orders", "/orders/1", "/messages"):
        answer = api.client.get(path, headers=headers)
        assert answer.status_code == (404 if status == 200 and path == "/orders/1" else status), path
        if status == 401:
            assert answer.headers["www-authenticate"].startswith("Bearer")
            assert "token" in answer.json()["detail"]


def test_a_revoked_token_is_refused_at_its_next_request(api: Api):
    row, secret = create_token(api.store, "erp", [Scope.READ])
    assert api.client.get("/orders", headers=bearer(secret)).status_code == 200
    revoke_token(api.store, row.id or 0)
    answer = api.client.get("/orders", headers=bearer(secret))
    assert answer.status_code == 401
    assert "revoked" in answer.json()["detail"]


def test_tokens_are_kept_hashed(api: Api):
    _, secret = create_token(api.store, "warehouse", [Scope.READ])
    with api.store.session() as session:
        rows = list(session.exec(select(ApiToken)))
    kept = " ".join(f"{r.token_hash} {r.prefix} {r.name} {r.scopes}" for r in rows)
    assert secret not in kept and secret[8:] not in kept
    assert secret[:10] in kept  # the prefix, to tell tokens apart


def test_the_feed_gives_accepted_orders_in_the_order_they_were_accepted(api: Api):
    first = make_order(api.store, po="A")
    held = make_order(api.store, po="B", status="review")
    third = make_order(api.store, po="C")
    accept(api.store, held)  # a clerk approves it after the third was accepted
    page = api.client.get("/orders", params={"limit": 2}, headers=api.read).json()
    assert [o["id"] for o in page["orders"]] == [first, third]
    assert page["orders"][0]["po_number"] == "A"
    assert page["orders"][0]["lines"][1] == {
        "line_no": 2, "sku": "CHEV-880", "customer_ref": None, "description": None,
        "quantity": 2.0, "unit": None, "unit_price": None,
    }  # fmt: skip
    rest = api.client.get("/orders", params={"after": page["next_cursor"]}, headers=api.read).json()
    assert [o["id"] for o in rest["orders"]] == [held]
    done = api.client.get("/orders", params={"after": rest["next_cursor"]}, headers=api.read).json()
    assert done == {"orders": [], "next_cursor": rest["next_cursor"]}


def test_the_feed_misses_and_repeats_nothing_while_orders_are_accepted_concurrently(api: Api):
    """Writers keep their transaction open a random while after the order is numbered: a
    reader following ids or a plain sequence would move past an order not yet committed."""
    accepted: list[int] = []
    lock = threading.Lock()

    def writer(seed: int) -> None:
        rng = random.Random(seed)
        for n in range(8):
            order_id = make_order(api.store, po=f"W{seed}-{n}", hold=rng.uniform(0, 0.03))
            with lock:
                accepted.append(order_id)

    writers = [threading.Thread(target=writer, args=(seed,)) for seed in range(4)]
    for thread in writers:
        thread.start()
    seen: list[int] = []
    cursor = 0

    def poll() -> None:
        nonlocal cursor
        page = api.client.get("/orders", params={"after": cursor, "limit": 5}, headers=api.read).json()
        seen.extend(o["id"] for o in page["orders"])
        cursor = page["next_cursor"]

    while any(t.is_alive() for t in writers):
        poll()
    for thread in writers:
        thread.join()
    for _ in range(10):
        poll()
    assert len(seen) == len(set(seen)), "an order was given twice"
    assert sorted(seen) == sorted(accepted), "an order was missed"


def test_one_order_comes_with_its_lines_and_where_they_were_read(api: Api, ingested: int):
    order = api.client.get(f"/orders/{ingested}", headers=api.read).json()
    assert order["status"] == "accepted" and order["cursor"] == 1
    assert order["lines"] and all(line["provenance"]["part"] for line in order["lines"])
    assert order["provenance"]["requested_delivery_date"]["span"] is not None
    assert order["message_pk"] == 1


def test_the_feed_gives_the_record_of_the_contract_as_export_does(api: Api, ingested: int):
    (exported,) = api.store.order_records("accepted")
    (fed,) = api.client.get("/orders", headers=api.read).json()["orders"]
    assert fed == exported.model_dump(mode="json") | {"id": ingested, "cursor": 1}
    detail = api.client.get(f"/orders/{ingested}", headers=api.read).json()
    assert {k: detail[k] for k in exported.model_dump() if k != "lines"} == exported.model_dump(
        mode="json", exclude={"lines"}
    )


def test_messages_are_listed_with_their_state_and_orders(api: Api, ingested: int):
    page = api.client.get("/messages", headers=api.read).json()
    assert page["next_after"] is None
    (message,) = page["messages"]
    assert message["state"] == "processed" and message["kind"] == "order"
    assert message["orders"] == [ingested]
    assert message["origin"].endswith(SAMPLE)
    failed = api.client.get("/messages", params={"state": "failed"}, headers=api.read).json()
    assert failed["messages"] == []
    bad = api.client.get("/messages", params={"state": "lost"}, headers=api.read)
    assert bad.status_code == 422 and "state" in bad.json()["detail"]


def test_the_committed_openapi_schema_is_the_served_one(api: Api):
    committed = json.loads((ROOT / "docs" / "openapi.json").read_text())
    assert openapi_schema() == committed, "run `intake api --openapi > docs/openapi.json`"
    served = api.client.get("/openapi.json").json()
    assert served == committed
    assert served["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
