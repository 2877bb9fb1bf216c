"""The IMAP ledger and the folder leases, on the store's engine.

A message's place on a server is (account, folder, UIDVALIDITY, UID); what it
is, is the sha256 of its raw bytes. The ledger ties the two, so a message seen
again (a crash before the server-side move, a folder recreated with new UIDs)
is recognised and never processed twice, and one never seen is never skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from models.contents import keep_contents
from models.pipeline import Origin, RawMessage
from models.rows import message_row
from models.store import Store
from models.tables import Lease, LedgerEntry, Message, MessageState, utcnow
from models.turns import urgent

SEEN_CHUNK = 1000  # UIDs per query (SQLite bounds the parameters of one statement)


@dataclass(frozen=True)
class Position:
    """One message on a server as the ledger knows it."""

    account: str
    folder: str
    uidvalidity: int
    uid: int

    @property
    def origin(self) -> Origin:
        return Origin(
            kind="imap", account=self.account, folder=self.folder, uidvalidity=self.uidvalidity, uid=self.uid
        )


@dataclass(frozen=True)
class Seen:
    """What the ledger holds for a position: the stored message and its state."""

    ledger_id: int
    message_pk: int
    state: str  # received, processed, failed
    server_action: str | None


def record_position(store: Store, raw: RawMessage, position: Position, message_id: str | None) -> Seen:
    """Keep the raw bytes (once per sha256) and the position, in one transaction."""
    return record_positions(store, [(raw, position, message_id)])[0]


def record_positions(store: Store, messages: Sequence[tuple[RawMessage, Position, str | None]]) -> list[Seen]:
    """`record_position` for each (raw, position, Message-ID), all in one transaction: a folder's
    batch of new messages is made durable by one commit, not one each."""
    seen = []
    with urgent(store.engine), store.session() as session:
        if store.engine.dialect.name == "sqlite":
            # One transaction around the savepoints (SQLite's driver opens none before a write, and
            # a savepoint outside one commits on release); the write lock taken at once.
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
        try:
            # A backlog is recorded a batch at a time: rows, not objects, in a few statements a
            # batch, so the mail that arrives meanwhile waits for the backlog's recording briefly.
            with session.begin_nested():
                seen = _record_together(session, messages)
            session.commit()
            return seen
        except IntegrityError:  # a concurrent insert of the same content or position: one at a time
            seen = []
        for raw, position, message_id in messages:
            for attempt in range(4):
                try:
                    with session.begin_nested():
                        seen.append(_record(session, raw, position, message_id))
                    break
                except IntegrityError:  # a concurrent insert of the same content or position: read it
                    if attempt == 3:
                        raise
        session.commit()
    return seen


def _record_together(
    session: Session, messages: Sequence[tuple[RawMessage, Position, str | None]]
) -> list[Seen]:
    """`_record` of each message with one read and one insert of the contents not kept yet, and
    the same of the positions; in the messages' order, so that the queue takes them in it."""
    connection = session.connection()
    # The row keeps where the ledger met the message, whatever the caller's origin says.
    located = [
        (raw.model_copy(update={"origin": position.origin}), message_id)
        for raw, position, message_id in messages
    ]
    kept, _ = keep_contents(connection, located)
    places = list({_place(position): None for _, position, _ in messages})
    entries = _entries(session, places)
    fresh = {}
    for raw, position, _ in messages:
        place = _place(position)
        if place not in entries and place not in fresh:
            fresh[place] = {
                "account": position.account,
                "folder": position.folder,
                "uidvalidity": position.uidvalidity,
                "uid": position.uid,
                "message_pk": kept[raw.sha256][0],
                "sha256": raw.sha256,
                "server_action": None,
                "seen_at": utcnow(),
            }
    if fresh:
        connection.execute(insert(LedgerEntry), list(fresh.values()))
        entries.update(_entries(session, list(fresh)))
    seen = []
    for raw, position, _ in messages:
        pk, state = kept[raw.sha256]
        ledger_id, action = entries[_place(position)]
        seen.append(Seen(ledger_id, pk, state, action))
    return seen


