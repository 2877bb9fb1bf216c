"""`intake webhook ...` and the webhooks waiting shown by `intake outbox list`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.services import free_port
from intake.cli import main
from models import Store
from tests.factories.rows import make_order


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


def test_an_unreachable_receiver_shows_in_the_outbox_until_it_is_delivered(capsys, database: str):
    code, out, _ = run(capsys, "webhook", "add", f"http://127.0.0.1:{free_port()}/hook")
    assert code == 0 and out.splitlines()[-1].startswith("whsec_")
    make_order(Store.open(database), po="PO-77")
    code, out, _ = run(capsys, "webhook", "send")
    assert code == 1 and "0 delivered, 1 to retry later" in out and "Connection" in out
    code, out, _ = run(capsys, "outbox", "list")
    assert "webhooks not delivered yet: 1" in out and "order.accepted" in out and "1 tries" in out
    code, out, _ = run(capsys, "webhook", "deliveries", "--state", "pending")
    assert "order.accepted" in out and "Connection" in out


@pytest.mark.parametrize(
    "url", ["ftp://example.invalid/x", "not a url", "http:///nohost"], ids=["ftp", "words", "no-host"]
)
def test_a_webhook_url_is_http_with_a_host(capsys, database: str, url: str):
    code, _, err = run(capsys, "webhook", "add", url)
    assert code == 1 and "http:// or https://" in err


def test_a_disabled_receiver_gets_no_new_events(capsys, database: str):
    run(capsys, "webhook", "add", "http://127.0.0.1:9/hook")
    assert run(capsys, "webhook", "disable", "1")[0] == 0
    assert "disabled" in run(capsys, "webhook", "list")[1]
    make_order(Store.open(database))
    assert run(capsys, "webhook", "deliveries")[1] == ""
