"""The queue: orders waiting for a clerk (oldest first) and messages that failed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from models import Store
from models.review import desk_rows
from models.tables import Message, Order, utcnow
from review_ui.service import as_utc


@dataclass
class QueueEntry:
    """One order waiting, as the queue shows it."""

    order_id: int
    customer_id: str | None
    customer_name: str | None
    po_number: str | None
    source: str
    subject: str | None
    sender: str | None
    reasons: list[dict]
    waiting: dt.timedelta
    created_at: dt.datetime
    confidence: float
    line_count: int
    locked_by: str | None

    @property
    def codes(self) -> list[str]:
        return sorted({r.get("code", "") for r in self.reasons if r.get("severity") != "info"})


@dataclass
class FailedEntry:
    """A message Intake could not read, with its reason."""

    message_pk: int
    subject: str | None
    sender: str | None
    received_at: dt.datetime
    error: str | None
    origin: str


@dataclass
class QueueFilter:
    reason: str = ""
    source: str = ""
    text: str = ""


@dataclass
class Queue:
    entries: list[QueueEntry]
    failed: list[FailedEntry]
    total: int
    by_reason: Counter = field(default_factory=Counter)
    by_source: Counter = field(default_factory=Counter)
    decided_today: int = 0


def load_queue(store: Store, wanted: QueueFilter) -> Queue:
    """Orders in review, oldest first, filtered; the counts are over the whole queue."""
    now = utcnow()
    rows = desk_rows(store, since=now.replace(hour=0, minute=0, second=0, microsecond=0))
    orders, names, messages, counts = rows.orders, rows.names, rows.messages, rows.line_counts
    failed = [_failed_entry(message) for message in rows.failed]
    decided_today = rows.decided_since
    entries = [_entry(o, names, messages.get(o.message_pk), counts[o.id], now) for o in orders]
    queue = Queue(entries=[], failed=failed, total=len(entries), decided_today=decided_today)
    for entry in entries:
        queue.by_reason.update(entry.codes)
        queue.by_source[entry.source] += 1
    queue.entries = [e for e in entries if _wanted(e, wanted)]
    return queue


def _entry(order: Order, names: dict, message: Message | None, lines: int, now: dt.datetime) -> QueueEntry:
    assert order.id is not None
    created = as_utc(order.created_at)
    return QueueEntry(
        order_id=order.id,
        customer_id=order.customer_id,
        customer_name=names.get(order.customer_id or ""),
        po_number=order.po_number,
        source=order.source,
        subject=message.subject if message else None,
        sender=message.sender if message else None,
        reasons=order.reasons or [],
        waiting=now - created,
        created_at=created,
        confidence=order.confidence,
        line_count=lines,
        locked_by=order.locked_by,
    )


def _wanted(entry: QueueEntry, wanted: QueueFilter) -> bool:
    if wanted.reason and wanted.reason not in entry.codes:
        return False
    if wanted.source and entry.source != wanted.source:
        return False
    if wanted.text:
        haystack = " ".join(
            str(v or "")
            for v in (entry.customer_id, entry.customer_name, entry.po_number, entry.subject, entry.sender)
        ).casefold()
        return wanted.text.casefold() in haystack
    return True


def _failed_entry(message: Message) -> FailedEntry:
    return FailedEntry(
        message_pk=message.id,
        subject=message.subject,
        sender=message.sender,
        received_at=as_utc(message.received_at),
        error=message.error,
        origin=message.origin_path or f"{message.account or ''}/{message.folder or ''}",
    )
