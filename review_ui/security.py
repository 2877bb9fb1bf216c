"""Sessions, CSRF tokens, the signed-in user, and the security headers of every response."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from models import Settings

SESSION_HOURS = 10
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
DEFAULT_SECRET_FILE = Path("var/session_secret")

# Scripts and styles only from our own files; no inline code, no frames of
# ours inside other sites, nothing loaded from elsewhere.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
# The sandboxed frame that shows an email's (already sanitised) HTML: no script,
# no remote image or font, no form; inline styles only, for the mail's own layout.
MAIL_FRAME_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'"
)


class NotSignedInError(Exception):
    """The request has no valid session: the client is sent to the login page."""


class ForbiddenError(Exception):
    """The request is refused: a missing or wrong CSRF token, or a role without the right."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class SessionUser:
    id: int
    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def session_secret(settings: Settings, secret_file: Path = DEFAULT_SECRET_FILE) -> str:
    """The session key: from the settings, else a random one kept (mode 600) in `secret_file`."""
    if settings.session_secret:
        return settings.session_secret
    if secret_file.exists():
        return secret_file.read_text(encoding="ascii").strip()
    if not secret_file.parent.exists():
        secret_file.parent.mkdir(mode=0o700, parents=True)
    secret = secrets.token_urlsafe(48)
    descriptor = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secret)
    return secret


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use (the login form has one too)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request whose token (form field or header) is not the session's."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and "form" in request.headers.get("content-type", ""):
        sent = str((await request.form()).get(CSRF_FIELD) or "")
    if not expected or not sent or not secrets.compare_digest(expected, sent):
        raise ForbiddenError("csrf")


def sign_in(request: Request, user: Any, language: str) -> None:
    """A fresh session for the user: a new CSRF token, so a token seen before login is useless.

    The session carries the user's epoch: logout, a new password or disabling the
    account raise it, and every cookie issued before stops being accepted.
    """
    request.session.clear()
    request.session.update(
        {
            "uid": user.id,
            "user": user.username,
            "role": user.role,
            "lang": language,
            "epoch": user.session_epoch,
        }
    )
    csrf_token(request)


def session_user(request: Request) -> SessionUser:
    """The signed-in user; NotSignedInError when there is none."""
    data = request.session
    if not data.get("uid"):
        raise NotSignedInError()
    user = request.app.state.user_lookup(int(data["uid"]))
    # Removed, disabled, signed out or given a new password since this cookie was issued.
    if user is None or user.session_epoch != data.get("epoch"):
        request.session.clear()
        raise NotSignedInError()
    return SessionUser(id=user.id, name=user.username, role=user.role)


class SecurityHeaders:
    """Adds CSP, X-Frame-Options, nosniff and Referrer-Policy to every response.

    A route that needs another policy (the mail frame) sets its own header
    first; this middleware only fills in what is missing.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in DEFAULT_HEADERS:
                    if name not in present:
                        headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


DEFAULT_HEADERS = [
    (b"content-security-policy", PAGE_CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


# The signed-in user as a route parameter: `user: CurrentUser`.
CurrentUser = Annotated[SessionUser, Depends(session_user)]