Place = tuple[str, str, int, int]


def _place(position: Position) -> Place:
    return (position.account, position.folder, position.uidvalidity, position.uid)


def _entries(session: Session, places: list[Place]) -> dict[Place, tuple[int, str | None]]:
    """position -> (ledger number, server action) of those the ledger holds; a query a folder,
    on the index of the positions."""
    folders: dict[tuple[str, str, int], list[int]] = {}
    for account, folder, uidvalidity, uid in places:
        folders.setdefault((account, folder, uidvalidity), []).append(uid)
    found: dict[Place, tuple[int, str | None]] = {}
    for (account, folder, uidvalidity), uids in folders.items():
        rows = session.exec(
            select(LedgerEntry.uid, LedgerEntry.id, LedgerEntry.server_action).where(
                LedgerEntry.account == account,
                LedgerEntry.folder == folder,
                LedgerEntry.uidvalidity == uidvalidity,
                col(LedgerEntry.uid).in_(uids),
            )
        )
        found.update(((account, folder, uidvalidity, uid), (pk or 0, action)) for uid, pk, action in rows)
    return found


def _record(session: Session, raw: RawMessage, position: Position, message_id: str | None) -> Seen:
    message = session.exec(select(Message).where(Message.sha256 == raw.sha256)).first()
    if message is None:
        # The row keeps where the ledger met the message, whatever the caller's origin says.
        message = message_row(raw.model_copy(update={"origin": position.origin}), message_id=message_id)
        session.add(message)
        session.flush()
    assert message.id is not None
    entry = _entry(session, position)
    if entry is None:
        entry = LedgerEntry(
            account=position.account,
            folder=position.folder,
            uidvalidity=position.uidvalidity,
            uid=position.uid,
            message_pk=message.id,
            sha256=raw.sha256,
        )
        session.add(entry)
        session.flush()
    assert entry.id is not None
    return Seen(entry.id, message.id, message.state, entry.server_action)


def _entry(session: Session, position: Position) -> LedgerEntry | None:
    return session.exec(
        select(LedgerEntry).where(
            LedgerEntry.account == position.account,
            LedgerEntry.folder == position.folder,
            LedgerEntry.uidvalidity == position.uidvalidity,
            LedgerEntry.uid == position.uid,
        )
    ).first()


def seen_positions(
    store: Store, account: str, folder: str, uidvalidity: int, uids: Iterable[int]
) -> dict[int, Seen]:
    """The ledger's knowledge of these UIDs (those it has never seen are absent).

    Columns, not rows as objects, and a thousand UIDs a query."""
    wanted = list(uids)
    seen: dict[int, Seen] = {}
    with store.session() as session:
        for start in range(0, len(wanted), SEEN_CHUNK):
            chunk = col(LedgerEntry.uid).in_(wanted[start : start + SEEN_CHUNK])
            seen.update(_positions(session, account, folder, uidvalidity, chunk))
    return seen


def decided_positions(
    store: Store, account: str, folder: str, uidvalidity: int, from_uid: int
) -> dict[int, Seen]:
    """The positions from UID `from_uid` on whose message has an outcome the server was not told of.

    What a pass tells the server, read without naming the folder's UIDs: the rows of the
    messages still waiting stay in the database instead of coming back on every pass."""
    with store.session() as session:
        return _positions(
            session,
            account,
            folder,
            uidvalidity,
            col(LedgerEntry.uid) >= from_uid,
            col(LedgerEntry.server_action).is_(None),
            col(Message.state) != MessageState.RECEIVED.value,
        )


