"""Messages read in parallel by long-lived worker processes, each bounded and recycled.

Reading (parse, classify, documents, extraction, matching) and the routing checks
that read the message and the catalogue alone need no store, so they run in one
worker per core; what depends on the store's past (the checks against earlier
orders, the status, follow-ups' links) and the writes stay in the calling process,
in the order the messages were given. A worker reads documents in its own process (no fork per
attachment) under an address-space limit; it is replaced after a number of
messages, when it breaches its limit, or when it crashes or overruns the time a
message may take: then that one message fails with the reason, and the others go on.
The daemon's workers are forked after the classifier and the NER are loaded, so they share
them; `intake ingest` (intake/ingest_files.py) forks at once a spawner that loads them and forks
the workers (intake/spawner.py) while this process keeps the first messages: this process
loads none of the readers. What the workers run is intake/reader_worker.py.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING

from intake import stages
from intake.spawner import Spawned, Spawner
from intake.worker_says import AHEAD_DONE, LOADED
from matchers import CatalogIndex
from models import RawMessage, Settings, pattern_cache
from parsers.documents.limits import DocumentLimits
from parsers.documents.sandbox import death_reason, kill_group, lead_group

if TYPE_CHECKING:
    from intake.pipeline import ReadMessage

# A worker is replaced after this many messages: what a reader leaks stays bounded.
RECYCLE_AFTER = 250
# Messages handed to a worker at a time by `intake ingest` (the classifier asked for them at once).
READ_TOGETHER = 8
# Seconds the answers are waited for before `read`'s idle work (a commit: a disk sync, ~10 ms) is
# done: most come sooner, and a sync made while one was on its way would hold it up.
IDLE_AFTER = 0.05
# Seconds the answers are waited for at a time (then the workers' time limits are looked at).
WAIT = 0.5
# A worker down to this many messages in hand is handed its next batch at once, when that batch
# fits in the pipe unread (`QUEUED_BYTES`): it goes on with it as soon as it is done, where it
# waited for this process to come back from deciding and storing (~5-20 ms each time, with a
# disk sync). A larger batch would hold this process's send up until the worker reads it.
QUEUE_WHEN_LEFT = 2
QUEUED_BYTES = 64 * 1024
# Articles of the largest catalogue whose index is sent to a spawner forked ahead. Pickled and
# unpickled (~25 us an article, ~2 s for 100,000) it costs more than the ~0.5-1 s of model loading
# it lets overlap the command's start-up beyond ~35,000: a larger one goes by a fresh fork.
SENT_UP_TO = 20_000


@dataclass
class Failure:
    """Why a message could not be read."""

    reason: str
    internal: bool = False  # a bug or a breach rather than a message that cannot be read


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess | Spawned
    conn: Connection
    served: int = 0
    # The messages handed to it and not answered yet, in the order it reads them.
    jobs: deque[tuple[int, RawMessage]] = field(default_factory=deque)
    # How many of them each batch handed holds: the first is the one it reads, a second one waits.
    batches: deque[int] = field(default_factory=deque)
    # Whether the messages of the batch it reads are past what it does for them together
    # (parsing, the classifier).
    ahead: bool = True
    started: float = 0.0

    def low(self, recycle_after: int) -> bool:
        """Down to its last messages, with no batch waiting, and far enough from being replaced
        that its next batch is read by this same process."""
        left = len(self.jobs)
        return len(self.batches) == 1 and left <= QUEUE_WHEN_LEFT and self.served + left < recycle_after

    def answered(self) -> None:
        """The first message in hand answered: the next batch's turn when it ends its own."""
        self.jobs.popleft()
        self.batches[0] -= 1
        if not self.batches[0]:
            self.batches.popleft()
            self.ahead = not self.batches or self.batches[0] == 1


