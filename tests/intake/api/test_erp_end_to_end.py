"""End to end: the pipeline fills the store, `intake api` serves it, an ERP-like script
polls the feed and posts shipments; orders accepted later are picked up at the next run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from bench.services import free_port, wait_port
from intake.api import Scope, create_token
from intake.ingest import ingest_file
from matchers import CatalogIndex
from models import Settings, Store, load_reference_dir
from models.tables import Order, OrderEvent
from tests.factories.rows import accept
from tests.paths import FIXTURES, ROOT

pytestmark = pytest.mark.slow
FIRST = ["customer_codes_pipe_table_fr.eml", "html_only_table_fr.eml", "plain_dash_list_codes_fr.eml"]
LATER = ["labelled_fields_48h_fr.eml", "ods_town_hall_fr.eml"]


def ingest(store: Store, settings: Settings, names: list[str]) -> None:
    index = CatalogIndex.build(store.load_reference())
    for name in names:
        assert ingest_file(store, FIXTURES / name, index=index, settings=settings).state == "processed"


def erp(env: dict[str, str], url: str, state: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "tests.intake.api.erp_client", "--url", url, "--state", str(state)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def accepted_ids(store: Store) -> set[int]:
    """Accepted orders; those routing held are approved, as a clerk would."""
    with store.session() as session:
        held = [o.id for o in session.exec(select(Order).where(Order.status == "review")) if o.id]
    for order_id in held:
        accept(store, order_id)
    with store.session() as session:
        return {o.id for o in session.exec(select(Order).where(Order.status == "accepted")) if o.id}


def test_an_erp_polls_the_feed_and_ships_every_order_once(store_url: str, tmp_path: Path):
    store = Store.open(store_url)
    load_reference_dir(store, FIXTURES.parent / "ref")
    _, secret = create_token(store, "erp", [Scope.READ, Scope.WRITE])
    env = os.environ | {
        "INTAKE_DATABASE_URL": store_url,
        "INTAKE_NEW_CUSTOMER_ORDERS": "0",
        "INTAKE_NOTIFY_ENABLED": "false",
        "ERP_TOKEN": secret,
    }
    settings = Settings(database_url=store_url, new_customer_orders=0, notify_enabled=False)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "intake", "api", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_port(port, timeout=60)
        url, state = f"http://127.0.0.1:{port}", tmp_path / "erp-state.json"
        ingest(store, settings, FIRST)
        first = accepted_ids(store)
        assert erp(env, url, state)["imported"] == len(first)
        ingest(store, settings, LATER)
        both = accepted_ids(store)
        assert erp(env, url, state)["imported"] == len(both) > len(first)
        assert erp(env, url, state)["imported"] == len(both)  # nothing new: nothing imported again
    finally:
        server.terminate()
        server.wait(timeout=30)
    saved = json.loads(state.read_text())
    assert sorted(saved["shipped"]) == sorted(both)
    with store.session() as session:
        events = list(session.exec(select(OrderEvent)))
    assert sorted(e.order_id for e in events) == sorted(both), "one shipment per order"
    assert all(e.kind == "shipped" and e.tracking == f"TRK{e.order_id:08d}" for e in events)
