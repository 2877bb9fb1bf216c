"""The one loop of `intake ingest` and of the daemon: each message held read by a reader pool
(intake/readers.py), then decided and recorded in the order given, the outcomes committed in batches."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, TypeVar

from intake import stages
from intake.ingest import Outcome, record_outcome
from intake.readers import Failure, ReaderPool
from matchers import CatalogIndex
from models import Batch, IntakeError, ProcessResult, RawMessage, Settings, Store
from models.recent_history import RecentHistories

if TYPE_CHECKING:
    from intake.pipeline import HistoryLookup, ReadMessage

T = TypeVar("T")
# Outcomes stored per commit.
BATCH_OUTCOMES = 16


class Held(Protocol):
    """A message kept in the store and in hand, to be read, decided and recorded."""

    @property
    def pk(self) -> int: ...
    @property
    def raw(self) -> RawMessage: ...


H = TypeVar("H", bound=Held)


def recorded(
    batch: Batch,
    pool: ReaderPool,
    held: Iterable[H],
    *,
    index: CatalogIndex,
    settings: Settings,
    every: int = BATCH_OUTCOMES,
    renew: Callable[[Sequence[H]], None] | None = None,
) -> Iterator[tuple[H, Outcome]]:
    """Each message held read by the pool, then decided and recorded in the order given, each
    outcome given once committed: the one loop of `intake ingest` and of the daemon.

    Deciding in that order keeps what a message's checks see of earlier orders (duplicates,
    a new customer's first orders) the same as one by one. The outcomes are committed every
    `every`, and whenever the workers have had no answer ready for `IDLE_AFTER`, so the write
    lock is never held long while waiting; `renew(in hand)` runs before each commit (the daemon's claims)."""
    taken: deque[H] = deque()
    written: list[tuple[H, Outcome]] = []
    committed: list[tuple[H, Outcome]] = []

    def noted() -> Iterator[RawMessage]:
        for item in held:
            taken.append(item)
            yield item.raw

    def commit() -> None:
        if renew is not None and taken:
            renew(taken)
        store_commit(batch)
        committed.extend(written)
        written.clear()

    histories = RecentHistories(batch)
    for answer in pool.read(noted(), idle=commit):
        item = taken.popleft()
        work = partial(decided, batch, answer, index=index, settings=settings, history=histories)
        outcome = record_outcome(batch, item.pk, item.raw, work, settings=settings)
        histories.recorded(outcome.result, outcome.order_ids)
        written.append((item, outcome))
        if len(written) >= every:
            commit()
        yield from drain(committed)
    commit()
    yield from drain(committed)


def store_commit(batch: Batch) -> None:
    with stages.stage("store"):
        batch.commit()


def drain(items: list[T]) -> Iterator[T]:
    while items:
        yield items.pop(0)


def decided(
    store: Store,
    answer: ReadMessage | Failure,
    *,
    index: CatalogIndex,
    settings: Settings,
    history: HistoryLookup | None = None,
) -> ProcessResult:
    """A message read by the pool, decided against the store; a message it could not read raises."""
    from intake.pipeline import PipelineDeps, decide_message  # imported while the workers load

    if isinstance(answer, Failure):
        raise IntakeError(answer.reason)
    return decide_message(answer, PipelineDeps.for_store(store, index, settings, history=history))
