"""Bearer tokens with scopes, as a FastAPI security dependency (shown in the OpenAPI schema)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, SecurityScopes

from intake.api.tokens import authenticate, token_scopes
from models.tables import ApiToken

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token from `intake token create --scope read|write`.",
)


def api_token(
    security_scopes: SecurityScopes,
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> ApiToken:
    """The caller's token, refused (401) when absent or unknown, 403 when it lacks a scope."""
    challenge = {"WWW-Authenticate": f'Bearer scope="{security_scopes.scope_str}"'}
    if credentials is None:
        raise HTTPException(401, "an API token is needed: Authorization: Bearer <token>", headers=challenge)
    token = authenticate(request.app.state.store, credentials.credentials)
    if token is None:
        raise HTTPException(401, "unknown or revoked API token", headers=challenge)
    missing = set(security_scopes.scopes) - token_scopes(token)
    if missing:
        raise HTTPException(
            403, f"this token lacks the scope {', '.join(sorted(missing))}", headers=challenge
        )
    return token
