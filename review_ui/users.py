"""Clerk and admin accounts: passwords hashed with Argon2id, never stored in clear."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import col, select

from models import IntakeError, Store
from models.tables import AuditEvent, User, utcnow

ROLES = ("clerk", "admin")
LOGIN_FAILED = "login_failed"
log = logging.getLogger("intake.review")
_HASHER = PasswordHasher()
# Verified when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("intake-unknown-user")


class UserError(IntakeError):
    """A user cannot be created or changed as asked (bad role, name taken, short password)."""


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def add_user(
    store: Store, username: str, password: str, *, role: str, language: str = "fr", replace: bool = False
) -> User:
    """Create a user, or set a new password and role when `replace` and it exists."""
    name = username.strip()
    if not name or len(name) > 128:
        raise UserError("a user name is 1 to 128 characters")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if len(password) < 8:
        raise UserError("a password has at least 8 characters")
    with store.session() as session:
        user = session.exec(select(User).where(User.username == name)).first()
        if user and not replace:
            raise UserError(f"user {name!r} already exists")
        action = "password_set" if user else "created"
        user = user or User(username=name, password_hash="")
        user.password_hash, user.role, user.language, user.active = (
            hash_password(password),
            role,
            language,
            True,
        )
        user.session_epoch += 1  # a new password ends the sessions opened with the old one
        session.add(user)
        session.add(
            AuditEvent(actor="intake", action=action, entity="user", entity_id=name, after={"role": role})
        )
        session.commit()
        return user


def authenticate(store: Store, username: str, password: str) -> User | None:
    """The active user with this name and password, else None (same cost either way)."""
    with store.session() as session:
        user = session.exec(select(User).where(User.username == username.strip())).first()
        if user is None or not user.active:
            _verify(_DUMMY_HASH, password)
            return None
        if not _verify(user.password_hash, password):
            return None
        if _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
            session.commit()
        return user


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def get_user(store: Store, user_id: int) -> User | None:
    with store.session() as session:
        user = session.get(User, user_id)
        return user if user and user.active else None


@dataclass(frozen=True)
class UserSummary:
    """One line of `intake user list`: the account and its recent failed sign-ins."""

    name: str
    role: str
    active: bool
    created_at: dt.datetime
    failed_logins: int
    last_failure: str


def _named(session, username: str) -> User:
    user = session.exec(select(User).where(User.username == username.strip())).first()
    if user is None:
        raise UserError(f"no user named {username.strip()!r}")
    return user


def _change(store: Store, username: str, action: str, change) -> User:
    """Apply `change` to the user, end their sessions and audit it."""
    with store.session() as session:
        user = _named(session, username)
        change(user)
        user.session_epoch += 1
        session.add(user)
        session.add(AuditEvent(actor="intake", action=action, entity="user", entity_id=user.username))
        session.commit()
        return user


def set_active(store: Store, username: str, active: bool) -> User:
    """Enable or disable an account; disabling ends its sessions at once."""
    return _change(
        store, username, "enabled" if active else "disabled", lambda u: setattr(u, "active", active)
    )


def set_password(store: Store, username: str, password: str) -> User:
    """A new password for an existing user; every session of theirs ends."""
    if len(password) < 8:
        raise UserError("a password has at least 8 characters")
    digest = hash_password(password)
    return _change(store, username, "password_set", lambda u: setattr(u, "password_hash", digest))


def end_sessions(store: Store, user_id: int) -> None:
    """Sign the user out everywhere: every cookie issued so far stops being accepted."""
    with store.session() as session:
        user = session.get(User, user_id)
        if user is not None:
            user.session_epoch += 1
            session.add(user)
            session.commit()


def record_failed_login(store: Store, username: str, address: str, count: int) -> None:
    """Keep a failed sign-in (name, address, time) in the audit trail and the log."""
    name = username.strip()[:128] or "?"
    log.warning("failed sign-in for %r from %s (%d in a row)", name, address, count)
    with store.session() as session:
        session.add(
            AuditEvent(
                actor=name,
                action=LOGIN_FAILED,
                entity="user",
                entity_id=name,
                after={"address": address, "in_a_row": count},
            )
        )
        session.commit()


def list_users(store: Store, *, since: dt.timedelta = dt.timedelta(days=1)) -> list[UserSummary]:
    """Every account, with its failed sign-ins of the last `since`."""
    cutoff = utcnow() - since
    with store.session() as session:
        users = list(session.exec(select(User).order_by(User.username)))
        failures = list(
            session.exec(
                select(AuditEvent)
                .where(AuditEvent.action == LOGIN_FAILED, col(AuditEvent.at) >= cutoff)
                .order_by(col(AuditEvent.at))
            )
        )
    return [_summary(user, [f for f in failures if f.entity_id == user.username]) for user in users]


def failed_logins(store: Store, *, since: dt.timedelta = dt.timedelta(days=1)) -> list[AuditEvent]:
    """Failed sign-ins of the last `since`, newest first, for every name tried (known or not)."""
    cutoff = utcnow() - since
    with store.session() as session:
        query = (
            select(AuditEvent)
            .where(AuditEvent.action == LOGIN_FAILED, col(AuditEvent.at) >= cutoff)
            .order_by(col(AuditEvent.at).desc())
        )
        return list(session.exec(query))


def _summary(user: User, failures: list[AuditEvent]) -> UserSummary:
    last = failures[-1] if failures else None
    where = f"{last.at:%Y-%m-%d %H:%M} from {(last.after or {}).get('address', '?')}" if last else ""
    return UserSummary(user.username, user.role, user.active, user.created_at, len(failures), where)
