"""Signed webhook requests: HMAC-SHA256 over the timestamp and the body.

Headers sent with each POST:
- `Intake-Event-Id`: the event's id, the same on every retry (the receiver's
  idempotency key; also sent as `Idempotency-Key`);
- `Intake-Timestamp`: Unix seconds when this attempt was signed;
- `Intake-Signature`: `v1=` + hex HMAC-SHA256(secret, "{timestamp}.{body}").

A receiver recomputes the HMAC over the raw body, compares in constant time,
and refuses a timestamp older than its tolerance (replays).
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_VERSION = "v1"
DEFAULT_TOLERANCE = 300  # seconds


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"{SIGNATURE_VERSION}={mac.hexdigest()}"


def signed_headers(secret: str, event_id: str, body: bytes, *, now: float | None = None) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    return {
        "Content-Type": "application/json",
        "Intake-Event-Id": event_id,
        "Idempotency-Key": event_id,
        "Intake-Timestamp": str(timestamp),
        "Intake-Signature": signature(secret, timestamp, body),
    }


def verify(
    secret: str,
    headers: dict[str, str],
    body: bytes,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        timestamp = int(lowered["intake-timestamp"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), lowered.get("intake-signature", ""))
