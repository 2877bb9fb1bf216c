"""API tokens: a random secret shown once, its sha256 kept, scopes per token.

The secret is 32 random bytes: a fast hash is enough (nothing to brute-force),
and a lookup by hash stays one indexed read per request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from enum import StrEnum

from models import IntakeError, Store, all_tokens, insert_row, live_token, revoke_token_row
from models.tables import ApiToken

TOKEN_PREFIX = "itk_"


class Scope(StrEnum):
    READ = "read"  # orders, messages, the feed
    WRITE = "write"  # order events, new orders


class TokenError(IntakeError):
    """A token operation that cannot be done (unknown token, no scope)."""


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(store: Store, name: str, scopes: list[Scope]) -> tuple[ApiToken, str]:
    """A new token; returns its row and the secret, which is not kept anywhere."""
    if not scopes:
        raise TokenError("a token needs at least one scope (--scope read|write)")
    if not name.strip():
        raise TokenError("a token needs a name (who uses it)")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        name=name.strip(),
        token_hash=hash_token(secret),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        scopes=" ".join(sorted({s.value for s in scopes})),
    )
    return insert_row(store, row), secret


def list_tokens(store: Store) -> list[ApiToken]:
    return all_tokens(store)


def revoke_token(store: Store, token_id: int) -> ApiToken:
    """Revoke a token: it is refused from its next request on."""
    row = revoke_token_row(store, token_id)
    if row is None:
        raise TokenError(f"no API token {token_id} (see `intake token list`)")
    return row


def authenticate(store: Store, secret: str) -> ApiToken | None:
    """The live token with this secret, or None; its last use is recorded."""
    # Once a minute is enough to see which tokens are in use; not a write per request.
    return live_token(store, hash_token(secret), note_use_after=dt.timedelta(minutes=1))


def token_scopes(row: ApiToken) -> set[str]:
    return set(row.scopes.split())
