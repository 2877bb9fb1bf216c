"""An open unit of work, handed to code that must write in the same commit as its caller."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

from models.store import Store

Transaction = Session


@contextmanager
def savepoint(transaction: Transaction) -> Iterator[None]:
    """Writes inside are undone alone when they raise; the transaction goes on."""
    with transaction.begin_nested():
        yield


@contextmanager
def unit_of_work(target: Store | Transaction) -> Iterator[Transaction]:
    """The caller's transaction (flushed at the end; the caller commits), or a new one committed
    at the end. An error inside commits nothing."""
    if isinstance(target, Session):
        yield target
        target.flush()
        return
    with target.session() as session:
        yield session
        session.commit()
