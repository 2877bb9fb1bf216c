"""Processing spread over the daemons through the store's work queue.

The folder workers only record what they fetch (models/queue.py holds it); a
`QueueWorker` in each daemon claims messages one at a time as its processor is
ready for another (one per free reading worker), processes them and stores each
outcome. Claiming just in time spreads a backlog evenly over the daemons, and a
daemon killed mid-run holds back only the few messages in hand until their claims
expire (at once when it was a process of this host, known gone).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from intake.daemon.config import Timing
from intake.daemon.holders import Backoff, Tally, holder_is_dead
from intake.ingest import Outcome
from models import MessageState, RawMessage, Store, stored_raw
from models.queue import claim_holders, claim_next, drop_claims

log = logging.getLogger("intake.queue")


@dataclass(frozen=True)
class Claimed:
    """A message claimed from the queue, as it was received."""

    pk: int
    raw: RawMessage
    where: str
    holder: str
    seconds: float  # how long a claim lasts: renewed while the message is in hand


# Claimed messages in, each one's stored outcome out, in the same order. The claims are
# drawn as the processor is ready for another, so it never holds more than it works on.
Processor = Callable[[Iterable[Claimed]], Iterator[Outcome]]


def one_by_one(process: Callable[[int, RawMessage], Outcome]) -> Processor:
    """A processor that takes each claimed message in turn."""

    def processor(claimed: Iterable[Claimed]) -> Iterator[Outcome]:
        for item in claimed:
            yield process(item.pk, item.raw)

    return processor


def work_queue(
    store: Store,
    process: Processor,
    *,
    holder: str,
    claim_seconds: float,
    tally: Tally,
    should_stop: Callable[[], bool],
) -> int:
    """Claim and process messages until none is left to claim (or told to stop); how many.

    Told to stop, it claims no more and finishes the messages in hand."""
    claimed: dict[int, Claimed] = {}
    done = 0
    for outcome in process(_claims(store, holder, claim_seconds, should_stop, claimed)):
        note_outcome(claimed.pop(outcome.message_pk).where, outcome, tally)
        done += 1
    return done


def _claims(
    store: Store,
    holder: str,
    claim_seconds: float,
    should_stop: Callable[[], bool],
    claimed: dict[int, Claimed],
) -> Iterator[Claimed]:
    while not should_stop():
        pk = claim_next(store, holder, claim_seconds)
        if pk is None:
            if free_dead_claims(store):
                continue
            return
        row = store.get_message(pk)
        assert row is not None, f"message {pk} vanished"
        where = f"{row.account}/{row.folder} UID {row.uid}"
        claimed[pk] = Claimed(pk, stored_raw(row), where, holder, claim_seconds)
        yield claimed[pk]


def free_dead_claims(store: Store) -> int:
    """Free the claims of daemons of this host that no longer run: waiting for their
    expiry would only hold the work back. Those of other hosts expire."""
    dead = [holder for holder in claim_holders(store) if holder_is_dead(holder)]
    for holder in dead:
        log.info("claims of %s freed (no longer running)", holder)
        drop_claims(store, holder)
    return len(dead)


def note_outcome(where: str, outcome: Outcome, tally: Tally) -> None:
    """Count and log a claimed message's outcome (the processor stored it, a failure too)."""
    if outcome.state == MessageState.FAILED:
        tally.failed += 1
        log.warning("%s: failed: %s", where, outcome.error)
    else:
        tally.processed += 1
        log.info("%s: processed, %d orders", where, len(outcome.order_ids))


class QueueWorker:
    """Works the queue until `stop`: woken by `wake` (a folder worker of this daemon
    recorded messages) or every `queue_poll_seconds` (other daemons' messages)."""

    def __init__(
        self,
        *,
        store: Store,
        timing: Timing,
        process: Processor,
        holder: str,
        stop: threading.Event,
        wake: threading.Event,
    ) -> None:
        self.store, self.timing, self.process, self.holder = store, timing, process, holder
        self.stop, self.wake = stop, wake
        self.tally = Tally()

    def run(self) -> Tally:
        backoff = Backoff(self.timing.backoff_initial, self.timing.backoff_max)
        log.info("work queue: taking messages as %s", self.holder)
        while not self.stop.is_set():
            self.wake.clear()  # before the pass: a wake during it brings another pass
            try:
                work_queue(
                    self.store,
                    self.process,
                    holder=self.holder,
                    claim_seconds=self.timing.lease_seconds,
                    tally=self.tally,
                    should_stop=self.stop.is_set,
                )
                backoff.reset()
            except Exception as exc:  # the store unreachable, a bug: logged, retried, never fatal
                self.tally.errors.append(f"{type(exc).__name__}: {exc}")
                delay = backoff.next()
                log.exception("work queue: unexpected %s; retrying in %.1f s", type(exc).__name__, delay)
                self.stop.wait(delay)
                continue
            self.wake.wait(self.timing.queue_poll_seconds)
        return self.tally
