"""The messages' contents kept once each, by their sha256: the store's and the folder worker's
batch recording share it, so a content arriving twice is one row whatever path kept it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import bindparam, insert
from sqlalchemy.engine import Connection
from sqlmodel import col, select

from models.pipeline import RawMessage
from models.rows import message_values
from models.tables import Message

_KNOWN_MANY = select(Message.id, Message.sha256, Message.state).where(
    col(Message.sha256).in_(bindparam("shas", expanding=True))
)
_INSERT_MESSAGES = insert(Message)


class KeptMessage(NamedTuple):
    """A message kept: its number, its state, and whether this call wrote it."""

    pk: int
    state: str
    created: bool


def keep_contents(
    connection: Connection, raws: Sequence[tuple[RawMessage, str | None]]
) -> tuple[dict[str, tuple[int, str]], set[str]]:
    """sha256 -> (number, state) of each content of `raws`, those not kept yet inserted in one
    statement (a content's first raw gives its row); and the sha256s inserted here."""
    shas = list({raw.sha256: None for raw, _ in raws})
    known = {sha: (pk, state) for pk, sha, state in connection.execute(_KNOWN_MANY, {"shas": shas})}
    new: dict[str, dict[str, Any]] = {}
    for raw, message_id in raws:
        if raw.sha256 not in known and raw.sha256 not in new:
            new[raw.sha256] = message_values(raw, message_id=message_id)
    if new:
        connection.execute(_INSERT_MESSAGES, list(new.values()))
        # Their numbers read back by content: one statement, where a RETURNING in the rows'
        # order costs SQLite one insert per row.
        added = connection.execute(_KNOWN_MANY, {"shas": list(new)})
        known.update((sha, (pk, state)) for pk, sha, state in added)
    return known, set(new)
