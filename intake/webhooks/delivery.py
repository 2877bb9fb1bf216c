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

from intake.webhooks.payload import event_payload
from intake.webhooks.signing import signed_headers
from models import Store
from models.deliveries import claim_due, finish_delivery
from models.tables import DeliveryState, WebhookDelivery, utcnow

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
    for delivery, endpoint in claim_due(
        store, now(), limit, lease=dt.timedelta(seconds=4 * timeout + 30), payload=event_payload
    ):
        body = json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()
        try:
            post(endpoint.url, body, signed_headers(endpoint.secret, delivery.event_id, body), timeout)
        except Exception as exc:  # a bug in posting must not stop the loop nor lose the event
            error = (
                str(exc) if isinstance(exc, DeliveryError) else f"internal error: {type(exc).__name__}: {exc}"
            )
            _record_failure(store, delivery, error, now(), report)
            continue
        finish_delivery(store, delivery.id, state=DeliveryState.DELIVERED, at=now(), error=None)
        report.delivered += 1
    return report


def webhook_pass(store: Store) -> WebhookReport | None:
    """The daemon's pass: deliver what is due; a store error waits for the next pass."""
    try:
        return deliver_due(store)
    except Exception:
        log.exception("webhook pass failed")
        return None


def _record_failure(
    store: Store, row: WebhookDelivery, error: str, at: dt.datetime, report: WebhookReport
) -> None:
    attempts = row.attempts + 1
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.UTC)
    if at - created > MAX_AGE:
        finish_delivery(store, row.id, state=DeliveryState.FAILED, at=None, error=error, attempts=attempts)
        report.failed += 1
    else:
        finish_delivery(
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
