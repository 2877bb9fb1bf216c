"""Helpers of the IMAP tests: messages, configurations, store checks."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bench.services import Dovecot
from intake.daemon.config import Account, Security, Timing
from models import Store
from tests.paths import DEMO_REF, ROOT

DEMO_ORDER = (ROOT / "demo" / "emails" / "001.eml").read_bytes()
POISON = b"\x00\x01\x02 not an email at all \xff\xfe" * 64
PASSWORD_ENV = "INTAKE_TEST_IMAP_PASSWORD"


def order_message(n: int) -> bytes:
    """The demo order with its own Message-ID: a distinct message for each n."""
    head, _, body = DEMO_ORDER.partition(b"\n\n")
    lines = [line for line in head.split(b"\n") if not line.lower().startswith(b"message-id:")]
    msgid = f"<order-{n}@test.example>".encode()  # the same n, the same bytes
    return (
        b"\n".join([*lines, b"Message-ID: " + msgid, b"X-Test-Number: " + str(n).encode()]) + b"\n\n" + body
    )


def fast_timing(**changes: float) -> Timing:
    values = {
        "poll_seconds": 0.5,
        "idle_seconds": 30.0,
        "connect_timeout": 5.0,
        "read_timeout": 10.0,
        "backoff_initial": 0.1,
        "backoff_max": 0.5,
        "lease_seconds": 5.0,
        "queue_poll_seconds": 0.2,
        "batch_size": 20,
    }
    values.update(changes)
    return Timing.model_validate(values)


def account_for(
    dovecot: Dovecot, security: Security = Security.PLAIN, *, user: str = "orders", **changes: object
) -> Account:
    port = dovecot.imaps_port if security == Security.TLS else dovecot.imap_port
    values: dict[str, object] = {
        "name": user,
        "host": "127.0.0.1",
        "port": port,
        "security": security,
        "ca_file": dovecot.ca_file,
        "user": user,
        "password_env": PASSWORD_ENV,
        "processed_folder": "Processed",
        "failed_folder": "Failed",
    }
    values.update(changes)
    return Account.model_validate(values)


def config_toml(dovecot: Dovecot, database_url: str, *, password_file: Path, **account: object) -> str:
    """A config file's text for one account on the test Dovecot (plain port)."""
    lines = [
        f'database_url = "{database_url}"',
        "[timing]",
        "poll_seconds = 0.5",
        "backoff_initial = 0.1",
        "backoff_max = 0.5",
        "lease_seconds = 5",
        "queue_poll_seconds = 0.2",
        "connect_timeout = 5",
        "read_timeout = 10",
        "batch_size = 20",
        "[[accounts]]",
        'name = "orders"',
        'host = "127.0.0.1"',
        f"port = {dovecot.imap_port}",
        'security = "plain"',
        'user = "orders"',
        f'password_file = "{password_file}"',
        'processed_folder = "Processed"',
        'failed_folder = "Failed"',
    ]
    lines += [f"{key} = {value!r}".replace("'", '"') for key, value in account.items()]
    return "\n".join(lines) + "\n"


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "intake", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def exactly_once(store: Store, expected_messages: int) -> Counter:
    """Each message stored once and decided once: one order if processed, none if failed."""
    messages = store.list_messages()
    counts = store.order_counts()
    assert len(messages) == expected_messages, f"{len(messages)} messages stored, {expected_messages} sent"
    assert len({m.sha256 for m in messages}) == len(messages)
    states = Counter(m.state for m in messages)
    for message in messages:
        orders = counts.get(message.id or 0, 0)
        if message.state == "processed":
            assert orders == (1 if message.kind == "order" else 0), (message.id, orders)
        else:
            assert message.state == "failed" and orders == 0, (message.id, message.state, orders)
    return states


def prepared(
    tmp_path: Path, dovecot: Dovecot, name: str, password: str | None = None, url: str | None = None
) -> tuple[Path, str]:
    """A store (SQLite unless `url`) loaded with the demo catalogue, and a config file for the test Dovecot."""
    url = url or f"sqlite:///{tmp_path}/{name}.db"
    secret = tmp_path / f"{name}.secret"
    secret.write_text(password or dovecot.users["orders"])
    config = tmp_path / f"{name}.toml"
    config.write_text(config_toml(dovecot, url, password_file=secret))
    imported = run_cli(
        "--create-store",
        "catalog",
        "import",
        "--products",
        str(DEMO_REF / "products.csv"),
        "--customers",
        str(DEMO_REF / "customers.csv"),
        "--customer-refs",
        str(DEMO_REF / "customer_refs.csv"),
        env={"INTAKE_DATABASE_URL": url},
    )
    assert imported.returncode == 0, imported.stderr
    return config, url


def start_daemon(config: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "intake", "run", "--config", str(config)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
    )


def wait_log(log: Path, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text(errors="replace"):
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} not logged within {timeout} s:\n{log.read_text()[-2000:]}")
        time.sleep(0.02)
