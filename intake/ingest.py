"""Taking messages in: keep the raw bytes first, then process, and contain failures."""

from __future__ import annotations

import email.parser
import email.policy
import logging
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from intake.stages import stage
from matchers import CatalogIndex
from models import (
    IntakeError,
    MessageState,
    OrderStatus,
    Origin,
    ProcessResult,
    RawMessage,
    Settings,
    Store,
    stored_raw,
)
from models.followup_store import followup_saver

log = logging.getLogger(__name__)
T = TypeVar("T")

EMAIL_SUFFIXES = {".eml", ".msg", ".txt", ""}


DUPLICATE = "duplicate"  # the same content, already processed: nothing done again


@dataclass
class Outcome:
    """What happened to one message."""

    message_pk: int
    created: bool
    state: str  # a MessageState or DUPLICATE
    order_ids: list[int]
    result: ProcessResult | None = None
    error: str | None = None


def ingest_raw(store: Store, raw: RawMessage, *, index: CatalogIndex, settings: Settings) -> Outcome:
    """Store the message, then process it unless it was already processed."""
    kept = keep_message(store, raw)
    if kept.state == DUPLICATE:
        return kept
    return process_stored(store, kept.message_pk, raw, index=index, settings=settings, created=kept.created)


def keep_message(store: Store, raw: RawMessage) -> Outcome:
    """Store the raw bytes (once per content): received, or a duplicate of one already processed."""
    with stage("store"):
        row, created = store.add_message(raw, message_id=header_message_id(raw.data))
    assert row.id is not None
    if not created and row.state == MessageState.PROCESSED:
        return Outcome(row.id, False, DUPLICATE, [])
    return Outcome(row.id, created, MessageState.RECEIVED, [])


def keep_messages(store: Store, raws: Sequence[RawMessage]) -> list[Outcome]:
    """`keep_message` of each, in one query and one insert: a folder's chunk of messages."""
    with stage("store"):
        kept = store.add_messages([(raw, header_message_id(raw.data)) for raw in raws])
    return [
        Outcome(pk, created, DUPLICATE if state == MessageState.PROCESSED else MessageState.RECEIVED, [])
        for pk, state, created in kept
    ]


def process_stored(
    store: Store,
    pk: int,
    raw: RawMessage,
    *,
    index: CatalogIndex,
    settings: Settings,
    created: bool = False,
    timeout: float | None = None,
) -> Outcome:
    """Process a message already in the store; a failure (or `timeout`) is recorded, never raised."""

    def run() -> ProcessResult:
        from intake.pipeline import PipelineDeps
        from intake.reading import process  # the readers: not loaded by a process that only decides

        return process(raw, PipelineDeps.for_store(store, index, settings))

    work = run if timeout is None else lambda: call_with_timeout(run, timeout)
    return record_outcome(store, pk, raw, work, settings=settings, created=created)


def record_outcome(
    store: Store,
    pk: int,
    raw: RawMessage,
    work: Callable[[], ProcessResult],
    *,
    settings: Settings,
    created: bool = False,
) -> Outcome:
    """`work()`'s orders stored and acknowledged, or its failure recorded with the reason."""
    try:
        result = work()
        saver = followup_saver(pk, result)
        with stage("store"):
            order_ids = store.save_result(pk, result, then=saver)
    except IntakeError as exc:
        reason = str(exc)
        log.warning("message %s (%s) failed: %s", pk, raw.origin.describe(), reason)
        store.mark_failed(pk, reason)
        return Outcome(pk, created, MessageState.FAILED, [], error=reason)
    except Exception as exc:  # a bug must not stop the daemon: kept, recorded, shown
        reason = f"internal error while processing: {type(exc).__name__}: {exc}"
        log.error("message %s (%s) failed\n%s", pk, raw.origin.describe(), traceback.format_exc())
        store.mark_failed(pk, reason)
        return Outcome(pk, created, MessageState.FAILED, [], error=reason)
    # The mail composer is imported here: `intake ingest` loads it while the spawner loads the readers.
    from intake.notify import acknowledge_accepted, notify_followups

    # Accepted orders are acknowledged to the sender (queued; the daemon's outbox pass sends).
    acknowledge_accepted(store, _accepted(order_ids, result), settings=settings)
    if saver is not None:  # a follow-up kept: what the engine applied by itself is told to the customer too
        notify_followups(store, pk, actor="intake", settings=settings)
    return Outcome(pk, created, MessageState.PROCESSED, order_ids, result=result)


def _accepted(order_ids: list[int], result: ProcessResult) -> list[int]:
    """The orders stored as accepted: those held are not looked up to be acknowledged."""
    if len(order_ids) != len(result.orders):  # stored before (another worker): each is looked at
        return order_ids
    return [
        n for n, o in zip(order_ids, result.orders, strict=True) if o.record.status == OrderStatus.ACCEPTED
    ]


def call_with_timeout(work: Callable[[], T], seconds: float) -> T:
    """`work()`, or an IntakeError after `seconds`.

    The work runs in a daemon thread: a message that makes a parser loop is
    given up on (and recorded failed) while the daemon goes on with the next.
    """
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller's thread, raised there
            box["error"] = exc

    thread = threading.Thread(target=target, name="intake-process", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise IntakeError(f"processing took longer than {seconds:g} s: given up")
    if "error" in box:
        raise box["error"]
    return box["value"]


def header_message_id(data: bytes) -> str | None:
    """The Message-ID header, read without parsing the message (it may not parse)."""
    head = data[:65536].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    parsed = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(head)
    value = parsed.get("Message-ID")
    return " ".join(str(value).split()) if value else None


def ingest_file(store: Store, path: Path, *, index: CatalogIndex, settings: Settings) -> Outcome:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"{path}: cannot read the file ({exc.strerror})") from exc
    raw = RawMessage(data=data, origin=Origin(kind="file", path=str(path)))
    return ingest_raw(store, raw, index=index, settings=settings)


def retry_failed(
    store: Store, message_ids: list[str], *, index: CatalogIndex, settings: Settings
) -> list[Outcome]:
    """Process failed messages again: those named (by Message-ID or number), or all."""
    outcomes = []
    for row in store.list_messages(MessageState.FAILED):
        assert row.id is not None
        if message_ids and row.message_id not in message_ids and str(row.id) not in message_ids:
            continue
        outcomes.append(process_stored(store, row.id, stored_raw(row), index=index, settings=settings))
    return outcomes
