"""Processing spread over the daemons through the store's work queue.

The folder workers only record what they fetch (models/queue.py holds it); a
`QueueWorker` in each daemon claims messages a few at a time as its processor is
ready for more (a few of what a free reading worker is handed at once), processes them and
stores each outcome. Claiming just in time spreads a backlog evenly over the daemons, and a
daemon killed mid-run holds back only the few messages in hand until their claims
expire (at once when it was a process of this host, known gone).
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from intake.daemon.config import Timing
from intake.daemon.holders import Backoff, Tally, holder_is_dead
from intake.ingest import Outcome
from models import MessageState, RawMessage, Store, stored_raw
from models.queue import claim_holders, claim_some, drop_claims, release_claims
from models.tables import Message

log = logging.getLogger("intake.queue")
# Messages claimed in one round trip: half what a reading worker is handed at once (it claims
# again to fill a hand-out), so that a daemon ready a moment later still finds a short backlog's
# work to share instead of one daemon holding all of it.
CLAIM_AHEAD = 4


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
    while True:  # a processor may end its pass early (its workers renewed): another one
        before = done
        for outcome in process(_claims(store, holder, claim_seconds, should_stop, claimed)):
            item = claimed.pop(outcome.message_pk, None)
            note_outcome(item.where if item else f"message {outcome.message_pk}", outcome, tally)
            done += 1
        claimed.clear()  # the pass is over: what it handed out and did not answer is no longer in hand
        if done == before or should_stop():
            return done


def _claims(
    store: Store,
    holder: str,
    claim_seconds: float,
    should_stop: Callable[[], bool],
    claimed: dict[int, Claimed],
) -> Iterator[Claimed]:
    """Messages claimed a few at a time, given one by one; those not taken when the
    processor stops asking (or the daemon stops) are given back."""
    ahead: deque[Message] = deque()
    try:
        while not should_stop():
            if not ahead:
                # A message in hand whose claim ran out while it was read (a slow one, a busy host)
                # is claimable again, by this daemon too: it is read once, by the hand that has it.
                fresh = claim_some(store, holder, claim_seconds, CLAIM_AHEAD)
                ahead.extend(row for row in fresh if row.id not in claimed)
            if not ahead:
                if free_dead_claims(store):
                    continue
                return
            row = ahead.popleft()
            assert row.id is not None
            where = f"{row.account}/{row.folder} UID {row.uid}"
            claimed[row.id] = Claimed(row.id, stored_raw(row), where, holder, claim_seconds)
            yield claimed[row.id]
    finally:
        release_claims(store, holder, [row.id for row in ahead if row.id is not None])


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
