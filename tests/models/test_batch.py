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


def test_messages_kept_together_are_kept_as_one_by_one(any_store: Store) -> None:
    processed, _ = any_store.add_message(_raw(1))
    assert processed.id is not None
    any_store.mark_failed(processed.id, "unreadable")
    with batched(any_store) as batch:
        kept = batch.add_messages(
            [(_raw(2), "<two@shop.example>"), (_raw(1), None), (_raw(2), None), (_raw(3), None)]
        )
    two, one, two_again, three = kept
    assert (one.pk, one.state, one.created) == (processed.id, MessageState.FAILED, False)
    assert two.created and three.created and not two_again.created
    assert (two_again.pk, two_again.state) == (two.pk, MessageState.RECEIVED)
    one_by_one, _ = Store(any_store.engine).add_message(_raw(4), message_id="<four@shop.example>")
    stored = {m.origin_path: m for m in any_store.list_messages()}
    assert [stored[p].id for p in ("m1", "m2", "m3")] == [one.pk, two.pk, three.pk]
    assert stored["m2"].message_id == "<two@shop.example>"
    columns = set(Message.model_fields) - {"id", "sha256", "raw", "origin_path", "message_id", "received_at"}
    assert {c: getattr(stored["m3"], c) for c in columns} == {c: getattr(one_by_one, c) for c in columns}
    assert batch.add_messages([]) == []
