"""The API under test: its store, settings and client, and a bearer header for each scope."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.testclient import TestClient

from models import Settings, Store

SAMPLE = "customer_codes_pipe_table_fr.eml"


@dataclass
class Api:
    store: Store
    settings: Settings
    client: TestClient
    read: dict[str, str]
    write: dict[str, str]
    both: dict[str, str]


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}
