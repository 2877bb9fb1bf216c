"""Many operations' writes made durable by one commit: one disk sync for a batch instead of one each.

`intake ingest` keeps a message, then stores its outcome, two commits a message; on
a folder of messages those syncs are most of what the writing process waits on.
Through a `Batch` each store operation runs as before (its own commit releases a
savepoint, its own error undoes its own writes alone, its reads see what the batch
wrote before) and the caller says when what was written must be durable: `commit()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, RootTransaction
from sqlmodel import Session

from models.store import Store
from models.turns import let_urgent_pass


class Batch(Store):
    """The store seen through one connection whose transaction the caller commits.

    For one thread and the session-based operations only: the ledger and the queue
    open connections of their own, which would wait on this one's write lock.
    """

    def __init__(self, store: Store, connection: Connection) -> None:
        super().__init__(store.engine)
        self._connection = connection
        self._transaction: RootTransaction | None = None
        self._version: int | None = None  # SQLite's count of the other connections' commits
        self._seen = 0  # bumped at each transaction that finds the store written by others since

    def begin(self) -> int | None:
        """The transaction begun if it was not. Returns a number that changes whenever another
        connection wrote to the store since the last transaction began; None when that cannot be
        told (PostgreSQL: others write beside this transaction, not only between two)."""
        if self._transaction is None:
            let_urgent_pass(self.engine)  # new mail being recorded goes before the next outcome
            self._transaction = self._connection.begin()
            if self.engine.dialect.name == "sqlite":
                # The write lock at once: a deferred transaction that writes after another
                # process did fails at once instead of waiting its turn.
                self._connection.exec_driver_sql("BEGIN IMMEDIATE")
                version = self._connection.exec_driver_sql("PRAGMA data_version").scalar()
                if version != self._version:
                    self._version, self._seen = version, self._seen + 1
        return self._seen if self.engine.dialect.name == "sqlite" else None

    @property
    def connection(self) -> Connection:
        return self._connection

    @contextmanager
    def session(self) -> Iterator[Session]:
        self.begin()
        with Session(
            bind=self._connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        ) as session:
            yield session

    def commit(self) -> None:
        """Everything written since the last commit made durable (nothing to do when nothing was)."""
        if self._transaction is not None:
            transaction, self._transaction = self._transaction, None
            transaction.commit()


@contextmanager
def batched(store: Store) -> Iterator[Batch]:
    """A batch on `store`, committed at the end; an error out of it commits nothing more."""
    with store.engine.connect() as connection:
        batch = Batch(store, connection)
        yield batch
        batch.commit()
