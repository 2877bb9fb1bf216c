"""Clerk and admin accounts: passwords hashed with Argon2id, never stored in clear."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import select

from models import IntakeError, Store
from models.tables import AuditEvent, User

ROLES = ("clerk", "admin")
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
