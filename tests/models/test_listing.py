"""The messages listed without the ORM: the same rows and order counts as the Store gives."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import text

from models import Origin, RawMessage, Settings, Store, StoredMessage, stored_messages
from models.listing import COLUMNS
from models.tables import Message
from tests.factories.rows import make_order_with_message


def _filled(tmp_path: Path) -> Store:
    store = Store.open(Settings(database_url=f"sqlite:///{tmp_path}/intake.db").database_url)
    make_order_with_message(store)
    make_order_with_message(store, status="review", subject="Commande BC-7732")
    for n, where in enumerate(
        [
            Origin(kind="file", path="in/a.eml"),
            Origin(kind="imap", account="orders", folder="INBOX", uidvalidity=7, uid=4_000_000_000),
        ]
    ):
        store.add_message(RawMessage(data=f"Subject: {n}\n\nbody\n".encode(), origin=where))
    failed = store.list_messages()[-1]
    assert failed.id is not None
    store.mark_failed(failed.id, "no body and no attachment")
    return store


@pytest.mark.parametrize(
    "state", [None, "processed", "failed", "received"], ids=["all", "processed", "failed", "received"]
)
def test_the_listing_gives_the_stores_rows_and_counts(tmp_path: Path, state: str | None) -> None:
    store = _filled(tmp_path)
    listed = stored_messages(str(store.engine.url), state)
    assert listed is not None
    rows, counts = listed
    expected = store.list_messages(state)
    assert [dataclasses.asdict(r) for r in rows] == [
        {column: getattr(m, column) for column in COLUMNS} for m in expected
    ]
    assert counts == store.order_counts()
    assert rows and all(r.received_at is not None and r.received_at.tzinfo is not None for r in rows)


def test_the_listing_reads_columns_of_the_messages_table() -> None:
    assert set(COLUMNS) <= set(Message.__table__.columns.keys())
    assert {f.name for f in dataclasses.fields(StoredMessage)} == set(COLUMNS)


def test_a_store_the_listing_cannot_read_is_left_to_the_store(tmp_path: Path) -> None:
    assert stored_messages(f"sqlite:///{tmp_path}/none.db") is None
    assert stored_messages("postgresql+psycopg://intake@localhost/intake") is None
    store = _filled(tmp_path)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    assert stored_messages(str(store.engine.url)) is None
