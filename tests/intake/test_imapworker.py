"""The folder worker on a fake mailbox: crash windows, leases, batches, backoff."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

import intake.daemon.worker as imapworker
from intake.daemon.config import Account
from intake.daemon.holders import Backoff, holder_is_dead, holder_name
from intake.daemon.queue import Processor, one_by_one
from intake.daemon.worker import FolderWorker
from intake.ingest import Outcome
from models import MailboxError, RawMessage, Store
from models.ledger import Position, acquire_lease, record_position
from tests.intake.fake_mailbox import FakeMailbox, FakeServer
from tests.intake.imap_helpers import fast_timing

ACCOUNT = Account(
    name="fake", host="localhost", user="u", password_env="X", processed_folder="Done", failed_folder="Bad"
)


def counting_processor(store: Store, calls: list[int], fail_marker: bytes = b"POISON") -> Processor:
    """Records each call; marks a message failed when it holds `fail_marker`, else processed."""

    def process(pk: int, raw: RawMessage) -> Outcome:
        calls.append(pk)
        if fail_marker in raw.data:
            store.mark_failed(pk, "poison")
            return Outcome(pk, True, "failed", [], error="poison")
        with store.session() as session:
            from models.tables import Message

            row = session.get(Message, pk)
            assert row is not None
            row.state = "processed"
            session.commit()
        return Outcome(pk, True, "processed", [])

    return one_by_one(process)


def worker(
    store: Store, server: FakeServer, calls: list[int], *, account: Account = ACCOUNT, **timing
) -> FolderWorker:
    return FolderWorker(
        account,
        "INBOX",
        store=store,
        timing=fast_timing(**timing),
        process=counting_processor(store, calls),
        connect=lambda _a, _t: FakeMailbox(server),
        holder=holder_name(),
        stop=threading.Event(),
        once=True,
    )


@pytest.fixture
def fake_store(tmp_path: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path}/fake.db")


def message(n: int) -> bytes:
    return f"Message-ID: <m{n}@x>\r\nSubject: {n}\r\n\r\nbody {n}\r\n".encode()


def test_a_failed_move_is_finished_later_without_processing_again(fake_store: Store) -> None:
    server = FakeServer()
    for n in range(3):
        server.append("INBOX", message(n))
    server.failures["move"] = 1  # the connection dies after the commits, before the move
    calls: list[int] = []
    first = worker(fake_store, server, calls).run()
    assert first.errors and first.processed == 3 and server.count("INBOX") == 3
    second = worker(fake_store, server, calls).run()
    assert (second.processed, second.already_done) == (0, 3)
    assert calls == [1, 2, 3]
    assert (server.count("INBOX"), server.count("Done")) == (0, 3)


def test_a_message_stored_but_not_processed_is_processed_once(fake_store: Store) -> None:
    server = FakeServer()
    uid = server.append("INBOX", message(1))
    box = FakeMailbox(server)
    uidvalidity = box.select("INBOX").uidvalidity
    seen = record_position(
        fake_store, RawMessage(data=message(1)), Position("fake", "INBOX", uidvalidity, uid), None
    )
    calls: list[int] = []
    tally = worker(fake_store, server, calls).run()  # the crash came between storing and processing
    assert (tally.processed, calls) == (1, [seen.message_pk])


def test_failures_go_to_the_failed_folder_and_the_rest_goes_on(fake_store: Store) -> None:
    server = FakeServer()
    for data in (message(1), b"POISON" + message(2), message(3)):
        server.append("INBOX", data)
    tally = worker(fake_store, server, []).run()
    assert (tally.processed, tally.failed) == (2, 1)
    assert (server.count("Done"), server.count("Bad")) == (2, 1)


def test_flag_mode_leaves_messages_and_skips_them_next_time(fake_store: Store) -> None:
    server = FakeServer()
    for n in range(4):
        server.append("INBOX", message(n))
    account = ACCOUNT.model_copy(update={"processed_folder": None, "failed_folder": None})
    calls: list[int] = []
    assert worker(fake_store, server, calls, account=account).run().processed == 4
    again = worker(fake_store, server, calls, account=account).run()
    assert (again.processed, again.already_done, len(calls), server.count("INBOX")) == (0, 0, 4, 4)


def test_a_backlog_is_fetched_in_bounded_batches(fake_store: Store) -> None:
    server = FakeServer()
    for n in range(95):
        server.append("INBOX", message(n))
    tally = worker(fake_store, server, [], batch_size=20).run()
    assert tally.processed == 95
    assert server.fetch_sizes == [20, 20, 20, 20, 15]


def test_a_held_lease_keeps_a_second_daemon_off(fake_store: Store) -> None:
    server = FakeServer()
    server.append("INBOX", message(1))
    assert acquire_lease(fake_store, "imap:fake/INBOX", holder_name(), 60)  # a live daemon (this process)
    tally = worker(fake_store, server, [], lease_seconds=0.2).run()
    assert tally.processed == 0
    assert tally.errors and "another daemon" in tally.errors[0]
    assert server.count("INBOX") == 1


def test_the_lease_of_a_dead_daemon_is_taken_over_at_once(fake_store: Store) -> None:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = holder_name().split(":")[0] + f":{child.stdout.strip()}:deadbeef"
    assert holder_is_dead(dead)
    assert not holder_is_dead(holder_name())
    assert not holder_is_dead("another-host:1:abc")
    assert acquire_lease(fake_store, "imap:fake/INBOX", dead, 600)
    server = FakeServer()
    server.append("INBOX", message(1))
    assert worker(fake_store, server, []).run().processed == 1


@pytest.mark.parametrize("failures", [0, 1, 3, 20], ids=["first", "second", "fourth", "capped"])
def test_backoff_grows_with_jitter_and_is_capped(failures: int) -> None:
    backoff = Backoff(initial=1.0, maximum=30.0, failures=failures)
    ceiling = min(30.0, 2.0**failures)
    delays = [Backoff(1.0, 30.0, failures).next() for _ in range(50)]
    assert all(ceiling / 2 <= d <= ceiling for d in delays)
    assert len(set(delays)) > 1
    backoff.next()
    backoff.reset()
    assert backoff.failures == 0


def test_a_mailbox_error_names_account_and_folder() -> None:
    error = MailboxError("orders", "login refused", folder="INBOX")
    assert str(error) == "mailbox orders/INBOX: login refused"


def test_a_silent_server_is_given_up_by_timeout() -> None:
    """A server that accepts and never speaks (a hung connection) ends in a MailboxError."""
    import socket

    from intake.daemon.config import Security
    from intake.daemon.mailbox import ImapMailbox

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        account = ACCOUNT.model_copy(
            update={"host": "127.0.0.1", "port": listener.getsockname()[1], "security": Security.PLAIN}
        )
        with pytest.raises(MailboxError, match=r"mailbox fake: .*(timeout|timed out)"):
            ImapMailbox.connect(account, fast_timing(connect_timeout=0.5, read_timeout=0.5))


def test_a_position_is_read_from_the_ledger_once_then_only_its_outcome(
    fake_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[int]] = []
    real = imapworker.seen_positions

    def counted(store: Store, account: str, folder: str, uidvalidity: int, uids: list[int]):  # type: ignore[no-untyped-def]
        asked.append(list(uids))
        return real(store, account, folder, uidvalidity, uids)

    monkeypatch.setattr(imapworker, "seen_positions", counted)
    server = FakeServer()
    for n in range(3):
        server.append("INBOX", message(n))
    folder = FolderWorker(
        ACCOUNT,
        "INBOX",
        store=fake_store,
        timing=fast_timing(),
        process=counting_processor(fake_store, []),
        connect=lambda _a, _t: FakeMailbox(server),
        holder=holder_name(),
        stop=threading.Event(),
    )
    mailbox = FakeMailbox(server)
    assert (folder.drain(mailbox), folder.waiting) == (3, 3)
    fake_store.mark_failed(2, "unreadable")  # an outcome committed by the queue meanwhile
    server.append("INBOX", message(3))
    assert (folder.drain(mailbox), folder.waiting) == (1, 3)
    assert asked == [[1, 2, 3], [4]]
    assert (server.count("INBOX"), server.count("Bad")) == (3, 1)
    assert (folder.drain(mailbox), folder.waiting, asked[-1]) == (0, 3, [4])