def _positions(
    session: Session, account: str, folder: str, uidvalidity: int, *conditions: Any
) -> dict[int, Seen]:
    """The folder's positions meeting `conditions`, as columns rather than rows as objects."""
    rows = session.exec(
        select(
            LedgerEntry.uid, LedgerEntry.id, LedgerEntry.message_pk, Message.state, LedgerEntry.server_action
        )
        .join(Message, col(Message.id) == col(LedgerEntry.message_pk))
        .where(
            LedgerEntry.account == account,
            LedgerEntry.folder == folder,
            LedgerEntry.uidvalidity == uidvalidity,
            *conditions,
        )
    )
    return {
        uid: Seen(ledger_id or 0, message_pk or 0, state, action)
        for uid, ledger_id, message_pk, state, action in rows
    }


def message_state(store: Store, message_pk: int) -> str:
    with store.session() as session:
        row = session.get(Message, message_pk)
        assert row is not None, f"message {message_pk} vanished"
        return row.state


def mark_server_action(store: Store, ledger_ids: list[int], action: str) -> None:
    """Note what was done on the server (moved, flagged) once it is done."""
    with urgent(store.engine), store.session() as session:
        session.execute(
            update(LedgerEntry).where(col(LedgerEntry.id).in_(ledger_ids)).values(server_action=action)
        )
        session.commit()


def known_uidvalidities(store: Store, account: str, folder: str) -> list[int]:
    """Every UIDVALIDITY the ledger has seen for this folder, oldest first."""
    with store.session() as session:
        rows = session.exec(
            select(LedgerEntry.uidvalidity, func.min(LedgerEntry.seen_at))
            .where(LedgerEntry.account == account, LedgerEntry.folder == folder)
            .group_by(LedgerEntry.uidvalidity)
            .order_by(func.min(LedgerEntry.seen_at))
        )
        return [uidvalidity for uidvalidity, _ in rows]


def ledger_rows(store: Store, account: str | None = None) -> list[LedgerEntry]:
    with store.session() as session:
        query = select(LedgerEntry).order_by(col(LedgerEntry.id))
        if account:
            query = query.where(LedgerEntry.account == account)
        return list(session.exec(query))


# -- leases -------------------------------------------------------------------


def acquire_lease(store: Store, name: str, holder: str, seconds: float) -> bool:
    """Take or renew the lease `name` for `seconds`; False while another holds it.

    One conditional UPDATE (or one INSERT when absent) decides atomically, on
    SQLite and PostgreSQL alike: two daemons can never both hold it.
    """
    now = utcnow()
    expires = now + dt.timedelta(seconds=seconds)
    with store.engine.begin() as connection:
        result = connection.execute(
            update(Lease)
            .where(col(Lease.name) == name, or_(col(Lease.holder) == holder, col(Lease.expires_at) < now))
            .values(holder=holder, expires_at=expires)
        )
        if result.rowcount == 1:
            return True
    try:
        with store.engine.begin() as connection:
            connection.execute(insert(Lease).values(name=name, holder=holder, expires_at=expires))
        return True
    except IntegrityError:
        return False


def take_over_lease(store: Store, name: str, old_holder: str, holder: str, seconds: float) -> bool:
    """Take the lease from `old_holder` (known dead), unless someone else got it first."""
    with store.engine.begin() as connection:
        result = connection.execute(
            update(Lease)
            .where(col(Lease.name) == name, col(Lease.holder) == old_holder)
            .values(holder=holder, expires_at=utcnow() + dt.timedelta(seconds=seconds))
        )
        return result.rowcount == 1


def release_lease(store: Store, name: str, holder: str) -> None:
    """Give the lease up (only if still ours), so another daemon can start at once."""
    with store.engine.begin() as connection:
        connection.execute(
            update(Lease)
            .where(col(Lease.name) == name, col(Lease.holder) == holder)
            .values(expires_at=utcnow() - dt.timedelta(seconds=1))
        )


def lease_holder(store: Store, name: str) -> str | None:
    """Who holds the lease now (None when free or expired)."""
    with store.session() as session:
        lease = session.get(Lease, name)
        if lease is None or lease.expires_at <= utcnow():
            return None
        return lease.holder