@dataclass
class _HandOut:
    """The messages of one `read`: drawn from its jobs as the hand-outs need them."""

    todo: Iterator[tuple[int, RawMessage]]
    window: int  # drawn and not given back yet, at most
    raws: dict[int, RawMessage] = field(default_factory=dict)  # drawn, and not given back yet
    ahead: deque[tuple[int, RawMessage]] = field(default_factory=deque)  # drawn, not handed out yet
    exhausted: bool = False

    def draw(self, enough: int) -> None:
        while not self.exhausted and len(self.ahead) < enough and len(self.raws) < self.window:
            number, raw = next(self.todo, (None, None))
            if number is None or raw is None:
                self.exhausted = True
                return
            self.raws[number] = raw
            self.ahead.append((number, raw))


@dataclass
class ReaderPool:
    """`read(jobs)`: each RawMessage read by a worker; answers in the order given. With `settings`,
    the workers also run the checks of each order that need no past (`assess_message`).

    A worker is handed up to `batch` messages at a time: it parses them and asks the classifier
    for all of them at once, then reads them one by one, answering each. When it dies or overruns
    before that first part is done, the messages it held are read again each alone; after it, the
    message it was reading fails and the others are read again.

    With `load_first` the classifier, the NER and the layout data are loaded here before the
    workers are forked, and shared by them; without it (a run that must start at once) a spawner
    process (intake/spawner.py) loads them, and the reading half, while this process goes on, and
    forks every worker: this process, which decides and stores, loads none of it. A spawner given
    (`spawner_ahead`) was forked before the index was built: it is sent the index, and the pool
    closes it with its workers."""

    index: CatalogIndex
    limits: DocumentLimits
    settings: Settings | None = None
    processes: int = field(default_factory=lambda: os.cpu_count() or 1)
    recycle_after: int = RECYCLE_AFTER
    batch: int = 1
    load_first: bool = True
    workers: list[_Worker] = field(default_factory=list)
    spawner: Spawner | None = None
    # Messages whose worker was lost before their turn: each is handed alone to the next free worker.
    alone: deque[tuple[int, RawMessage]] = field(default_factory=deque)

    def __enter__(self) -> ReaderPool:
        forked_here = not self.load_first and self.spawner is None
        if self.load_first:
            load_readers(self.index)
        _freeze()
        if not self.load_first:
            self._start_spawner()
        if forked_here:
            _decide_half()
        for _ in range(self.processes):
            self.workers.append(self._spawn())
        return self

    def _start_spawner(self) -> None:
        """A spawner given (forked ahead, `spawner_ahead`) is sent the index; else, or when the index
        is too large to send (`SENT_UP_TO`), one is forked with it."""
        if self.spawner is not None and len(self.index.products) > SENT_UP_TO:
            self.spawner.close()  # still loading, waiting for the index: ended at once
            self.spawner = None
        if self.spawner is None:
            self.spawner = Spawner(self.limits, self.settings, self.index)
            return
        with contextlib.suppress(OSError):  # the spawner gone, this process forks the workers
            self.spawner.give(self.index)

    def __exit__(self, *exc: object) -> None:
        # All stopped before any is waited for: a spawner's workers are reaped between two of its
        # looks for them (`spawner.POLL`), so they are all found ended at the same look.
        for worker in self.workers:
            _stop(worker)
        for worker in self.workers:
            worker.process.join(5)
        if self.spawner is not None:
            self.spawner.close()
        gc.unfreeze()

    def read(
        self, jobs: Iterable[RawMessage], *, idle: Callable[[], None] | None = None
    ) -> Iterator[ReadMessage | Failure]:
        """`idle()` is called when the workers have had no answer to give for `IDLE_AFTER` seconds.

        What is drawn from `jobs` ahead of the hand-outs (a batch per worker) tells when the end
        is near: then what is left is shared out evenly, so that no worker idles while another
        still holds several messages. A worker that has answered all it held is handed more
        between two answers given (each is decided and stored by the caller meanwhile), not
        only once every answer ready has been given; one down to its last messages is handed its
        next batch before it is done (`QUEUE_WHEN_LEFT`), while the end is not near."""
        hand = _HandOut(enumerate(jobs), window=3 * len(self.workers) * self.batch)
        done: dict[int, ReadMessage | Failure] = {}
        following = 0
        self.alone.clear()
        while not hand.exhausted or hand.raws:
            self._hand_out(hand)
            answers = self._collect(IDLE_AFTER if idle is not None and following not in done else WAIT)
            if not answers and idle is not None and following not in done:
                idle()
                answers = self._collect(WAIT)
            done.update(answers)
            while following in done:
                hand.raws.pop(following, None)
                yield done.pop(following)
                following += 1
                if any(not w.jobs or w.low(self.recycle_after) for w in self.workers):
                    done.update(self._collect(0))
                    self._hand_out(hand)

    def _hand_out(self, hand: _HandOut) -> None:
        """Each worker that holds nothing handed its next messages: one lost before its turn, or
        a batch of those drawn (an even share of what is left once `jobs` is exhausted); each
        one down to its last messages, its next batch (`_queue`)."""
        for worker in self.workers:
            if worker.jobs:
                self._queue(worker, hand)
                continue
            if self.alone:
                self._send(worker, [self.alone.popleft()])
                continue
            hand.draw(self.batch * len(self.workers))
            share = self.batch if not hand.exhausted else -(-len(hand.ahead) // len(self.workers))
            if batch := [hand.ahead.popleft() for _ in range(min(share, self.batch, len(hand.ahead)))]:
                self._send(worker, batch)

    def _queue(self, worker: _Worker, hand: _HandOut) -> None:
        """A full batch for a worker down to its last messages, sent now to wait in its pipe; not
        once fewer than a batch per worker are left (shared out evenly among the workers that hold
        none), nor while messages lost before their turn wait, nor when the batch would not fit
        in the pipe."""
        if self.batch == 1 or self.alone or not worker.low(self.recycle_after):
            return
        hand.draw(self.batch * len(self.workers))
        if len(hand.ahead) < self.batch * len(self.workers):
            return
        batch = [hand.ahead[k] for k in range(self.batch)]
        if sum(len(raw.data) for _, raw in batch) > QUEUED_BYTES:
            return
        for _ in batch:
            hand.ahead.popleft()
        self._send(worker, batch)

    def _send(self, worker: _Worker, batch: list[tuple[int, RawMessage]]) -> None:
        if not worker.jobs:  # it reads them at once: their time starts now
            worker.ahead, worker.started = len(batch) == 1, time.monotonic()
        worker.jobs.extend(batch)
        worker.batches.append(len(batch))
        worker.conn.send([(raw.data, raw.origin.model_dump_json()) for _, raw in batch])

    def _collect(self, timeout: float) -> list[tuple[int, ReadMessage | Failure]]:
        busy = [w for w in self.workers if w.jobs]
        if not busy:
            return []
        ready = wait([w.conn for w in busy], timeout=timeout)
        answers = []
        for worker in busy:
            if worker.conn in ready:
                answers += self._answer(worker)
            elif time.monotonic() - worker.started > self.limits.timeout_seconds:
                seconds = self.limits.timeout_seconds
                answers += self._lost(worker, Failure(f"reading took longer than {seconds:g} s: given up"))
        return answers

    def _answer(self, worker: _Worker) -> list[tuple[int, ReadMessage | Failure]]:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            return self._lost(worker, Failure(death_reason(worker.process.exitcode), internal=True))
        worker.started = time.monotonic()
        if message == LOADED:  # the time a message may take starts now
            return []
        if message == AHEAD_DONE:
            worker.ahead = True
            return []
        status, payload, seconds = message
        number, _ = worker.jobs[0]
        worker.answered()
        stages.add(seconds)
        worker.served += 1
        if status == "breach" or (worker.served >= self.recycle_after and not worker.jobs):
            self._replace(worker)
        if status == "ok":
            from intake.wire import from_wire  # the decide half: imported while the workers load

            return [(number, from_wire(*payload))]
        return [(number, Failure(payload, internal=status != "failed"))]

    def _lost(self, worker: _Worker, failure: Failure) -> list[tuple[int, ReadMessage | Failure]]:
        """The worker died or overran: the message it was reading fails; when it was still on
        what it does for all of them together, none is known to be at fault."""
        failed = [(worker.jobs.popleft()[0], failure)] if worker.ahead else []
        self._replace(worker)
        return failed

    def _replace(self, worker: _Worker) -> None:
        self.alone.extend(worker.jobs)
        self._retire(worker)
        if self.spawner is None:
            load_readers(self.index)  # once: the workers forked from now on share what it loads
            _freeze()
        fresh = self._spawn()
        worker.process, worker.conn, worker.served = fresh.process, fresh.conn, 0
        worker.jobs, worker.batches, worker.ahead = deque(), deque(), True

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        if self.spawner is not None:
            with contextlib.suppress(OSError):  # the spawner gone, this process forks the worker
                spawned = self.spawner.spawn(child)
                child.close()
                return _Worker(spawned, parent)
            gone, self.spawner = self.spawner, None
            gone.close()
            load_readers(self.index)
            _freeze()
        # The child keeps only its own end: were it to hold the pool's ends (its own or its
        # siblings'), a pool's process killed would leave its workers waiting forever.
        inherited = [parent, *(w.conn for w in self.workers)]
        process = context.Process(
            target=_serve, args=(child, self.index, self.limits, self.settings, inherited), daemon=True
        )
        process.start()
        lead_group(process.pid)
        child.close()
        return _Worker(process, parent)

    def _retire(self, worker: _Worker) -> None:
        _stop(worker)
        worker.process.join(5)


def _stop(worker: _Worker) -> None:
    """Its pipe closed and its process group killed (waited for by `join`)."""
    with contextlib.suppress(OSError):
        worker.conn.close()
    if worker.process.pid is not None:
        kill_group(worker.process.pid)


def load_readers(index: CatalogIndex) -> None:
    """The reading half imported and `intake.preload.preload` run, where the workers are forked
    from this process (the daemon's, which loads them before its first message): each worker finds
    them loaded. Left to the workers, each imported
    the readers (~320 modules) and compiled their vocabularies itself, ~0.45 s of CPU at every
    fork (the daemon's pool, each worker recycled) and a copy of them each."""
    import intake.reader_worker  # noqa: F401  (what `_serve` imports: the readers, spaCy)
    from intake.preload import preload

    preload(index)


def spawner_ahead(limits: DocumentLimits, settings: Settings | None) -> Spawner:
    """A spawner forked before the store is opened and the catalogue index built, for a pool given
    it (`ReaderPool(spawner=...)`, which sends it the index): it loads the models meanwhile, on the
    other core. The deciding half, which both need, is loaded after it is forked, by each: the
    spawner's load is what the first message waits for, and this process, which also opens the store
    and builds the index, is ready first all the same."""
    spawner = Spawner(limits, settings)
    pattern_cache.recording(False)  # the spawner records and saves what start-up compiles
    _decide_half()
    return spawner


def _decide_half() -> None:
    """What deciding an answer imports and compiles on first use (the checks' and the follow-up
    linking's vocabularies), loaded once the spawner is forked. Reading needs all of it too: the
    spawner loads its own copy (~0.4 s more CPU in all) rather than inherit this one, which would
    hold up the fork, and with it the spawner's load that the first message waits for, as long."""
    import intake.wire  # noqa: F401  (with intake.pipeline, the checks and the follow-up linking)
    from intake.preload import load_vocabularies

    load_vocabularies()


def _serve(*args: object) -> None:
    """A worker's life. The reading half (spaCy, the readers' patterns) is imported here, in the
    worker: a pool's process that never reads itself does not load it (unless `load_readers` did,
    to share it with the workers it forks)."""
    from intake.reader_worker import serve

    serve(*args)  # type: ignore[arg-type]


def _freeze() -> None:
    """What exists now (the catalogue index, the models when loaded) lives as long as the pool:
    kept out of the collector's reach, a worker's collections skip it (a pass over the models
    and the index costs ~0.1 s) and leave its pages shared with this process."""
    gc.freeze()
