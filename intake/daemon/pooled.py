"""The daemon's processor: claimed messages read by the pool of reading workers, decided here.

Reading (parse, classify, documents, extraction, matching) runs in the long-lived,
bounded workers of `intake.readers.ReaderPool`, one per core, as for `intake ingest`;
deciding and storing stay in the calling thread, where the store is, in the order the
messages were claimed. A worker that crashes, breaches its memory or overruns the time
limit fails only the message it held, with the reason. The workers are forked from
this process with the catalogue index they read against: when the index is rebuilt
(`IndexCache`), the next pass forks new ones. One pass at a time: the folder workers of
a single pass share the processor, and wait their turn.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial

from intake.daemon.queue import Claimed
from intake.ingest import Outcome, record_outcome
from intake.readers import ReaderPool, decided
from matchers import CatalogIndex, IndexCache
from models import RawMessage, Settings, Store
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
            taken: deque[Claimed] = deque()
            for answer in pool.read(_noted(claimed, taken)):
                item = taken.popleft()
                work = partial(decided, self.store, answer, index=index, settings=self.settings)
                yield record_outcome(self.store, item.pk, item.raw, work, settings=self.settings)

    def _pool_for(self, index: CatalogIndex) -> ReaderPool:
        if self._pool is not None and self._pool.index is not index:
            self._pool.__exit__(None, None, None)
            self._pool = None
        if self._pool is None:
            limits = DocumentLimits.from_settings(self.settings)
            self._pool = ReaderPool(index=index, limits=limits, processes=self.processes).__enter__()
        return self._pool

    def close(self) -> None:
        """The workers ended (a pass still running finishes first)."""
        with self._lock:
            if self._pool is not None:
                self._pool.__exit__(None, None, None)
                self._pool = None

    def __enter__(self) -> PooledProcessor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _noted(claimed: Iterable[Claimed], taken: deque[Claimed]) -> Iterator[RawMessage]:
    for item in claimed:
        taken.append(item)
        yield item.raw
