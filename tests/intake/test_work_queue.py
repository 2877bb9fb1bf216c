"""The daemon's work queue on SQLite and a real PostgreSQL: each claimed message is read once.

A claim runs out when a message is read for longer than it lasts (a slow document, a busy
host); the message is then claimable again, by the daemon that has it in hand too. That
daemon must not hand it to its readers a second time, nor stop on the second outcome.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator

from intake.daemon.holders import Tally
from intake.daemon.queue import Claimed, work_queue
from intake.ingest import Outcome
from models import MessageState, Origin, RawMessage, Store
from models.ledger import Position, record_position
from models.tables import Message, utcnow


def queued(store: Store, count: int) -> list[int]:
    pks = []
    for uid in range(1, count + 1):
        origin = Origin(kind="imap", account="acct", folder="INBOX", uidvalidity=7, uid=uid)
        raw = RawMessage(data=f"Message-ID: <w{uid}@x>\r\n\r\nbody {uid}\r\n".encode(), origin=origin)
        pks.append(record_position(store, raw, Position("acct", "INBOX", 7, uid), f"<w{uid}@x>").message_pk)
    return pks


def run_out(store: Store, pk: int) -> None:
    """The message's claim ends now, as if its reading had outlasted it."""
    with store.session() as session:
        row = session.get(Message, pk)
        assert row is not None
        row.claim_expires_at = utcnow() - dt.timedelta(seconds=1)
        session.commit()


def test_a_message_whose_claim_runs_out_in_hand_is_read_once(store_url: str) -> None:
    store = Store.open(store_url)
    pks = queued(store, 2)
    handed: list[int] = []

    def readers(claimed: Iterable[Claimed]) -> Iterator[Outcome]:
        # Like the reader pool, take messages ahead of the answers; a bounded look, so that a queue
        # handing the same messages out again and again ends the test rather than hanging it.
        taken = []
        for item in itertools.islice(claimed, 3 * len(pks)):
            run_out(store, item.pk)
            taken.append(item.pk)
        handed.extend(taken)
        for pk in dict.fromkeys(taken):
            store.mark_failed(pk, "read")
            yield Outcome(pk, False, MessageState.FAILED, [], error="read")

    tally = Tally()
    done = work_queue(
        store, readers, holder="daemon-a", claim_seconds=60, tally=tally, should_stop=lambda: False
    )
    assert handed == pks
    assert done == 2 and tally.failed == 2
