"""Webhook endpoints: where order events go, each with its own signing secret."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from models import IntakeError, Store, all_endpoints, deactivate_endpoint, insert_row
from models.tables import WebhookEndpoint


class WebhookError(IntakeError):
    """A webhook endpoint that cannot be added or found."""


def add_endpoint(store: Store, url: str) -> WebhookEndpoint:
    """A new active endpoint with a fresh secret (shown to the operator, given to the receiver)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError(f"{url!r}: a webhook URL is http:// or https:// with a host")
    row = WebhookEndpoint(url=url, secret="whsec_" + secrets.token_urlsafe(32))
    return insert_row(store, row)


def list_endpoints(store: Store) -> list[WebhookEndpoint]:
    return all_endpoints(store)


def disable_endpoint(store: Store, endpoint_id: int) -> WebhookEndpoint:
    """No new events for it; those already queued are still delivered."""
    row = deactivate_endpoint(store, endpoint_id)
    if row is None:
        raise WebhookError(f"no webhook endpoint {endpoint_id} (see `intake webhook list`)")
    return row
