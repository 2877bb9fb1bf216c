"""The daemon's processor: claimed messages read by the pool of reading workers, decided here.

Reading (parse, classify, documents, extraction, matching) and the checks that need no
past run in the long-lived, bounded workers of `intake.readers.ReaderPool`, one per core,
as for `intake ingest`; the checks against the store's past, the status and storing stay
in the calling thread, where the store is, in the order the
messages were claimed. A worker that crashes, breaches its memory or overruns the time
limit fails only the message it held, with the reason. The outcomes are written through
one batch (`models.batch`) and each is given back once committed, so a message is moved
on the server only after its outcome is durable. The workers are forked from this
process with the catalogue index they read against: when the index is rebuilt
(`IndexCache`), the pass claims no more and the next one forks new workers. One pass at
a time: the folder workers of a single pass share the processor, and wait their turn.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence

from intake.daemon.queue import Claimed
from intake.ingest import Outcome
from intake.readers import READ_TOGETHER, ReaderPool
from intake.recording import BATCH_OUTCOMES, recorded
from matchers import CatalogIndex, IndexCache
from models import Settings, Store, batched
from models.queue import renew_claims
from parsers import DocumentLimits


class PooledProcessor:
    """`processor(claimed)`: each claimed message read by a worker, then decided and stored."""

    def __init__(
        self, store: Store, settings: Settings, index: IndexCache, *, processes: int | None = None
    ) -> None:
        self.store, self.settings, self.index = store, settings, index
        self.processes = processes or os.cpu_count() or 1
        self._pool: ReaderPool | None = None
        self._lock = threading.Lock()

    def __call__(self, claimed: Iterable[Claimed]) -> Iterator[Outcome]:
        with self._lock:
            index = self.index.get()
            pool = self._pool_for(index)
            finished = False
            try:
                yield from self._decided(pool, claimed, index)
                finished = True
            finally:
                if not finished:  # answers may still be on their way: those workers are not reused
                    self._end_pool()

    def _decided(
        self, pool: ReaderPool, claimed: Iterable[Claimed], index: CatalogIndex
    ) -> Iterator[Outcome]:
        """The outcomes, each given once committed: on PostgreSQL every `BATCH_OUTCOMES` and
        whenever the workers have had no answer ready for a moment; on SQLite, whose one write lock the folder
        workers and the claims wait on, one by one. The claims of the messages in hand are
        renewed as they go, so that no other daemon takes one over while it is read."""
        every = 1 if self.store.engine.dialect.name == "sqlite" else BATCH_OUTCOMES
        renewed = time.monotonic()
        with batched(self.store) as batch:

            def renew(taken: Sequence[Claimed]) -> None:
                nonlocal renewed
                if time.monotonic() - renewed > taken[0].seconds / 3:
                    renew_claims(batch, taken[0].holder, [item.pk for item in taken], taken[0].seconds)
                    renewed = time.monotonic()

            held = _current(claimed, lambda: self.index.get() is index)
            for _, outcome in recorded(
                batch, pool, held, index=index, settings=self.settings, every=every, renew=renew
            ):
                yield outcome

    def _pool_for(self, index: CatalogIndex) -> ReaderPool:
        if self._pool is not None and self._pool.index is not index:
            self._end_pool()
        if self._pool is None:
            limits = DocumentLimits.from_settings(self.settings)
            self._pool = ReaderPool(
                index=index,
                limits=limits,
                settings=self.settings,
                processes=self.processes,
                batch=READ_TOGETHER,
            ).__enter__()
        return self._pool

    def _end_pool(self) -> None:
        if self._pool is not None:
            self._pool.__exit__(None, None, None)
            self._pool = None

    def close(self) -> None:
        """The workers ended (a pass still running finishes first)."""
        with self._lock:
            self._end_pool()

    def __enter__(self) -> PooledProcessor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _current(claimed: Iterable[Claimed], current: Callable[[], bool]) -> Iterator[Claimed]:
    """The claimed messages, none once the index is not `current()` (the pass ends, and the
    next one reads with workers that have the rebuilt index)."""
    todo = iter(claimed)
    try:
        while current():
            item = next(todo, None)
            if item is None:
                return
            yield item
    finally:
        if isinstance(todo, Generator):
            todo.close()  # the claims drawn ahead are given back now
