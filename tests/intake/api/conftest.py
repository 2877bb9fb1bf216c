"""The API over a store (SQLite or PostgreSQL), with tokens of each scope."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from intake.api import Scope, create_api, create_token
from models import Settings, Store


@dataclass
class Api:
    store: Store
    client: TestClient
    read: dict[str, str]
    write: dict[str, str]
    both: dict[str, str]


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def api(store_url: str, tmp_path) -> Api:
    store = Store.open(store_url)
    settings = Settings(database_url=store_url, drop_folder=tmp_path / "inbox", notify_enabled=False)
    tokens = {
        name: bearer(create_token(store, name, scopes)[1])
        for name, scopes in (
            ("read", [Scope.READ]),
            ("write", [Scope.WRITE]),
            ("both", [Scope.READ, Scope.WRITE]),
        )
    }
    return Api(store, TestClient(create_api(settings, store)), **tokens)
