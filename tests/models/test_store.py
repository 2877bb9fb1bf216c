"""The store on SQLite and on a real PostgreSQL: schema, reference data, messages,
results, the IMAP ledger and the folder leases."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import select

from intake.pipeline import PipelineDeps
from intake.reading import process
from matchers import CatalogIndex
from models import Origin, ProductRow, RawMessage, Settings, Store, load_reference_dir
from models.ledger import (
    Position,
    acquire_lease,
    decided_positions,
    known_uidvalidities,
    lease_holder,
    ledger_rows,
    mark_server_action,
    record_position,
    release_lease,
    seen_positions,
)
from models.tables import Message, ReviewItem
from tests.paths import DEMO_REF, ROOT

ORDER_EML = ROOT / "demo" / "emails" / "001.eml"


@pytest.fixture
def opened(store_url: str) -> Store:
    return Store.open(store_url)


def raw_of(data: bytes) -> RawMessage:
    return RawMessage(data=data, origin=Origin(kind="file", path="test.eml"))


def newest_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from models.revision import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None, "the revisions have more than one head"
    return head


def test_migrations_reach_head_with_every_table(opened: Store) -> None:
    tables = set(inspect(opened.engine).get_table_names())
    assert {"messages", "ledger", "leases", "orders", "order_lines", "review_items"} <= tables
    with opened.engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert version == newest_revision()
    assert {"counters", "api_tokens"} <= tables
    Store.open(str(opened.engine.url.render_as_string(hide_password=False)))  # a second run is a no-op


def test_reference_upserts_replace_rows(opened: Store) -> None:
    opened.upsert_products([ProductRow(sku="A1", name="Gobelet 20 cl", unit="carton", unit_price=12.5)])
    opened.upsert_products([ProductRow(sku="A1", name="Gobelet 20 cl x50", unit="carton", unit_price=13.0)])
    load_reference_dir(opened, DEMO_REF)
    reference = opened.load_reference()
    by_sku = {p.sku: p for p in reference.products}
    assert by_sku["A1"].name == "Gobelet 20 cl x50"
    assert by_sku["A1"].unit_price == 13.0
    assert len(reference.customers) == 41
    assert len(reference.customer_refs) == 112
    load_reference_dir(opened, DEMO_REF)  # loading twice keeps one row each
    assert len(opened.load_reference().customer_refs) == 112


def test_add_message_dedups_by_sha256(opened: Store) -> None:
    first, created = opened.add_message(raw_of(b"Subject: a\r\n\r\nbody\r\n"), message_id="<a@x>")
    again, created_again = opened.add_message(raw_of(b"Subject: a\r\n\r\nbody\r\n"), message_id="<a@x>")
    other, created_other = opened.add_message(raw_of(b"Subject: a\r\n\r\nbody!\r\n"), message_id="<a@x>")
    assert (created, created_again, created_other) == (True, False, True)
    assert first.id == again.id != other.id
    stored = opened.get_message(first.id or 0)
    assert stored is not None and stored.raw == b"Subject: a\r\n\r\nbody\r\n"
    assert stored.received_at.tzinfo is not None


def test_save_result_stores_orders_once(opened: Store) -> None:
    load_reference_dir(opened, DEMO_REF)
    index = CatalogIndex.build(opened.load_reference())
    raw = raw_of(ORDER_EML.read_bytes())
    row, _ = opened.add_message(raw)
    result = process(raw, PipelineDeps(index=index, settings=Settings()))
    assert result.orders, "the demo message holds an order"
    first = opened.save_result(row.id or 0, result)
    second = opened.save_result(row.id or 0, result)  # a second worker's late save
    assert first == second
    records = opened.order_records()
    assert [r.model_dump() for r in records] == [o.record.model_dump() for o in result.orders]
    stored = opened.get_message(row.id or 0)
    assert stored is not None and stored.state == "processed" and stored.kind == "order"


def test_mark_failed_then_retry_closes_the_clerks_item(opened: Store) -> None:
    load_reference_dir(opened, DEMO_REF)
    raw = raw_of(ORDER_EML.read_bytes())
    row, _ = opened.add_message(raw)
    pk = row.id or 0
    opened.mark_failed(pk, "parser crashed")
    opened.mark_failed(pk, "parser crashed again")
    failed = opened.list_messages("failed")
    assert [(m.id, m.error, m.attempts) for m in failed] == [(pk, "parser crashed again", 2)]
    with opened.session() as session:
        items = list(session.exec(select(ReviewItem).where(ReviewItem.message_pk == pk)))
    assert [(i.state, i.reasons[0]["message"]) for i in items] == [("open", "parser crashed again")]
    index = CatalogIndex.build(opened.load_reference())
    opened.save_result(pk, process(raw, PipelineDeps(index=index, settings=Settings())))
    opened.mark_failed(pk, "a late failure must not undo a success")
    with opened.session() as session:
        message = session.get(Message, pk)
        states = [i.state for i in session.exec(select(ReviewItem).where(ReviewItem.message_pk == pk))]
    assert message is not None and message.state == "processed"
    assert states == ["closed"]


@pytest.mark.parametrize("uidvalidity", [1, 1_795_676_638, 4_294_967_295], ids=["small", "dovecot", "max"])
def test_ledger_ties_positions_to_content(opened: Store, uidvalidity: int) -> None:
    raw = raw_of(b"Message-ID: <m1@x>\r\n\r\norder\r\n")
    here = Position("orders", "INBOX", uidvalidity, 4_294_967_295)
    seen = record_position(opened, raw, here, "<m1@x>")
    assert seen.state == "received"
    assert record_position(opened, raw, here, "<m1@x>") == seen  # the same position again
    elsewhere = Position("orders", "INBOX", uidvalidity + 1 if uidvalidity < 2**32 - 1 else 7, 1)
    moved = record_position(opened, raw, elsewhere, "<m1@x>")
    assert moved.message_pk == seen.message_pk and moved.ledger_id != seen.ledger_id
    found = seen_positions(opened, "orders", "INBOX", uidvalidity, [here.uid, 99])
    assert list(found) == [here.uid]
    mark_server_action(opened, [seen.ledger_id], "moved")
    assert [r.server_action for r in ledger_rows(opened, "orders")] == ["moved", None]
    assert known_uidvalidities(opened, "orders", "INBOX") == [uidvalidity, elsewhere.uidvalidity]
    assert len(opened.list_messages()) == 1


def test_decided_positions_are_the_outcomes_the_server_was_not_told_of(opened: Store) -> None:
    seen = [
        record_position(
            opened, raw_of(f"Subject: {uid}\r\n\r\nbody\r\n".encode()), Position("a", "INBOX", 9, uid), None
        )
        for uid in (3, 5, 8, 13)
    ]
    for done in seen[1:]:
        opened.mark_failed(done.message_pk, "unreadable")
    mark_server_action(opened, [seen[2].ledger_id], "moved")
    found = decided_positions(opened, "a", "INBOX", 9, 4)
    assert {uid: (s.ledger_id, s.state, s.server_action) for uid, s in found.items()} == {
        5: (seen[1].ledger_id, "failed", None),
        13: (seen[3].ledger_id, "failed", None),
    }
    assert decided_positions(opened, "a", "INBOX", 9, 6).keys() == {13}
    assert (
        decided_positions(opened, "a", "Other", 9, 1) == decided_positions(opened, "a", "INBOX", 8, 1) == {}
    )


def test_lease_is_held_renewed_released_and_taken_over(opened: Store) -> None:
    assert acquire_lease(opened, "imap:a/INBOX", "one", 60)
    assert not acquire_lease(opened, "imap:a/INBOX", "two", 60)
    assert acquire_lease(opened, "imap:a/INBOX", "one", 60)  # renewal
    assert acquire_lease(opened, "imap:a/Sent", "two", 60)  # another folder is free
    assert lease_holder(opened, "imap:a/INBOX") == "one"
    release_lease(opened, "imap:a/INBOX", "two")  # not theirs: no effect
    assert lease_holder(opened, "imap:a/INBOX") == "one"
    release_lease(opened, "imap:a/INBOX", "one")
    assert lease_holder(opened, "imap:a/INBOX") is None
    assert acquire_lease(opened, "imap:a/INBOX", "two", 0.001)
    threading.Event().wait(0.01)
    assert acquire_lease(opened, "imap:a/INBOX", "one", 60)  # expired: taken over


def test_two_daemons_never_hold_one_lease_together(store_url: str) -> None:
    """Separate engines (as two processes would have) race for the same leases."""
    stores = [Store.open(store_url), Store.open(store_url)]
    rounds = 40
    winners: dict[int, list[str]] = {n: [] for n in range(rounds)}
    barrier = threading.Barrier(2)

    def contend(store: Store, holder: str) -> None:
        for n in range(rounds):
            barrier.wait()
            if acquire_lease(store, f"race-{n}", holder, 60):
                winners[n].append(holder)

    threads = [threading.Thread(target=contend, args=(s, f"d{i}")) for i, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(w) == 1 for w in winners.values()), winners


def test_datetimes_come_back_aware_in_utc(opened: Store, tmp_path: Path) -> None:
    paris = dt.timezone(dt.timedelta(hours=1))
    at = dt.datetime(2026, 11, 26, 9, 30, tzinfo=paris)
    row, _ = opened.add_message(RawMessage(data=b"x", origin=Origin(), received_at=at))
    stored = opened.get_message(row.id or 0)
    assert stored is not None
    assert stored.received_at == at
    assert stored.received_at.utcoffset() == dt.timedelta(0)


def test_two_daemons_starting_together_migrate_once(store_url: str) -> None:
    """Separate processes (as daemons are) open one empty store at the same moment."""
    code = "import sys; from models import Store; Store.open(sys.argv[1])"
    starts = [
        subprocess.Popen([sys.executable, "-c", code, store_url], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in starts]
    assert [code for code, _ in results] == [0, 0, 0], results
    assert inspect(Store.open(store_url).engine).has_table("ledger")
