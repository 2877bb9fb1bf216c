"""`intake run` as a process on a real Dovecot: the same orders as `intake ingest`,
SIGTERM finishes the message in hand, SIGKILL at random moments loses and
doubles nothing, and a wrong password is reported without a traceback."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest

from bench.services import Dovecot
from models import Store
from tests.intake.imap_helpers import (
    POISON,
    exactly_once,
    order_message,
    prepared,
    run_cli,
    start_daemon,
    wait_log,
)
from tests.paths import ROOT

pytestmark = pytest.mark.dovecot
DEMO_EMAILS = ROOT / "demo" / "emails"


def test_run_once_gives_the_same_orders_as_ingest(dovecot: Dovecot, tmp_path: Path) -> None:
    emails = sorted(DEMO_EMAILS.glob("*.eml"))
    for path in emails:
        dovecot.inject("orders", path.read_bytes())
    config, imap_url = prepared(tmp_path, dovecot, "imap")
    _, file_url = prepared(tmp_path, dovecot, "files")
    ran = run_cli("run", "--once", "--config", str(config))
    assert ran.returncode == 0, ran.stderr
    assert f"IMAP: {len(emails)} processed, 0 failed" in ran.stdout
    ingested = run_cli("ingest", str(DEMO_EMAILS), env={"INTAKE_DATABASE_URL": file_url})
    assert ingested.returncode == 0, ingested.stderr

    def records(url: str) -> list[dict]:
        found = [r.model_dump(mode="json") for r in Store.open(url).order_records()]
        return sorted(found, key=lambda r: (r["message_id"], r["po_number"] or ""))

    from_imap, from_files = records(imap_url), records(file_url)
    assert from_files, "the demo messages hold orders"
    assert from_imap == from_files
    assert dovecot.count("orders", "Processed") == len(emails)


def test_a_wrong_password_is_reported_without_a_traceback(dovecot: Dovecot, tmp_path: Path) -> None:
    config, _ = prepared(tmp_path, dovecot, "wrong", password="not-the-password")
    ran = run_cli("run", "--once", "--config", str(config))
    assert ran.returncode == 1
    assert "mailbox orders: login refused while logging in" in ran.stderr
    assert "Traceback" not in ran.stderr


def test_sigterm_finishes_the_message_in_hand(dovecot: Dovecot, tmp_path: Path) -> None:
    for n in range(20):
        dovecot.inject("orders", order_message(n))
    config, url = prepared(tmp_path, dovecot, "term")
    log = tmp_path / "daemon.log"
    daemon = start_daemon(config, log)
    wait_log(log, "UID 5: processed", 120)  # failure bounds: a daemon start loads the models
    # Mail keeps coming while the daemon works: it is stopped in the middle of it, once the folder's
    # worker has moved what the queue decided (the last arrivals are not even recorded then).
    sent = 20
    deadline = time.monotonic() + 120
    while sent < 40 or dovecot.count("orders", "Processed") == 0:
        assert time.monotonic() < deadline, "no decided message moved within 120 s"
        dovecot.inject("orders", order_message(sent))
        sent += 1
    daemon.send_signal(signal.SIGTERM)
    dovecot.inject("orders", order_message(sent))  # arrives after the stop: left for the next start
    sent += 1
    assert daemon.wait(timeout=60) == 0
    assert "stopped" in log.read_text()
    store = Store.open(url)
    messages = store.list_messages()
    held = [m.id for m in messages if m.state == "received" and m.claim_expires_at is not None]
    assert not held, "a message was left half-done (still claimed)"
    decided = sum(m.state != "received" for m in messages)
    assert 0 < dovecot.count("orders", "Processed") <= decided < sent  # only decided ones were moved
    finished = run_cli("run", "--once", "--config", str(config))
    assert finished.returncode == 0, finished.stderr
    assert exactly_once(store, sent)["processed"] == sent


@pytest.mark.slow
@pytest.mark.timeout(600)  # twenty daemon starts (models loaded each time): 10 s each on a busy machine
def test_sigkill_at_random_moments_loses_and_doubles_nothing(dovecot: Dovecot, tmp_path: Path) -> None:
    rng = random.Random(20261126)
    poison = set(rng.sample(range(200), 10))
    for n in range(200):
        dovecot.inject("orders", POISON + str(n).encode() if n in poison else order_message(n))
    config, url = prepared(tmp_path, dovecot, "kill")
    log = tmp_path / "daemon.log"
    for _ in range(20):
        # A random moment in the work: after 1 to 8 more messages, plus a random slice of the next.
        before = _progress(log)
        daemon = start_daemon(config, log)
        wait_progress(log, before + rng.randint(1, 8), timeout=60)
        time.sleep(rng.uniform(0.0, 0.03))
        daemon.kill()
        daemon.wait(timeout=10)
        assert dovecot.count("orders", "INBOX") > 0, "killed while work remained"
    finished = run_cli("run", "--once", "--config", str(config))
    assert finished.returncode == 0, finished.stderr
    states = exactly_once(Store.open(url), 200)
    assert (states["processed"], states["failed"]) == (190, 10)
    assert [dovecot.count("orders", f) for f in ("INBOX", "Processed", "Failed")] == [0, 190, 10]


def _progress(log: Path) -> int:
    """Messages decided so far, by the daemon's log."""
    text = log.read_text(errors="replace") if log.exists() else ""
    return text.count(": processed,") + text.count(": failed:")


def wait_progress(log: Path, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while _progress(log) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"fewer than {count} messages decided after {timeout} s")
        time.sleep(0.005)
