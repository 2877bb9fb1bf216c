from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import create_engine

from models import Store, batched
from models.turns import let_urgent_pass, urgent

PATIENCE = 30.0  # how long a test thread may take before it is a failure, not a slow machine


def test_a_transaction_begins_only_once_the_urgent_write_is_done(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    inside, leave, begun = threading.Event(), threading.Event(), threading.Event()
    order: list[str] = []

    def urgent_writer() -> None:
        with urgent(store.engine):
            inside.set()
            leave.wait(PATIENCE)
            order.append("urgent")

    def processing() -> None:
        with batched(store) as batch:
            batch.begin()
            order.append("batch")
            begun.set()

    writer = threading.Thread(target=urgent_writer)
    writer.start()
    assert inside.wait(PATIENCE)
    other = threading.Thread(target=processing)
    other.start()
    assert not begun.wait(0.2)  # held back while the urgent write is under way
    leave.set()
    writer.join(PATIENCE)
    other.join(PATIENCE)
    assert order == ["urgent", "batch"]


def test_without_an_urgent_write_nothing_waits(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    assert let_urgent_pass(engine, at_most=0.0)


def test_the_wait_is_bounded_whatever_the_urgent_writer_does(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with urgent(engine):
        assert not let_urgent_pass(engine, at_most=0.05)
    assert let_urgent_pass(engine, at_most=0.0)


def test_each_store_is_waited_for_on_its_own(tmp_path: Path) -> None:
    one = create_engine(f"sqlite:///{tmp_path / 'one.db'}")
    two = create_engine(f"sqlite:///{tmp_path / 'two.db'}")
    with urgent(one):
        assert let_urgent_pass(two, at_most=0.0)


def test_postgresql_locks_rows_and_never_waits() -> None:
    engine = create_engine("postgresql+psycopg://nobody@localhost:1/none")
    with urgent(engine):
        assert let_urgent_pass(engine, at_most=0.0)
