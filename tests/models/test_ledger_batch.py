"""A folder's batch of new messages recorded together says of each what recording it alone says."""

from __future__ import annotations

import pytest
from sqlalchemy import false

import models.contents as contents_module
from models import Origin, RawMessage, Store
from models.ledger import Position, Seen, record_position, record_positions


def raw_of(data: bytes) -> RawMessage:
    return RawMessage(data=data, origin=Origin(kind="file", path="garden.eml"))


def garden(n: int) -> RawMessage:
    return raw_of(f"Message-ID: <g{n}@nursery.example>\r\n\r\n{n} x rose bushes, pot 3 L\r\n".encode())


def batch_of(store: Store) -> list[tuple[RawMessage, Position, str | None]]:
    """A batch meeting everything the ledger may already know: a content kept at another position,
    a position already recorded, the same content twice, and contents never seen."""
    kept_elsewhere = garden(1)
    record_position(store, kept_elsewhere, Position("nursery", "Archive", 5, 40), None)
    at_known_position = garden(2)
    record_position(store, at_known_position, Position("nursery", "INBOX", 7, 11), None)
    return [
        (garden(3), Position("nursery", "INBOX", 7, 10), "<g3@nursery.example>"),
        (at_known_position, Position("nursery", "INBOX", 7, 11), "<g2@nursery.example>"),
        (kept_elsewhere, Position("nursery", "INBOX", 7, 12), "<g1@nursery.example>"),
        (garden(4), Position("nursery", "INBOX", 7, 13), "<g4@nursery.example>"),
        (garden(4), Position("nursery", "INBOX", 7, 14), "<g4@nursery.example>"),
        (garden(5), Position("nursery", "INBOX", 7, 15), None),
    ]


def one_by_one(store: Store, batch: list[tuple[RawMessage, Position, str | None]]) -> list[Seen]:
    return [record_position(store, raw, position, message_id) for raw, position, message_id in batch]


def shape(store: Store, seen: list[Seen]) -> list[tuple[int, int, str, str | None]]:
    """What a Seen says, with the numbers as ranks (two stores number their rows alike anyway)."""
    rows = {row.id: row for row in store.list_messages()}
    return [(s.ledger_id, s.message_pk, s.state, s.server_action) for s in seen] + [
        (pk, 0, row.folder or "", row.message_id) for pk, row in sorted(rows.items())
    ]


def test_a_batch_records_as_one_message_at_a_time_does(tmp_path) -> None:
    together, alone = Store.open(f"sqlite:///{tmp_path}/a.db"), Store.open(f"sqlite:///{tmp_path}/b.db")
    seen = record_positions(together, batch_of(together))
    assert shape(together, seen) == shape(alone, one_by_one(alone, batch_of(alone)))
    # The new contents are numbered in the batch's order: the queue takes them in the folder's.
    new = [s.message_pk for s in seen if s.message_pk > 2]
    assert new == sorted(new) and len(set(new)) == 3
    assert seen[3].message_pk == seen[4].message_pk and seen[3].ledger_id != seen[4].ledger_id


def test_a_content_kept_meanwhile_by_another_writer_is_found_one_at_a_time(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(f"sqlite:///{tmp_path}/c.db")
    batch = batch_of(store)
    # Read before another writer kept the content: the batch's insert meets it and gives way.
    blind = contents_module._KNOWN_MANY.where(false())
    monkeypatch.setattr(contents_module, "_KNOWN_MANY", blind)
    seen = record_positions(store, batch)
    monkeypatch.undo()
    again = Store.open(f"sqlite:///{tmp_path}/d.db")
    assert shape(store, seen) == shape(again, one_by_one(again, batch_of(again)))
