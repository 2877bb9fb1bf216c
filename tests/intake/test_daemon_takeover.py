"""Two `intake run` processes on one PostgreSQL store and one Dovecot folder: both
process, and one SIGKILLed while it holds a claim loses and doubles nothing (the
other takes its message over)."""

from __future__ import annotations

import datetime as dt
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from sqlmodel import select

from bench.services import Dovecot, Postgres
from models import Store
from models.tables import Message
from tests.intake.imap_helpers import exactly_once, order_message, prepared, start_daemon, wait_log

pytestmark = [pytest.mark.dovecot, pytest.mark.postgres]
MESSAGES = 120


def held_claims(store: Store, daemon: subprocess.Popen) -> list[int]:
    """Messages `daemon` has claimed and not yet given an outcome."""
    prefix = f"{socket.gethostname()}:{daemon.pid}:"
    now = dt.datetime.now(dt.UTC)
    with store.session() as session:
        rows = session.exec(select(Message).where(Message.state == "received"))
        return [
            m.id or 0
            for m in rows
            if (m.claimed_by or "").startswith(prefix) and m.claim_expires_at and m.claim_expires_at > now
        ]


def kill_holding_a_claim(store: Store, daemon: subprocess.Popen, timeout: float) -> list[int]:
    """SIGKILL `daemon` at a moment it holds a claim (frozen with SIGSTOP to look); what it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        daemon.send_signal(signal.SIGSTOP)
        held = held_claims(store, daemon)
        if held:
            daemon.kill()
            daemon.wait(timeout=10)
            return held
        daemon.send_signal(signal.SIGCONT)
        time.sleep(0.01)
    raise AssertionError(f"the daemon held no claim within {timeout} s")


def processed_by(store: Store, daemon: subprocess.Popen) -> int:
    prefix = f"{socket.gethostname()}:{daemon.pid}:"
    return sum((m.claimed_by or "").startswith(prefix) for m in store.list_messages("processed"))


def test_a_daemon_killed_holding_a_claim_loses_and_doubles_nothing(
    dovecot: Dovecot, postgres_server: Postgres, tmp_path: Path
) -> None:
    url = postgres_server.create_database(f"t_{uuid.uuid4().hex[:12]}")
    for n in range(MESSAGES):
        dovecot.inject("orders", order_message(n))
    config, _ = prepared(tmp_path, dovecot, "shared", url=url)
    store = Store.open(url)
    daemons = [start_daemon(config, tmp_path / f"daemon-{n}.log") for n in range(2)]
    try:
        for n in range(2):
            wait_log(tmp_path / f"daemon-{n}.log", ": processed,", 90)  # both work at once
        killed, survivor = daemons
        held = kill_holding_a_claim(store, killed, timeout=60)
        deadline = time.monotonic() + 120
        while dovecot.count("orders", "Processed") < MESSAGES and time.monotonic() < deadline:
            time.sleep(0.2)
        survivor.send_signal(signal.SIGTERM)
        assert survivor.wait(timeout=30) == 0
    finally:
        for daemon in daemons:
            if daemon.poll() is None:
                daemon.kill()
                daemon.wait(timeout=10)
    assert exactly_once(store, MESSAGES)["processed"] == MESSAGES
    assert [dovecot.count("orders", f) for f in ("INBOX", "Processed", "Failed")] == [0, MESSAGES, 0]
    taken_over = [m for m in store.list_messages() if m.id in held]
    assert [m.state for m in taken_over] == ["processed"] * len(held)
    assert all(processed_by(store, d) > 0 for d in daemons)
    assert processed_by(store, killed) + processed_by(store, survivor) == MESSAGES
