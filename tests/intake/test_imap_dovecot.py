"""The IMAP daemon against a real Dovecot: security modes, IDLE, failures,
UIDVALIDITY changes, server restarts and two daemons sharing the work of one folder."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

import intake.reader_worker
from bench.services import Dovecot
from intake.daemon.config import Account, Security, Timing
from intake.daemon.mailbox import ImapMailbox
from intake.daemon.pooled import PooledProcessor
from intake.daemon.queue import QueueWorker
from intake.daemon.serve import make_processor
from intake.daemon.worker import FolderWorker
from intake.ingest import retry_failed
from intake.pipeline import PipelineDeps, ReadMessage
from intake.reading import process
from matchers import IndexCache
from models import MailboxError, RawMessage, Settings, Store, load_reference_dir
from models.ledger import known_uidvalidities
from tests.intake.imap_helpers import (
    PASSWORD_ENV,
    POISON,
    account_for,
    exactly_once,
    fast_timing,
    order_message,
)
from tests.paths import DEMO_REF

pytestmark = pytest.mark.dovecot

# Waits below are failure bounds, never speed assertions: generous, so that a loaded machine passes.
# The first message of a run may load the models: a sound message is never given up in these tests.
SOUND_LIMIT_SECONDS = 120
# A message the parser is stuck on is given up after this limit (the others, models loaded, take well under it).
PARSE_LIMIT_SECONDS = 15
STUCK_SECONDS = 120
# Shorter than fast_timing's 30 s IDLE renewal: a message seen within it was announced by IDLE.
BEFORE_IDLE_RENEWAL = 20


@pytest.fixture
def imap_env(monkeypatch: pytest.MonkeyPatch, dovecot: Dovecot) -> Dovecot:
    monkeypatch.setenv(PASSWORD_ENV, dovecot.users["orders"])
    return dovecot


def loaded(url: str) -> Store:
    store = Store.open(url)
    load_reference_dir(store, DEMO_REF)
    return store


@pytest.fixture
def ref_store(tmp_path: Path) -> Store:
    return loaded(f"sqlite:///{tmp_path}/imap.db")


PROCESSORS: list[PooledProcessor] = []


@pytest.fixture(autouse=True)
def _end_readers() -> Iterator[None]:
    """The reading workers of the daemons a test built end with it."""
    yield
    while PROCESSORS:
        PROCESSORS.pop().close()


def worker_for(
    account: Account,
    store: Store,
    *,
    once: bool,
    stop: threading.Event | None = None,
    timing: Timing | None = None,
    settings: Settings | None = None,
    holder: str = "test",
    folder: str = "INBOX",
    wake: threading.Event | None = None,
) -> FolderWorker:
    settings = settings or Settings(parse_timeout_seconds=SOUND_LIMIT_SECONDS)
    PROCESSORS.append(make_processor(store, settings, IndexCache(store)))
    return FolderWorker(
        account,
        folder,
        store=store,
        timing=timing or fast_timing(),
        process=PROCESSORS[-1],
        connect=ImapMailbox.connect,
        holder=holder,
        stop=stop or threading.Event(),
        once=once,
        wake=wake,
    )


@contextmanager
def daemon(
    account: Account, store: Store, *, holder: str = "test", timing: Timing | None = None
) -> Iterator[tuple[FolderWorker, QueueWorker]]:
    """A daemon's IMAP side in threads: the folder's worker and the queue's, stopped at the end."""
    stop, wake = threading.Event(), threading.Event()
    folder = worker_for(account, store, once=False, stop=stop, holder=holder, wake=wake, timing=timing)
    queue = QueueWorker(
        store=store, timing=folder.timing, process=folder.process, holder=holder, stop=stop, wake=wake
    )
    threads = [threading.Thread(target=worker.run) for worker in (folder, queue)]
    for thread in threads:
        thread.start()
    try:
        yield folder, queue
    finally:
        stop.set()
        for thread in threads:
            thread.join(20)
        assert not any(thread.is_alive() for thread in threads)


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


@pytest.mark.parametrize("security", [Security.PLAIN, Security.TLS, Security.STARTTLS], ids=lambda s: s.value)
def test_each_security_mode_takes_the_messages_in(
    imap_env: Dovecot, ref_store: Store, security: Security
) -> None:
    for n in range(3):
        imap_env.inject("orders", order_message(n))
    tally = worker_for(account_for(imap_env, security), ref_store, once=True).run()
    assert (tally.processed, tally.failed, tally.errors) == (3, 0, [])
    assert exactly_once(ref_store, 3)["processed"] == 3
    assert (imap_env.count("orders", "INBOX"), imap_env.count("orders", "Processed")) == (0, 3)
    assert {r.po_number for r in ref_store.order_records()} == {ref_store.order_records()[0].po_number}


