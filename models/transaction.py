"""An open unit of work, handed to code that must write in the same commit as its caller."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

Transaction = Session


@contextmanager
def savepoint(transaction: Transaction) -> Iterator[None]:
    """Writes inside are undone alone when they raise; the transaction goes on."""
    with transaction.begin_nested():
        yield
