"""The rows of what downstream systems hold: API tokens (by their hash) and webhook endpoints."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlmodel import col, select

from models.store import Store
from models.tables import ApiToken, WebhookEndpoint, utcnow

T = TypeVar("T", ApiToken, WebhookEndpoint)


def insert_row(store: Store, row: T) -> T:
    """Store one new token or endpoint row."""
    with store.session() as session:
        session.add(row)
        session.commit()
    return row


def all_tokens(store: Store) -> list[ApiToken]:
    with store.session() as session:
        return list(session.exec(select(ApiToken).order_by(col(ApiToken.id))))


def revoke_token_row(store: Store, token_id: int) -> ApiToken | None:
    """Mark the token revoked now (a revoked one keeps its date); None when there is no such token."""
    with store.session() as session:
        row = session.get(ApiToken, token_id)
        if row is None:
            return None
        if row.revoked_at is None:
            row.revoked_at = utcnow()
            session.commit()
        return row


def live_token(store: Store, token_hash: str, *, note_use_after: dt.timedelta) -> ApiToken | None:
    """The unrevoked token with this hash; its last use is noted when older than `note_use_after`."""
    with store.session() as session:
        row = session.exec(select(ApiToken).where(ApiToken.token_hash == token_hash)).first()
        if row is None or row.revoked_at is not None:
            return None
        now = utcnow()
        if row.last_used_at is None or now - _aware(row.last_used_at) > note_use_after:
            row.last_used_at = now
            session.commit()
        return row


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def all_endpoints(store: Store) -> list[WebhookEndpoint]:
    with store.session() as session:
        return list(session.exec(select(WebhookEndpoint).order_by(col(WebhookEndpoint.id))))


def deactivate_endpoint(store: Store, endpoint_id: int) -> WebhookEndpoint | None:
    """No new events for it; None when there is no such endpoint."""
    with store.session() as session:
        row = session.get(WebhookEndpoint, endpoint_id)
        if row is None:
            return None
        row.active = False
        session.commit()
        return row