def test_tls_refuses_a_server_it_cannot_verify(imap_env: Dovecot, ref_store: Store) -> None:
    account = account_for(imap_env, Security.TLS, ca_file=None)
    with pytest.raises(MailboxError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        ImapMailbox.connect(account, fast_timing())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"password_env": "INTAKE_TEST_WRONG_PASSWORD"}, "login refused"),
        ({"port": 1}, "ConnectionRefusedError while connecting to 127.0.0.1:1"),
    ],
    ids=["wrong-password", "unreachable"],
)
def test_login_and_network_failures_are_reported_and_retried(
    imap_env: Dovecot, ref_store: Store, monkeypatch: pytest.MonkeyPatch, change: dict, expected: str
) -> None:
    monkeypatch.setenv("INTAKE_TEST_WRONG_PASSWORD", "not-the-password")
    stop = threading.Event()
    worker = worker_for(account_for(imap_env, **change), ref_store, once=False, stop=stop)
    thread = threading.Thread(target=worker.run)
    thread.start()
    wait_for(lambda: len(worker.tally.errors) >= 3, 30, "three attempts")
    stop.set()
    thread.join(30)
    assert not thread.is_alive()
    assert all(expected in error for error in worker.tally.errors), worker.tally.errors


def test_idle_picks_a_new_message_up(imap_env: Dovecot, ref_store: Store) -> None:
    with daemon(account_for(imap_env), ref_store) as (_, queue):
        wait_for(
            lambda: imap_env.count("orders", "Processed") == 0 and _folder_exists(imap_env), 30, "connection"
        )
        time.sleep(0.3)  # in IDLE by now; polling is off (idle_seconds is 30 s)
        imap_env.inject("orders", order_message(1))
        # Only IDLE's news brings the message in before the renewal, 30 s away.
        wait_for(lambda: queue.tally.processed == 1, BEFORE_IDLE_RENEWAL, "the message to be processed")
        wait_for(lambda: imap_env.count("orders", "Processed") == 1, 30, "the message to be moved")


def _folder_exists(dovecot: Dovecot) -> bool:
    return "Processed" in dovecot.doveadm("mailbox", "list", "-u", "orders")


