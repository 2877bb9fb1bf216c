"""The work queue on the store: messages taken in from IMAP wait in it, in state
`received`, until a daemon claims one, processes it and stores its outcome.

A claim is a holder and an expiry written on the message's row. On PostgreSQL
the claiming UPDATE picks its row with FOR UPDATE SKIP LOCKED, so daemons that
claim at the same moment take different messages instead of waiting on one
another; SQLite has a single writer, so the same statement is atomic there as
it stands. A claim that expires (its daemon killed or hung) makes the message
claimable again. Doubles are not the claim's business: the outcome is written
under the message's row lock and only once (`Store.save_result`), so a message
processed again after an expired claim still has one set of orders.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import col, select

from models.store import Store
from models.tables import Message, MessageState, utcnow


def _claimable(now: dt.datetime) -> Any:
    # Only messages seen on a mail server: the drop folder and `intake ingest`
    # process theirs at once, in the process that stored them.
    return (
        (col(Message.state) == MessageState.RECEIVED)
        & (col(Message.origin_kind) == "imap")
        & or_(col(Message.claim_expires_at).is_(None), col(Message.claim_expires_at) < now)
    )


def claim_next(store: Store, holder: str, seconds: float) -> int | None:
    """Claim the oldest claimable message for `seconds`; its number, or None when none is left."""
    now = utcnow()
    pick = (
        select(Message.id)
        .where(_claimable(now))
        .order_by(col(Message.id))
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    statement = (
        update(Message)
        .where(col(Message.id) == pick, _claimable(now))
        .values(claimed_by=holder, claim_expires_at=now + dt.timedelta(seconds=seconds))
        .returning(col(Message.id))
    )
    with store.engine.begin() as connection:
        return connection.execute(statement).scalar_one_or_none()


def claim_some(store: Store, holder: str, seconds: float, count: int) -> list[Message]:
    """Claim up to `count` of the oldest claimable messages for `seconds`: their rows, oldest first.

    Several in one transaction, for a daemon that reads several at once. The rows are picked
    with FOR UPDATE SKIP LOCKED (PostgreSQL), and the UPDATE claims only those still claimable
    (SQLite, whose SELECT locks nothing: a concurrent claimer's rows are left to it)."""
    now = utcnow()
    with store.session() as session:
        rows = list(
            session.exec(
                select(Message)
                .where(_claimable(now))
                .order_by(col(Message.id))
                .limit(count)
                .with_for_update(skip_locked=True)
            )
        )
        if not rows:
            return []
        claimed = set(
            session.execute(
                update(Message)
                .where(col(Message.id).in_([row.id for row in rows]), _claimable(now))
                .values(claimed_by=holder, claim_expires_at=now + dt.timedelta(seconds=seconds))
                .returning(col(Message.id))
                .execution_options(synchronize_session=False)
            ).scalars()
        )
        session.commit()
        return [row for row in rows if row.id in claimed]


def release_claims(store: Store, holder: str, pks: list[int]) -> None:
    """Give claims back unworked (the daemon stops, or ends its pass): claimable again at once."""
    if not pks:
        return
    with store.engine.begin() as connection:
        connection.execute(
            update(Message)
            .where(col(Message.id).in_(pks), col(Message.claimed_by) == holder)
            .values(claim_expires_at=None)
        )


def claim_holders(store: Store) -> list[str]:
    """Who holds an unexpired claim on a message still waiting for its outcome."""
    now = utcnow()
    with store.session() as session:
        rows = session.exec(
            select(Message.claimed_by)
            .where(
                col(Message.state) == MessageState.RECEIVED,
                col(Message.claimed_by).is_not(None),
                col(Message.claim_expires_at) >= now,
            )
            .distinct()
        )
        return sorted(holder for holder in rows if holder)


def drop_claims(store: Store, holder: str) -> int:
    """Free every claim `holder` has on messages without an outcome; how many were freed."""
    with store.engine.begin() as connection:
        result = connection.execute(
            update(Message)
            .where(col(Message.claimed_by) == holder, col(Message.state) == MessageState.RECEIVED)
            .values(claim_expires_at=None)
        )
        return result.rowcount


def renew_claims(store: Store, holder: str, pks: list[int], seconds: float) -> None:
    """Extend `holder`'s claims on these messages, still in hand, by `seconds` from now.

    Through `store.session()`: a batch renews them in its own transaction, which holds
    the locks of the outcomes it wrote."""
    if not pks:
        return
    with store.session() as session:
        session.execute(
            update(Message)
            .where(col(Message.id).in_(pks), col(Message.claimed_by) == holder)
            .values(claim_expires_at=utcnow() + dt.timedelta(seconds=seconds))
        )
        session.commit()
