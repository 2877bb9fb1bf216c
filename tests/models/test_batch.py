"""A batch of store writes: durable together at its commit, each operation undone alone when it fails."""

from __future__ import annotations

import pytest

from models import MessageState, Origin, RawMessage, Store, batched
from models.tables import Message


def _raw(n: int) -> RawMessage:
    return RawMessage(data=f"Subject: {n}\n\nbody {n}\n".encode(), origin=Origin(kind="file", path=f"m{n}"))


def test_writes_are_seen_inside_the_batch_and_elsewhere_only_once_committed(any_store: Store) -> None:
    outside = Store(any_store.engine)
    with batched(any_store) as batch:
        first, created = batch.add_message(_raw(1))
        assert created and first.id is not None
        assert outside.list_messages() == []
        again, created = batch.add_message(_raw(1))
        assert (again.id, created) == (first.id, False)
        batch.commit()
        assert [m.id for m in outside.list_messages()] == [first.id]
        batch.add_message(_raw(2))
        assert len(outside.list_messages()) == 1
    assert len(outside.list_messages()) == 2


def test_an_operation_that_fails_undoes_only_its_own_writes(any_store: Store) -> None:
    with batched(any_store) as batch:
        row, _ = batch.add_message(_raw(1))
        assert row.id is not None
        with pytest.raises(RuntimeError), batch.session() as session:
            half = session.get(Message, row.id)
            assert half is not None
            half.subject = "written half-way"
            session.add(half)
            session.flush()
            raise RuntimeError("a bug half-way through")
        batch.mark_failed(row.id, "unreadable")
    [stored] = Store(any_store.engine).list_messages()
    assert (stored.state, stored.error, stored.subject) == (MessageState.FAILED, "unreadable", None)


def test_an_error_out_of_the_batch_leaves_what_was_not_committed_unwritten(any_store: Store) -> None:
    with pytest.raises(RuntimeError), batched(any_store) as batch:
        batch.add_message(_raw(1))
        batch.commit()
        batch.add_message(_raw(2))
        raise RuntimeError("the process stops")
    assert [m.origin_path for m in any_store.list_messages()] == ["m1"]
