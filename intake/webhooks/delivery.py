"""Delivering webhook events: claim what is due, POST it signed, record the outcome.

A row is claimed (`pending` -> `sending` with a lease) in a short transaction,
with `FOR UPDATE SKIP LOCKED` on PostgreSQL so several daemons share the queue
without waiting on each other; it is POSTed outside any transaction; a 2xx
marks it delivered. Anything else (refused, 5xx, timeout) puts it back with a
doubling delay, capped so a receiver that was down for hours is served again
within minutes of its return; after `MAX_AGE` it is marked failed (visible in
`intake webhook deliveries` and retried by `intake webhook retry`). A claim left
by a process that died is taken back once its lease expires. The same event id
goes with every try: a receiver that answered too late gets it again and
recognises it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from intake.webhooks.payload import event_payload
from intake.webhooks.signing import signed_headers
from models import Store
from models.tables import DeliveryState, WebhookDelivery, WebhookEndpoint, utcnow

log = logging.getLogger(__name__)
FIRST_RETRY = dt.timedelta(seconds=10)
MAX_BACKOFF = dt.timedelta(minutes=5)
MAX_AGE = dt.timedelta(days=3)
TIMEOUT_SECONDS = 10.0


class DeliveryError(Exception):
    """The receiver did not take the event (refused, unreachable, too slow)."""


Poster = Callable[[str, bytes, dict[str, str], float], None]


@dataclass
class WebhookReport:
    delivered: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def http_post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> None:
    """POST; a non-2xx answer, a refused connection or a timeout raises DeliveryError."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            answer.read(4096)
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DeliveryError(f"{type(reason).__name__}: {reason}") from None


def backoff(attempts: int) -> dt.timedelta:
    """Delay before try `attempts + 1`: 10 s, 20 s, 40 s, ... at most 5 minutes."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def deliver_due(
    store: Store,
    *,
    post: Poster = http_post,
    now: Callable[[], dt.datetime] = utcnow,
    limit: int = 100,
    timeout: float = TIMEOUT_SECONDS,
) -> WebhookReport:
    """Deliver what is due, once each; failures are recorded on their rows, never raised."""
    report = WebhookReport()
    for delivery, endpoint in claim_due(store, now(), limit, lease=dt.timedelta(seconds=4 * timeout + 30)):
        body = json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()
        try:
            post(endpoint.url, body, signed_headers(endpoint.secret, delivery.event_id, body), timeout)
        except Exception as exc:  # a bug in posting must not stop the loop nor lose the event
            error = (
                str(exc) if isinstance(exc, DeliveryError) else f"internal error: {type(exc).__name__}: {exc}"
            )
            _record_failure(store, delivery, error, now(), report)
            continue
        _finish(store, delivery.id, state=DeliveryState.DELIVERED, at=now(), error=None)
        report.delivered += 1
    return report


def webhook_pass(store: Store) -> WebhookReport | None:
    """The daemon's pass: deliver what is due; a store error waits for the next pass."""
    try:
        return deliver_due(store)
    except Exception:
        log.exception("webhook pass failed")
        return None


def claim_due(
    store: Store, at: dt.datetime, limit: int, *, lease: dt.timedelta
) -> list[tuple[WebhookDelivery, WebhookEndpoint]]:
    """Take due rows for this process (their payload frozen on the first claim).

    One UPDATE takes them: on PostgreSQL its subquery locks the rows it picks
    and skips those another sender holds (FOR UPDATE SKIP LOCKED); on SQLite
    the statement is one write, and its condition is checked again under the
    write lock, so two senders never take the same row.
    """
    is_due = (
        # `sending` rows are due once their lease is over: the claim of a process that died.
        col(WebhookDelivery.state).in_([DeliveryState.PENDING, DeliveryState.SENDING]),
        or_(col(WebhookDelivery.next_attempt_at).is_(None), col(WebhookDelivery.next_attempt_at) <= at),
    )
    picked = (
        select(WebhookDelivery.id)
        .where(*is_due)
        .order_by(col(WebhookDelivery.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    with store.session() as session:
        taken = session.execute(
            update(WebhookDelivery)
            .where(col(WebhookDelivery.id).in_(picked.scalar_subquery()), *is_due)
            .values(state=DeliveryState.SENDING, next_attempt_at=at + lease)
            .returning(WebhookDelivery.id)
        )
        ids = sorted(row[0] for row in taken)
        claimed = []
        for delivery_id in ids:
            row = session.get(WebhookDelivery, delivery_id)
            assert row is not None
            if row.payload is None:
                row.payload = event_payload(session, row)
            endpoint = session.get(WebhookEndpoint, row.endpoint_id)
            assert endpoint is not None
            claimed.append((row, endpoint))
        session.commit()
        return claimed


def _record_failure(
    store: Store, row: WebhookDelivery, error: str, at: dt.datetime, report: WebhookReport
) -> None:
    attempts = row.attempts + 1
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.UTC)
    if at - created > MAX_AGE:
        _finish(store, row.id, state=DeliveryState.FAILED, at=None, error=error, attempts=attempts)
        report.failed += 1
    else:
        _finish(
            store,
            row.id,
            state=DeliveryState.PENDING,
            at=None,
            error=error,
            attempts=attempts,
            retry=at + backoff(attempts),
        )
        report.retried += 1
    report.errors.append(f"webhook {row.id} ({row.kind}, order {row.order_id}): {error}")
    log.warning("webhook %s to endpoint %s: %s (try %s)", row.id, row.endpoint_id, error, attempts)


def _finish(
    store: Store,
    delivery_id: int | None,
    *,
    state: str,
    at: dt.datetime | None,
    error: str | None,
    attempts: int | None = None,
    retry: dt.datetime | None = None,
) -> None:
    values: dict[str, object] = {"state": state, "last_error": error, "next_attempt_at": retry}
    values["attempts"] = attempts if attempts is not None else WebhookDelivery.attempts + 1
    if at is not None:
        values["delivered_at"] = at
    with store.session() as session:
        session.execute(
            update(WebhookDelivery).where(col(WebhookDelivery.id) == delivery_id).values(**values)
        )
        session.commit()


def requeue_failed(store: Store) -> int:
    """Put failed deliveries back in the queue, due now."""
    with store.session() as session:
        done = session.execute(
            update(WebhookDelivery)
            .where(col(WebhookDelivery.state) == DeliveryState.FAILED)
            .values(state=DeliveryState.PENDING, next_attempt_at=None, created_at=utcnow())
        )
        session.commit()
        return int(done.rowcount)  # type: ignore[attr-defined]


def list_deliveries(store: Store, state: str | None = None, limit: int = 200) -> list[WebhookDelivery]:
    with store.session() as session:
        query = select(WebhookDelivery).order_by(col(WebhookDelivery.id).desc()).limit(limit)
        if state:
            query = query.where(WebhookDelivery.state == state)
        return list(session.exec(query))


def delivery_counts(session: Session) -> dict[str, int]:
    counts: dict[str, int] = {}
    for state in session.exec(select(WebhookDelivery.state)):
        counts[state] = counts.get(state, 0) + 1
    return counts
