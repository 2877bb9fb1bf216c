"""The stored messages listed without the ORM, for `intake messages` on a SQLite store.

Loading SQLModel and the tables costs more than the answer itself; this reads the
`messages` and `orders` tables of models/tables.py with the standard library, by
the columns' names (tests/models/test_listing.py holds them to the tables). A
store that is not a SQLite file, or whose schema is not the newest, is left to
`Store` (which migrates it): `stored_messages` answers None.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote

from models.revision import head_revision

if TYPE_CHECKING:
    from models.pipeline import Origin

SQLITE = "sqlite:///"
COLUMNS = (
    "id",
    "message_id",
    "sha256",
    "received_at",
    "state",
    "kind",
    "sender",
    "subject",
    "error",
    "origin_kind",
    "origin_path",
    "account",
    "folder",
    "uidvalidity",
    "uid",
)


@dataclass(frozen=True)
class StoredMessage:
    """A stored message as listed: the `Message` row's columns, its raw bytes left out."""

    id: int
    message_id: str | None
    sha256: str
    received_at: dt.datetime | None
    state: str
    kind: str | None
    sender: str | None
    subject: str | None
    error: str | None
    origin_kind: str
    origin_path: str | None
    account: str | None
    folder: str | None
    uidvalidity: int | None
    uid: int | None


class _Whence(Protocol):
    origin_kind: str
    origin_path: str | None
    account: str | None
    folder: str | None
    uidvalidity: int | None
    uid: int | None


def origin_of(row: _Whence) -> Origin:
    """Where a stored message came from (a `Message` row or a `StoredMessage`)."""
    from models.pipeline import Origin

    return Origin(
        kind=row.origin_kind,
        path=row.origin_path,
        account=row.account,
        folder=row.folder,
        uidvalidity=row.uidvalidity,
        uid=row.uid,
    )


def stored_messages(url: str, state: str | None = None) -> tuple[list[StoredMessage], dict[int, int]] | None:
    """(the messages in order, orders per message), or None when `Store` must answer."""
    if not url.startswith(SQLITE) or url.startswith(SQLITE + ":memory:") or "?" in url:
        return None
    path = Path(url.removeprefix(SQLITE))
    if not path.is_file():
        return None
    with _read_only(path) as connection:
        if not _newest(connection):
            return None
        query = f"SELECT {', '.join(COLUMNS)} FROM messages"
        rows = connection.execute(
            query + (" WHERE state = ? ORDER BY id" if state else " ORDER BY id"), (state,) if state else ()
        ).fetchall()
        counts = dict(
            connection.execute(
                "SELECT message_pk, count(*) FROM orders WHERE message_pk IS NOT NULL GROUP BY message_pk"
            ).fetchall()
        )
    return [_message(row) for row in rows], counts


class _read_only:
    """A read-only connection to the store's file, closed on leaving (sqlite3's own `with` only commits)."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=30)

    def __enter__(self) -> sqlite3.Connection:
        return self.connection

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def _newest(connection: sqlite3.Connection) -> bool:
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError:
        return False
    return len(rows) == 1 and rows[0][0] == head_revision()


def _message(row: tuple) -> StoredMessage:
    values = dict(zip(COLUMNS, row, strict=True))
    received = values["received_at"]
    values["received_at"] = _utc(dt.datetime.fromisoformat(received)) if received else None
    return StoredMessage(**values)


def _utc(moment: dt.datetime) -> dt.datetime:
    """As the tables give it back: in UTC, a value stored without an offset being UTC."""
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
