"""The work queue's claims on SQLite and on a real PostgreSQL: one holder per
message, expiry and takeover, and many claimers at once never sharing a message."""

from __future__ import annotations

import threading
import time

from sqlmodel import select

from models import Origin, RawMessage, Store
from models.ledger import Position, record_position
from models.queue import claim_holders, claim_next, claim_some, drop_claims, release_claims
from models.tables import Message


def queued(store: Store, count: int, *, start: int = 0) -> list[int]:
    """`count` messages recorded from an IMAP folder, waiting for their outcome."""
    pks = []
    for uid in range(start + 1, start + count + 1):
        position = Position("acct", "INBOX", 7, uid)
        origin = Origin(kind="imap", account="acct", folder="INBOX", uidvalidity=7, uid=uid)
        raw = RawMessage(data=f"Message-ID: <q{uid}@x>\r\n\r\nbody {uid}\r\n".encode(), origin=origin)
        pks.append(record_position(store, raw, position, f"<q{uid}@x>").message_pk)
    return pks


def drained(store: Store, holder: str, seconds: float = 60) -> list[int]:
    taken = []
    while (pk := claim_next(store, holder, seconds)) is not None:
        taken.append(pk)
    return taken


def test_each_message_is_claimed_by_one_holder_oldest_first(store_url: str) -> None:
    store = Store.open(store_url)
    pks = queued(store, 4)
    first = [claim_next(store, "a", 60), claim_next(store, "b", 60)]
    assert first == pks[:2]
    assert drained(store, "a") == pks[2:]
    assert claim_next(store, "b", 60) is None, "every message is claimed"
    assert claim_holders(store) == ["a", "b"]


def test_a_message_with_an_outcome_is_never_claimed(store_url: str) -> None:
    store = Store.open(store_url)
    pks = queued(store, 3)
    store.mark_failed(pks[0], "unreadable")
    with store.session() as session:
        row = session.get(Message, pks[1])
        assert row is not None
        row.state = "processed"
        session.commit()
    assert drained(store, "a") == [pks[2]]


def test_messages_not_from_a_mail_server_are_left_to_their_process(store_url: str) -> None:
    store = Store.open(store_url)
    store.add_message(RawMessage(data=b"Message-ID: <f@x>\r\n\r\nfrom a drop folder\r\n"))
    assert claim_next(store, "a", 60) is None


def test_an_expired_claim_is_taken_over(store_url: str) -> None:
    store = Store.open(store_url)
    [pk] = queued(store, 1)
    assert claim_next(store, "killed", 0.3) == pk
    assert claim_next(store, "other", 60) is None, "still held"
    time.sleep(0.4)
    assert claim_next(store, "other", 60) == pk
    with store.session() as session:
        row = session.exec(select(Message).where(Message.id == pk)).one()
    assert row.claimed_by == "other"


def test_dropped_claims_are_free_at_once(store_url: str) -> None:
    store = Store.open(store_url)
    pks = queued(store, 3)
    assert drained(store, "dead") == pks
    store.mark_failed(pks[0], "decided before the crash")
    assert drop_claims(store, "dead") == 2, "only messages still without an outcome"
    assert claim_holders(store) == []
    assert drained(store, "alive") == pks[1:]


def test_claimers_at_once_never_share_a_message(store_url: str) -> None:
    """Four claimers, each with its own engine (as four daemons would have)."""
    pks = set(queued(Store.open(store_url), 120))
    results: dict[str, list[int]] = {}

    def claimer(name: str) -> None:
        results[name] = drained(Store.open(store_url), name)

    threads = [threading.Thread(target=claimer, args=(f"d{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    taken = [pk for found in results.values() for pk in found]
    assert len(results) == 4
    assert sorted(taken) == sorted(pks), "each message claimed exactly once"


def test_several_are_claimed_at_once_and_those_given_back_are_claimable_again(store_url: str) -> None:
    store = Store.open(store_url)
    pks = queued(store, 5)
    assert [row.id for row in claim_some(store, "a", 60, 3)] == pks[:3]
    assert [row.id for row in claim_some(store, "b", 60, 3)] == pks[3:]
    release_claims(store, "a", pks[1:3])
    release_claims(store, "b", pks[1:3])  # not b's: nothing given back
    assert [row.id for row in claim_some(store, "b", 60, 5)] == pks[1:3]
    assert claim_some(store, "c", 60, 5) == []
