"""One worker per watched IMAP folder: every message exactly once, through crashes.

For each message in the folder and not yet in the ledger, its raw bytes and
its position go to the ledger in one transaction: from then on it waits in
the store's work queue, where any daemon's `QueueWorker` (intake/daemon/queue.py)
claims it, processes it and stores its outcome. The folder worker tells the
server (moves to the processed or failed folder, or flags) only the messages
whose outcome the store has committed; those still waiting stay in the folder
and are looked at again shortly. A crash anywhere leaves the message in the
folder and in the ledger; nothing is fetched or processed twice. A lease in
the store keeps a second daemon off the folder (not off the processing).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from intake.daemon.config import Account, Timing
from intake.daemon.holders import Backoff, Tally, holder_is_dead
from intake.daemon.mailbox import Mailbox
from intake.daemon.queue import Processor, work_queue
from intake.ingest import header_message_id
from models import MailboxError, MessageState, RawMessage, Store
from models.ledger import (
    Position,
    Seen,
    acquire_lease,
    decided_positions,
    known_uidvalidities,
    lease_holder,
    mark_server_action,
    record_positions,
    release_lease,
    seen_positions,
    take_over_lease,
)

log = logging.getLogger("intake.imap")

Connector = Callable[[Account, Timing], Mailbox]
T = TypeVar("T")


def chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class FolderWorker:
    """Watches one folder of one account until `stop` is set (or one pass with `once`)."""

    def __init__(
        self,
        account: Account,
        folder: str,
        *,
        store: Store,
        timing: Timing,
        process: Processor,
        connect: Connector,
        holder: str,
        stop: threading.Event,
        once: bool = False,
        wake: threading.Event | None = None,
    ) -> None:
        self.account, self.folder, self.store, self.timing = account, folder, store, timing
        self.process, self.connect, self.holder, self.stop, self.once = process, connect, holder, stop, once
        self.wake = wake or threading.Event()  # set when messages were queued: this daemon's QueueWorker
        self.waiting = 0  # messages of the last pass still without an outcome
        self.lease = f"imap:{account.name}/{folder}"
        self.where = f"{account.name}/{folder}"
        self.tally = Tally()
        self._lease_renewed = 0.0
        self._lease_lost = False
        self._uidvalidity: int | None = None
        # The ledger's rows of the UIDs in the folder, as last read (a position's row changes only
        # by its outcome): each is read once, and then only while its outcome is awaited.
        self._positions: dict[int, Seen] = {}
        self._positions_uidvalidity: int | None = None

    # -- the loop -------------------------------------------------------------

    def run(self) -> Tally:
        """Connect, drain, wait for news, again; failures are logged and retried with backoff."""
        backoff = Backoff(self.timing.backoff_initial, self.timing.backoff_max)
        give_up = time.monotonic() + self.timing.lease_seconds + 1  # `once`: a lease left by a crash expires
        try:
            while not self.stop.is_set():
                if not self._take_lease():
                    if self.once and time.monotonic() > give_up:
                        holder = lease_holder(self.store, self.lease)
                        self.tally.errors.append(f"{self.where}: another daemon ({holder}) holds this folder")
                        log.error("%s", self.tally.errors[-1])
                        return self.tally
                    self.stop.wait(min(self.timing.poll_seconds, self.timing.lease_seconds / 4))
                    continue
                try:
                    self._session(backoff)
                    if self.once:
                        return self.tally
                except MailboxError as exc:
                    self.tally.errors.append(str(exc))
                    if self.once:
                        log.error("%s", exc)
                        return self.tally
                    delay = backoff.next()
                    log.warning("%s; retrying in %.1f s", exc, delay)
                    self.stop.wait(delay)
                except Exception as exc:  # the store unreachable, a bug: logged, retried, never fatal
                    self.tally.errors.append(f"{type(exc).__name__}: {exc}")
                    delay = backoff.next()
                    log.exception(
                        "%s: unexpected %s; retrying in %.1f s", self.where, type(exc).__name__, delay
                    )
                    if self.once:
                        return self.tally
                    self.stop.wait(delay)
        finally:
            release_lease(self.store, self.lease, self.holder)
        return self.tally

    def _session(self, backoff: Backoff) -> None:
        """One connection's life: prepare the folders, then drain and wait until told to stop."""
        mailbox = self.connect(self.account, self.timing)
        try:
            for target in (self.account.processed_folder, self.account.failed_folder):
                if target:
                    mailbox.ensure_folder(target)
            log.info("%s: connected%s", self.where, " (IDLE)" if mailbox.supports_idle else " (polling)")
            backoff.reset()
            while not self._should_stop():
                while self.drain(mailbox) and not self._should_stop():
                    pass  # again until a pass finds nothing new: what came meanwhile is not left waiting
                if self.once or self._should_stop():
                    return
                mailbox.wait(self._wait_seconds(mailbox), self._should_stop)
        finally:
            mailbox.close()

    def _wait_seconds(self, mailbox: Mailbox) -> float:
        """Until the next pass: soon while messages of the folder wait for their
        outcome (no server news says they got one), else until the server's news.

        A pass searches the whole folder and reads the outcomes from its oldest UID on,
        so with IDLE (news of a message ends the wait at once) the wait grows with the
        backlog: a pass per batch of outcomes, not per poll."""
        if self.waiting and mailbox.supports_idle:
            spread = self.timing.queue_poll_seconds * max(1.0, self.waiting / self.timing.batch_size)
            return min(spread, self.timing.idle_seconds)
        if self.waiting:
            return self.timing.queue_poll_seconds
        return self.timing.idle_seconds if mailbox.supports_idle else self.timing.poll_seconds

    # -- the lease ------------------------------------------------------------

    def _take_lease(self) -> bool:
        taken = acquire_lease(self.store, self.lease, self.holder, self.timing.lease_seconds)
        if not taken:
            other = lease_holder(self.store, self.lease)
            if other and holder_is_dead(other):
                taken = take_over_lease(self.store, self.lease, other, self.holder, self.timing.lease_seconds)
                if taken:
                    log.info("%s: took the lease over from %s (no longer running)", self.where, other)
        self._lease_lost = not taken
        self._lease_renewed = time.monotonic()
        return taken

    def _should_stop(self) -> bool:
        """Stop asked, or the lease lost; renews the lease when a third of it has run."""
        if self.stop.is_set() or self._lease_lost:
            return True
        if time.monotonic() - self._lease_renewed > self.timing.lease_seconds / 3 and not self._take_lease():
            log.warning("%s: lease lost to another daemon; standing by", self.where)
        return self._lease_lost

    # -- one pass -------------------------------------------------------------

    def drain(self, mailbox: Mailbox) -> int:
        """Handle every message waiting in the folder: what is new fetched and recorded first,
        in UID batches (bounded memory), then what has its outcome told to the server; returns
        how many were recorded. A position's ledger row is read once, then only its outcome, with
        the others not told yet, in one query a pass; a pass that only told the server is followed
        by a wait, not by another pass at once (outcomes come a few at a time while a backlog
        drains, and each pass searches the folder)."""
        state = mailbox.select(self.folder)
        self._note_uidvalidity(state.uidvalidity)
        skip = (self.account.processed_flag, self.account.failed_flag)
        uids = mailbox.pending_uids(skip)
        self.waiting = 0
        if not uids:
            return 0
        log.debug("%s: %d messages in the folder (UIDVALIDITY %d)", self.where, len(uids), state.uidvalidity)
        known = self._known(state.uidvalidity, uids)
        recorded = 0
        for batch in chunks([uid for uid in uids if uid not in known], self.timing.batch_size):
            if self._should_stop():
                return recorded
            recorded += self._record_new(mailbox, state.uidvalidity, batch)
            self.wake.set()
            if self.once:  # a single pass has no QueueWorker: it processes what it queued
                self._work_queue()
        if self.once:  # and what an earlier pass left without an outcome
            self._work_queue()
        states = self._states(state.uidvalidity, uids)
        decided = [(uid, seen) for uid, seen in sorted(states.items()) if seen.state != MessageState.RECEIVED]
        self.tally.already_done += sum(
            1 for uid, _ in decided if uid in known and known[uid].state != MessageState.RECEIVED
        )
        self.waiting = len(states) - len(decided)
        # One MOVE per batch and target, after every outcome in it was committed. A
        # crash before it leaves the messages in the folder; the ledger finishes the job.
        for batch in chunks(decided, self.timing.batch_size):
            if self._should_stop():
                break
            self._tell_server(mailbox, batch)
        return recorded

    def _known(self, uidvalidity: int, uids: list[int]) -> dict[int, Seen]:
        """What the ledger holds of the folder's UIDs: those not met before read, the others as
        last read; the UIDs gone from the folder are forgotten."""
        if uidvalidity != self._positions_uidvalidity:
            self._positions, self._positions_uidvalidity = {}, uidvalidity
        self._positions = {uid: self._positions[uid] for uid in uids if uid in self._positions}
        unknown = [uid for uid in uids if uid not in self._positions]
        if unknown:
            self._positions.update(
                seen_positions(self.store, self.account.name, self.folder, uidvalidity, unknown)
            )
        return dict(self._positions)

    def _states(self, uidvalidity: int, uids: list[int]) -> dict[int, Seen]:
        """The known UIDs of the folder with their message's state now: the outcomes the server was
        not told of read in one query from the folder's oldest UID on, whatever the backlog."""
        present = set(uids)
        fresh = decided_positions(self.store, self.account.name, self.folder, uidvalidity, min(uids))
        self._positions.update((uid, seen) for uid, seen in fresh.items() if uid in present)
        return {uid: self._positions[uid] for uid in uids if uid in self._positions}

    def _work_queue(self) -> None:
        work_queue(
            self.store,
            self.process,
            holder=self.holder,
            claim_seconds=self.timing.lease_seconds,
            tally=self.tally,
            should_stop=self._should_stop,
        )

    def _record_new(self, mailbox: Mailbox, uidvalidity: int, uids: list[int]) -> int:
        """Fetch and record messages the ledger has never seen, in one transaction; how many were
        recorded."""
        # UIDs gone since the search (another client moved them) are absent from the fetch.
        fetched = sorted(mailbox.fetch(uids).items())
        if not fetched or self._should_stop():
            return 0
        positions = [Position(self.account.name, self.folder, uidvalidity, uid) for uid, _ in fetched]
        recorded = record_positions(
            self.store,
            [
                (RawMessage(data=data, origin=position.origin), position, header_message_id(data))
                for (_, data), position in zip(fetched, positions, strict=True)
            ],
        )
        for (uid, _), seen in zip(fetched, recorded, strict=True):
            self._positions[uid] = seen
            if (
                seen.state != MessageState.RECEIVED
            ):  # same content seen before (another UID, folder or UIDVALIDITY)
                self.tally.already_done += 1
                log.info("%s UID %d: already %s (same content)", self.where, uid, seen.state)
        return len(recorded)

    def _tell_server(self, mailbox: Mailbox, decided: list[tuple[int, Seen]]) -> None:
        """Move or flag the messages: only ever after the store has committed their outcome."""
        groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for uid, seen in decided:
            if seen.state == MessageState.PROCESSED:
                target, flag = self.account.processed_folder, self.account.processed_flag
            else:
                target, flag = self.account.failed_folder, self.account.failed_flag
            key = ("moved", target) if target else ("flagged", flag)
            groups.setdefault(key, []).append((uid, seen.ledger_id))
        for (action, where), items in groups.items():
            uids = [uid for uid, _ in items]
            if action == "moved":
                mailbox.move(uids, where)
            else:
                mailbox.add_flag(uids, where)
            mark_server_action(self.store, [ledger_id for _, ledger_id in items], action)

    def _note_uidvalidity(self, uidvalidity: int) -> None:
        if uidvalidity == self._uidvalidity:  # looked at already: the ledger's past is not read again
            return
        self._uidvalidity = uidvalidity
        known = known_uidvalidities(self.store, self.account.name, self.folder)
        if known and uidvalidity not in known:
            # The folder was recreated: every UID is new. Nothing is skipped (every
            # message present is looked at) and nothing re-imported (sha256 decides).
            log.warning(
                "%s: UIDVALIDITY changed from %d to %d; messages are recognised by content",
                self.where,
                known[-1],
                uidvalidity,
            )
