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
from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from intake.notify.errors import SendError
from models import Settings, Store
from models.tables import OutboxMail, OutboxState, utcnow

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


def enqueue(session: Session, mail: OutgoingMail) -> tuple[OutboxMail, bool]:
    """Queue `mail` unless a mail with its dedup_key exists. Returns (row, created)."""
    found = find_mail(session, mail.dedup_key)
    if found is not None:
        return found, False
    row = OutboxMail(**mail.model_dump())
    try:
        with session.begin_nested():  # another process may queue the same key meanwhile
            session.add(row)
    except IntegrityError:
        found = find_mail(session, mail.dedup_key)
        assert found is not None, f"outbox {mail.dedup_key}: conflict without a row"
        return found, False
    return row, True


def find_mail(session: Session, dedup_key: str) -> OutboxMail | None:
    return session.exec(select(OutboxMail).where(OutboxMail.dedup_key == dedup_key)).first()


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
        mark_sent(store, row, now())
        report.sent += 1
    return report


def lease(settings: Settings) -> dt.timedelta:
    return dt.timedelta(seconds=max(4 * settings.smtp_timeout_seconds, 60))


def release_stale_claims(store: Store, at: dt.datetime) -> None:
    with store.session() as session:
        session.execute(
            update(OutboxMail)
            .where(col(OutboxMail.state) == OutboxState.SENDING, col(OutboxMail.next_attempt_at) < at)
            .values(state=OutboxState.PENDING)
        )
        session.commit()


def due_mail_ids(store: Store, at: dt.datetime, limit: int) -> list[int]:
    with store.session() as session:
        query = (
            select(OutboxMail.id)
            .where(OutboxMail.state == OutboxState.PENDING)
            .where(or_(col(OutboxMail.next_attempt_at).is_(None), col(OutboxMail.next_attempt_at) <= at))
            .order_by(col(OutboxMail.id))
            .limit(limit)
        )
        return [i for i in session.exec(query) if i is not None]


def claim(store: Store, mail_id: int, lease_until: dt.datetime) -> OutboxMail | None:
    """Take a pending row for sending; None when someone else took it first."""
    with store.session() as session:
        taken = session.execute(
            update(OutboxMail)
            .where(col(OutboxMail.id) == mail_id, col(OutboxMail.state) == OutboxState.PENDING)
            .values(state=OutboxState.SENDING, next_attempt_at=lease_until)
        )
        session.commit()
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            return None
        return session.get(OutboxMail, mail_id)


def mark_sent(store: Store, row: OutboxMail, at: dt.datetime) -> None:
    with store.session() as session:
        fresh = session.get(OutboxMail, row.id)
        assert fresh is not None, f"outbox {row.id} vanished"
        fresh.state, fresh.sent_at, fresh.last_error = OutboxState.SENT, at, None
        fresh.attempts += 1
        fresh.next_attempt_at = None
        session.commit()
    log.info("outbox %s: %s mail sent to %s", row.id, row.kind, row.to_addr)


def record_failure(
    store: Store,
    row: OutboxMail,
    error: SendError,
    *,
    settings: Settings,
    now: dt.datetime,
    report: DeliveryReport,
) -> None:
    with store.session() as session:
        fresh = session.get(OutboxMail, row.id)
        assert fresh is not None, f"outbox {row.id} vanished"
        fresh.attempts += 1
        fresh.last_error = error.reason[:2000]
        if error.permanent or fresh.attempts >= settings.outbox_max_attempts:
            fresh.state, fresh.next_attempt_at = OutboxState.FAILED, None
            report.failed += 1
        else:
            fresh.state = OutboxState.PENDING
            fresh.next_attempt_at = now + backoff(fresh.attempts, settings.outbox_backoff_seconds)
            report.retried += 1
        session.commit()
        state, attempts = fresh.state, fresh.attempts
    report.errors.append(f"outbox {row.id} to {row.to_addr}: {error.reason}")
    log.warning("outbox %s: try %s failed (%s), now %s", row.id, attempts, error.reason, state)


def list_mails(store: Store, state: str | None = None) -> list[OutboxMail]:
    with store.session() as session:
        query = select(OutboxMail).order_by(col(OutboxMail.id))
        if state:
            query = query.where(OutboxMail.state == state)
        return list(session.exec(query))


def requeue_failed(store: Store) -> int:
    """Give failed mails another round of tries (after the cause is fixed)."""
    with store.session() as session:
        result = session.execute(
            update(OutboxMail)
            .where(col(OutboxMail.state) == OutboxState.FAILED)
            .values(state=OutboxState.PENDING, attempts=0, next_attempt_at=None)
        )
        session.commit()
        return int(result.rowcount)  # type: ignore[attr-defined]
