"""`intake token create|list|revoke` and `intake api --openapi`, in-process on a temporary store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from intake.api import create_api
from intake.cli import main
from models import Settings, Store


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("INTAKE_DATABASE_URL", url)
    monkeypatch.setenv("INTAKE_CREATE_STORE", "true")
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_created_token_reads_until_it_is_revoked(capsys, database: str):
    code, out, _ = run(capsys, "token", "create", "--name", "erp", "--scope", "read")
    assert code == 0
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("itk_")
    client = TestClient(create_api(Settings(database_url=database), Store.open(database)))
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/orders", headers=headers).status_code == 200
    code, out, _ = run(capsys, "token", "list")
    assert code == 0 and "erp" in out and "active" in out and secret not in out
    token_id = out.split()[0]
    assert run(capsys, "token", "revoke", token_id)[0] == 0
    assert "revoked" in run(capsys, "token", "list")[1]
    assert client.get("/orders", headers=headers).status_code == 401


def test_a_token_needs_a_known_scope_and_revoking_an_unknown_one_says_so(capsys, database: str):
    with pytest.raises(SystemExit) as usage:
        main(["token", "create", "--name", "erp", "--scope", "admin"])
    assert usage.value.code == 2
    code, _, err = run(capsys, "token", "revoke", "42")
    assert code == 1 and "no API token 42" in err


def test_the_openapi_option_prints_the_schema(capsys):
    code, out, _ = run(capsys, "api", "--openapi")
    assert code == 0
    assert set(json.loads(out)["paths"]) >= {"/orders", "/orders/{order_id}", "/messages"}