def test_a_poison_message_does_not_block_the_next(
    imap_env: Dovecot, ref_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read = intake.reader_worker.read_message

    def fragile(raw: RawMessage, **kwargs) -> ReadMessage:
        if re.search(rb"X-Test-Number: 2\r?\n", raw.data):
            raise ZeroDivisionError("a parser bug")
        if re.search(rb"X-Test-Number: 3\r?\n", raw.data):
            time.sleep(STUCK_SECONDS)  # a parser stuck on this message: its worker is ended
        return real_read(raw, **kwargs)

    monkeypatch.setattr(intake.reader_worker, "read_message", fragile)
    for data in (order_message(1), POISON, order_message(2), order_message(3), order_message(4)):
        imap_env.inject("orders", data)
    # The time limit is a failure bound: the models loaded first, a loaded machine never gives up a sound message.
    settings = Settings(parse_timeout_seconds=PARSE_LIMIT_SECONDS)
    process(
        RawMessage(data=order_message(0)), PipelineDeps(index=IndexCache(ref_store).get(), settings=settings)
    )
    tally = worker_for(account_for(imap_env), ref_store, once=True, settings=settings).run()
    assert (tally.processed, tally.failed) == (2, 3)
    states = exactly_once(ref_store, 5)
    assert (states["processed"], states["failed"]) == (2, 3)
    errors = sorted(m.error or "" for m in ref_store.list_messages("failed"))
    assert "no email headers" in errors[1] or "not an email" in errors[1]  # the poison
    assert errors[0].startswith("internal error while processing: ZeroDivisionError: a parser bug")
    assert errors[2] == f"reading took longer than {PARSE_LIMIT_SECONDS} s: given up"
    assert [imap_env.count("orders", f) for f in ("INBOX", "Processed", "Failed")] == [0, 2, 3]
    monkeypatch.undo()  # the parser fixed: `intake retry` takes the failed ones again
    index = IndexCache(ref_store).get()
    retried = retry_failed(ref_store, [], index=index, settings=Settings())
    assert sorted(o.state for o in retried) == ["failed", "processed", "processed"]
    assert exactly_once(ref_store, 5)["processed"] == 4


def test_uidvalidity_change_neither_reimports_nor_skips(imap_env: Dovecot, ref_store: Store) -> None:
    # Flag mode: processed messages stay in the folder, so a recreated folder shows them again.
    account = account_for(imap_env, folders=["Orders"], processed_folder=None, failed_folder=None)
    imap_env.doveadm("mailbox", "create", "-u", "orders", "Orders")
    for n in range(3):
        imap_env.inject("orders", order_message(n), folder="Orders")
    first = worker_for(account, ref_store, once=True, folder="Orders").run()
    assert first.processed == 3
    imap_env.doveadm("mailbox", "delete", "-u", "orders", "Orders")
    time.sleep(1.1)  # Dovecot's UIDVALIDITY is a timestamp: make sure it changes
    imap_env.doveadm("mailbox", "create", "-u", "orders", "Orders")
    for n in (0, 1, 2, 3, 4):  # the same three again (no flags now), and two new ones
        imap_env.inject("orders", order_message(n), folder="Orders")
    second = worker_for(account, ref_store, once=True, folder="Orders").run()
    assert (second.processed, second.already_done, second.failed) == (2, 3, 0)
    assert exactly_once(ref_store, 5)["processed"] == 5
    assert len(known_uidvalidities(ref_store, "orders", "Orders")) == 2
    third = worker_for(account, ref_store, once=True, folder="Orders").run()  # all flagged: nothing to do
    assert (third.processed, third.already_done) == (0, 0)


def test_dovecot_restart_mid_run_loses_and_doubles_nothing(
    imap_env: Dovecot, ref_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_read = intake.reader_worker.read_message

    def slowed(raw: RawMessage, **kwargs) -> ReadMessage:
        time.sleep(0.03)
        return real_read(raw, **kwargs)

    monkeypatch.setattr(intake.reader_worker, "read_message", slowed)
    for n in range(60):
        imap_env.inject("orders", order_message(n))
    with daemon(account_for(imap_env), ref_store) as (folder, queue):
        wait_for(lambda: queue.tally.processed >= 10, 20, "the first messages")
        imap_env.restart()
        wait_for(lambda: imap_env.count("orders", "Processed") == 60, 60, "every message moved")
    assert folder.tally.errors, "the restart was seen"
    assert exactly_once(ref_store, 60)["processed"] == 60
    assert imap_env.count("orders", "INBOX") == 0


def test_two_daemons_on_one_store_share_the_work_of_one_folder(imap_env: Dovecot, store_url: str) -> None:
    """One holds the folder's lease and queues; both process (SKIP LOCKED claims on PostgreSQL)."""
    store = loaded(store_url)
    account = account_for(imap_env)
    # Claims outlast a reading pool's first start (its models loading) on a loaded machine: with the
    # 5 s of fast_timing, the daemon started second lost every claim it made while its pool started,
    # the other took them back, and the test saw [61, 0] with no error.
    timing = fast_timing(lease_seconds=SOUND_LIMIT_SECONDS)
    with ExitStack() as stack:
        # Separate engines, as two processes on one database would have.
        daemons = [
            stack.enter_context(daemon(account, Store.open(store_url), holder=f"daemon-{i}", timing=timing))
            for i in range(2)
        ]
        # Mail arrives while both run: which daemon happens to start first does not decide who works.
        for n in range(60):
            imap_env.inject("orders", order_message(n))
        wait_for(lambda: imap_env.count("orders", "Processed") == 60, 60, "every message moved")
        imap_env.inject("orders", order_message(60))
        wait_for(lambda: imap_env.count("orders", "Processed") == 61, 20, "the late message")
    assert exactly_once(store, 61)["processed"] == 61
    processed = [queue.tally.processed for _, queue in daemons]
    assert sum(processed) == 61
    errors = [(folder.tally.errors, queue.tally.errors) for folder, queue in daemons]
    assert min(processed) > 0, f"both daemons processed: {processed}; errors: {errors}"
    assert errors == [([], []), ([], [])]


def test_a_message_arriving_during_work_is_not_left_waiting(
    imap_env: Dovecot, ref_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its EXISTS comes in the response to a FETCH or MOVE, not in IDLE: still taken at once."""
    real_read = intake.reader_worker.read_message

    def appending(raw: RawMessage, **kwargs) -> ReadMessage:
        if re.search(rb"X-Test-Number: 1\r?\n", raw.data):
            imap_env.inject("orders", order_message(2))
        return real_read(raw, **kwargs)

    monkeypatch.setattr(intake.reader_worker, "read_message", appending)
    with daemon(account_for(imap_env), ref_store) as (_, queue):
        wait_for(lambda: _folder_exists(imap_env), 30, "connection")
        time.sleep(0.3)
        imap_env.inject("orders", order_message(1))
        wait_for(lambda: queue.tally.processed == 2, BEFORE_IDLE_RENEWAL, "both messages")
    assert exactly_once(ref_store, 2)["processed"] == 2


def test_an_idle_daemon_waits_for_news_between_passes(
    imap_env: Dovecot, ref_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SELECT that starts a pass answers with the folder's counts: they are not news, and the
    daemon waits in IDLE instead of searching the folder again and again; a new message ends it."""
    passes: list[float] = []
    real_drain = FolderWorker.drain

    def counted(worker: FolderWorker, mailbox: ImapMailbox) -> int:
        passes.append(time.monotonic())
        return real_drain(worker, mailbox)

    monkeypatch.setattr(FolderWorker, "drain", counted)
    with daemon(account_for(imap_env), ref_store) as (_, queue):
        wait_for(lambda: bool(passes), 30, "the first pass")
        time.sleep(2.0)
        assert len(passes) <= 2, f"{len(passes)} passes over an empty folder in 2 s"
        imap_env.inject("orders", order_message(1))
        wait_for(lambda: queue.tally.processed == 1, BEFORE_IDLE_RENEWAL, "the message to be processed")
