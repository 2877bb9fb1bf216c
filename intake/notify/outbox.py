"""The outbox: mails are queued in the store, then delivered by a loop that retries.

Queueing is idempotent (a unique `dedup_key` per mail), so processing a
message twice queues one mail. Delivery claims a row before sending it
(`pending` -> `sending`, a compare-and-set), so two loops never send the same
row; a row is marked `sent` right after the server takes it. A claim left by a
process that died mid-send goes back to `pending` once its lease expires: the
one window where a mail could go twice, and then with the same Message-ID,
which receiving servers and clients collapse.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from intake.notify.errors import SendError
from models import Settings, Store
from models.outbox import claim, due_mail_ids, mark_sent, queue_mail, record_failed_try, release_stale_claims
from models.tables import OutboxMail, OutboxState, utcnow
from models.transaction import Transaction

log = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=6)

Sender = Callable[[OutboxMail], None]


class OutgoingMail(BaseModel):
    """A mail ready to queue."""

    kind: str  # ack, detail_request, status
    dedup_key: str
    order_id: int | None = None
    to_addr: str
    subject: str
    body_text: str
    headers: dict[str, Any] = Field(default_factory=dict)


class DeliveryReport(BaseModel):
    """What one delivery pass did."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = Field(default_factory=list)


def enqueue(transaction: Transaction, mail: OutgoingMail) -> tuple[OutboxMail, bool]:
    """Queue `mail` unless a mail with its dedup_key exists. Returns (row, created)."""
    return queue_mail(transaction, OutboxMail(**mail.model_dump()))


def backoff(attempts: int, first_seconds: float) -> dt.timedelta:
    """Delay before try `attempts + 1`: doubles each try, at most MAX_BACKOFF."""
    seconds = first_seconds * (2 ** max(attempts - 1, 0))
    return min(dt.timedelta(seconds=seconds), MAX_BACKOFF)


def deliver_pending(
    store: Store,
    settings: Settings,
    *,
    send: Sender,
    now: Callable[[], dt.datetime] = utcnow,
    limit: int = 100,
) -> DeliveryReport:
    """Send the mails that are due; a failure is recorded on its row, never raised.
    A sender with a `close()` (an SMTP session kept for the pass) is closed at the end."""
    try:
        return _deliver(store, settings, send=send, now=now, limit=limit)
    finally:
        close = getattr(send, "close", None)
        if callable(close):
            close()


def _deliver(
    store: Store, settings: Settings, *, send: Sender, now: Callable[[], dt.datetime], limit: int
) -> DeliveryReport:
    report = DeliveryReport()
    release_stale_claims(store, now())
    for mail_id in due_mail_ids(store, now(), limit):
        row = claim(store, mail_id, now() + lease(settings))
        if row is None:
            continue  # another loop took it
        try:
            send(row)
        except SendError as exc:
            record_failure(store, row, exc, settings=settings, now=now(), report=report)
            continue
        except Exception as exc:  # a bug in sending must not stop the loop nor lose the mail
            log.exception("outbox %s: unexpected error while sending", row.id)
            error = SendError(f"internal error: {type(exc).__name__}: {exc}")
            record_failure(store, row, error, settings=settings, now=now(), report=report)
            continue
        mark_sent(store, row.id, now())
        log.info("outbox %s: %s mail sent to %s", row.id, row.kind, row.to_addr)
        report.sent += 1
    return report


def lease(settings: Settings) -> dt.timedelta:
    return dt.timedelta(seconds=max(4 * settings.smtp_timeout_seconds, 60))


def record_failure(
    store: Store,
    row: OutboxMail,
    error: SendError,
    *,
    settings: Settings,
    now: dt.datetime,
    report: DeliveryReport,
) -> None:

    def next_try(attempts: int) -> dt.datetime | None:
        if error.permanent or attempts >= settings.outbox_max_attempts:
            return None
        return now + backoff(attempts, settings.outbox_backoff_seconds)

    state, attempts = record_failed_try(store, row.id, error.reason, next_try=next_try)
    if state == OutboxState.FAILED:
        report.failed += 1
    else:
        report.retried += 1
    report.errors.append(f"outbox {row.id} to {row.to_addr}: {error.reason}")
    log.warning("outbox %s: try %s failed (%s), now %s", row.id, attempts, error.reason, state)
