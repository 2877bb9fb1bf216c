"""One worker per watched IMAP folder: every message exactly once, through crashes.

For each message still in the folder: its raw bytes and its position go to
the ledger (one transaction), it is processed (a failure is recorded, never
raised), and only once the store has committed the outcome is the server
told (moved to the processed or failed folder, or flagged). A crash anywhere
leaves the message in the folder; the next pass finds it in the ledger and
finishes the job without processing it again. A lease in the store keeps a
second daemon off the folder.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from intake.daemon.config import Account, Timing
from intake.daemon.mailbox import Mailbox
from intake.ingest import Outcome, header_message_id
from models import MailboxError, Origin, RawMessage, Store
from models.ledger import (
    Position,
    Seen,
    acquire_lease,
    known_uidvalidities,
    lease_holder,
    mark_server_action,
    record_position,
    release_lease,
    seen_positions,
    take_over_lease,
)

log = logging.getLogger("intake.imap")

Processor = Callable[[int, RawMessage], Outcome]
Connector = Callable[[Account, Timing], Mailbox]


@dataclass
class Backoff:
    """Exponential delays with jitter, so many daemons do not reconnect in step."""

    initial: float
    maximum: float
    failures: int = 0

    def next(self) -> float:
        delay = min(self.maximum, self.initial * 2**self.failures)
        self.failures += 1
        return random.uniform(delay / 2, delay)

    def reset(self) -> None:
        self.failures = 0


@dataclass
class Tally:
    """What one worker did, for logs, `--once` summaries and tests."""

    processed: int = 0
    failed: int = 0
    already_done: int = 0
    errors: list[str] = field(default_factory=list)


def holder_name() -> str:
    """Who holds a lease: host and process, plus a nonce (PIDs are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def holder_is_dead(holder: str) -> bool:
    """True when `holder` was a process of this host that no longer runs (killed,
    crashed): its lease can be taken at once instead of waiting for it to expire."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def chunks(items: list[int], size: int) -> Iterator[list[int]]:
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
    ) -> None:
        self.account, self.folder, self.store, self.timing = account, folder, store, timing
        self.process, self.connect, self.holder, self.stop, self.once = process, connect, holder, stop, once
        self.lease = f"imap:{account.name}/{folder}"
        self.where = f"{account.name}/{folder}"
        self.tally = Tally()
        self._lease_renewed = 0.0
        self._lease_lost = False

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
                    pass  # again until a pass finds nothing: what came meanwhile is not left waiting
                if self.once or self._should_stop():
                    return
                wait = self.timing.idle_seconds if mailbox.supports_idle else self.timing.poll_seconds
                mailbox.wait(wait, self._should_stop)
        finally:
            mailbox.close()

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
        """Handle every message waiting in the folder, in UID batches (bounded memory);
        returns how many were decided or finished."""
        state = mailbox.select(self.folder)
        self._note_uidvalidity(state.uidvalidity)
        skip = (self.account.processed_flag, self.account.failed_flag)
        uids = mailbox.pending_uids(skip)
        if not uids:
            return 0
        log.info("%s: %d messages waiting (UIDVALIDITY %d)", self.where, len(uids), state.uidvalidity)
        started, done, handled = time.monotonic(), 0, 0
        for batch in chunks(uids, self.timing.batch_size):
            if self._should_stop():
                break
            handled += self._batch(mailbox, state.uidvalidity, batch)
            done += len(batch)
            if len(uids) > self.timing.batch_size:
                rate = done / max(time.monotonic() - started, 1e-6)
                log.info("%s: %d/%d done (%.1f messages/s)", self.where, done, len(uids), rate)
        return handled

    def _batch(self, mailbox: Mailbox, uidvalidity: int, batch: list[int]) -> int:
        seen = seen_positions(self.store, self.account.name, self.folder, uidvalidity, batch)
        wanted = [uid for uid in batch if uid not in seen or seen[uid].state == "received"]
        fetched = mailbox.fetch(wanted)
        decided: list[tuple[int, Seen]] = []
        for uid in batch:
            if self._should_stop():  # between messages: the one in hand is always finished
                break
            position = Position(self.account.name, self.folder, uidvalidity, uid)
            known = seen.get(uid)
            if known is None or known.state == "received":
                if uid not in fetched:
                    continue  # gone from the folder since the search (another client moved it)
                known = self._take(position, fetched.pop(uid))
            else:
                self.tally.already_done += 1
            decided.append((uid, known))
        # One MOVE per batch and target, after every outcome in it was committed. A
        # crash before it leaves the messages in the folder; the ledger finishes the job.
        self._tell_server(mailbox, decided)
        return len(decided)

    def _take(self, position: Position, data: bytes) -> Seen:
        """Keep the bytes and the position, then process unless already decided."""
        origin = Origin(
            kind="imap",
            account=position.account,
            folder=position.folder,
            uidvalidity=position.uidvalidity,
            uid=position.uid,
        )
        raw = RawMessage(data=data, origin=origin)
        seen = record_position(self.store, raw, position, header_message_id(data))
        if seen.state != "received":  # same content seen before (another UID, folder or UIDVALIDITY)
            self.tally.already_done += 1
            log.info("%s UID %d: already %s (same content)", self.where, position.uid, seen.state)
            return seen
        outcome = self.process(seen.message_pk, raw)
        if outcome.state == "failed":
            self.tally.failed += 1
            log.warning("%s UID %d: failed: %s", self.where, position.uid, outcome.error)
        else:
            self.tally.processed += 1
            log.info("%s UID %d: processed, %d orders", self.where, position.uid, len(outcome.order_ids))
        return Seen(seen.ledger_id, seen.message_pk, outcome.state, None)

    def _tell_server(self, mailbox: Mailbox, decided: list[tuple[int, Seen]]) -> None:
        """Move or flag the messages: only ever after the store has committed their outcome."""
        groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for uid, seen in decided:
            if seen.state == "processed":
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
