"""Acknowledgements from the pipeline, and the commands: outbox, order status, stats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from intake.cli import main
from intake.ingest import ingest_file
from intake.message_files import iter_message_files
from intake.notify import list_mails
from matchers import CatalogIndex
from models import RoutingMode, Settings, Store
from models.tables import Order
from tests.factories.rows import make_order_with_message
from tests.intake.notify.smtp import SmtpServer
from tests.paths import DEMO_REF

DEMO_EMAILS = DEMO_REF.parent / "emails"


def test_ingest_acknowledges_each_accepted_order_once(loaded_store: Store, settings: Settings) -> None:
    # Established customers (no first-orders rule), held only by errors: some orders are accepted.
    settings = settings.model_copy(update={"routing_mode": RoutingMode.AUTOMATIC, "new_customer_orders": 0})
    index = CatalogIndex.build(loaded_store.load_reference())
    files = list(iter_message_files([DEMO_EMAILS]))
    for _ in range(2):  # the second pass finds every message known: nothing more is queued
        for path in files:
            ingest_file(loaded_store, path, index=index, settings=settings)
    with loaded_store.session() as session:
        orders = list(session.exec(select(Order)))
    accepted = {o.id for o in orders if o.status == "accepted"}
    assert accepted, "the demo messages should give at least one accepted order"
    mails = list_mails(loaded_store)
    assert sorted(m.order_id for m in mails if m.kind == "ack") == sorted(accepted)
    assert all(m.headers.get("In-Reply-To") for m in mails)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, mail_settings: Settings) -> Settings:
    for name, value in {
        "INTAKE_DATABASE_URL": mail_settings.database_url,
        "INTAKE_SMTP_HOST": "127.0.0.1",
        "INTAKE_SMTP_PORT": str(mail_settings.smtp_port),
        "INTAKE_SMTP_TLS": "none",
        "INTAKE_SMTP_FROM": "commandes@negoce.example",
        "INTAKE_SMTP_TIMEOUT_SECONDS": "5",
    }.items():
        monkeypatch.setenv(name, value)
    return mail_settings


def test_order_status_then_outbox_send(
    store: Store,
    cli_env: Settings,
    smtp_server: SmtpServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTAKE_OUTBOX_BACKOFF_SECONDS", "0")  # retry at once
    make_order_with_message(store)
    args = ["order", "status", "BC-7731", "shipped", "--mode", "pickup_point", "--tracking", "XY1"]
    assert main(args) == 0
    assert "mail 1 to paul@chantiers-durand.fr" in capsys.readouterr().out
    assert main(["outbox", "send"]) == 1  # the server is down: kept for later
    assert "1 to retry later" in capsys.readouterr().out
    smtp_server.start()
    assert main(["outbox", "send"]) == 0
    assert "1 sent" in capsys.readouterr().out
    assert main(["outbox", "send"]) == 0
    assert "0 sent" in capsys.readouterr().out
    [received] = smtp_server.inbox.messages
    assert "disponible en point relais" in received.get_content()
    assert main(["outbox", "list"]) == 0
    assert "sent" in capsys.readouterr().out


def test_order_status_of_an_unknown_order_is_an_error(
    store: Store, cli_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["order", "status", "NOPE-1", "shipped"]) == 1
    assert "no order has this number or PO number" in capsys.readouterr().err


@pytest.mark.parametrize("by", [pytest.param(None, id="overall"), pytest.param("customer", id="by-customer")])
def test_stats_json(
    store: Store, cli_env: Settings, capsys: pytest.CaptureFixture[str], by: str | None
) -> None:
    make_order_with_message(store)
    make_order_with_message(store, status="review", subject="Commande 2")
    assert main(["stats", "--format", "json", *(["--by", by] if by else [])]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["overall"]["orders"] == 2 and report["overall"]["in_review"] == 1
    assert [g["key"] for g in report["groups"]] == (["CD01"] if by else [])


def test_stats_table(store: Store, cli_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    make_order_with_message(store)
    assert main(["stats", "--by", "channel"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["orders", "touchless"]
    assert lines[1].startswith("email") and lines[-1].startswith("all")


def test_stats_on_an_empty_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTAKE_DATABASE_URL", f"sqlite:///{tmp_path}/empty.db")
    assert main(["--create-store", "stats"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split()[:3] == ["all", "0", "-"]


def test_the_daemon_pass_sends_the_acknowledgements(
    loaded_store: Store,
    cli_env: Settings,
    smtp_server: SmtpServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("INTAKE_ROUTING_MODE", "automatic")
    monkeypatch.setenv("INTAKE_NEW_CUSTOMER_ORDERS", "0")
    inbox = tmp_path / "drop"
    inbox.mkdir()
    for path in sorted(DEMO_EMAILS.glob("*.eml")):
        (inbox / path.name).write_bytes(path.read_bytes())
    smtp_server.start()
    assert main(["run", "--once", "--drop-folder", str(inbox)]) == 0
    accepted = capsys.readouterr().out.count("ACCEPTED")
    assert accepted >= 1
    assert len(smtp_server.inbox.messages) == accepted
    assert all(m["In-Reply-To"] and m["Auto-Submitted"] == "auto-replied" for m in smtp_server.inbox.messages)
