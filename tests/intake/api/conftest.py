"""The API over a store (SQLite or PostgreSQL), with tokens of each scope."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from intake.api import Scope, create_api, create_token
from intake.ingest import ingest_file
from matchers import CatalogIndex
from models import Settings, Store, load_reference_dir
from tests.factories.rows import accept
from tests.intake.api.harness import SAMPLE, Api, bearer
from tests.paths import FIXTURES


@pytest.fixture
def api(store_url: str, tmp_path) -> Api:
    store = Store.open(store_url)
    settings = Settings(
        database_url=store_url, drop_folder=tmp_path / "inbox", smtp_from="orders@garonne-pro.invalid"
    )
    tokens = {
        name: bearer(create_token(store, name, scopes)[1])
        for name, scopes in (
            ("read", [Scope.READ]),
            ("write", [Scope.WRITE]),
            ("both", [Scope.READ, Scope.WRITE]),
        )
    }
    return Api(store, settings, TestClient(create_api(settings, store)), **tokens)


@pytest.fixture
def ingested(api: Api) -> int:
    """A real message through the pipeline (a pipe table of customer codes), accepted."""
    load_reference_dir(api.store, FIXTURES.parent / "ref")
    settings = api.settings.model_copy(update={"new_customer_orders": 0})
    index = CatalogIndex.build(api.store.load_reference())
    outcome = ingest_file(api.store, FIXTURES / SAMPLE, index=index, settings=settings)
    assert outcome.state == "processed" and outcome.order_ids
    if outcome.result and outcome.result.orders[0].record.status.value == "review":
        accept(api.store, outcome.order_ids[0])  # routing may change: a clerk's approval is as good
    return outcome.order_ids[0]
