"""The mail outbox's rows: queueing once per key, claiming what is due, recording each try."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from models.audit import audit_order
from models.pipeline import OrderStatus
from models.store import Store
from models.tables import Customer, Order, OutboxMail, OutboxState
from models.transaction import Transaction


def queue_mail(transaction: Transaction, row: OutboxMail) -> tuple[OutboxMail, bool]:
    """Add `row` unless a mail with its dedup_key exists. Returns (row, created)."""
    found = find_mail(transaction, row.dedup_key)
    if found is not None:
        return found, False
    try:
        with transaction.begin_nested():  # another process may queue the same key meanwhile
            transaction.add(row)
    except IntegrityError:
        found = find_mail(transaction, row.dedup_key)
        assert found is not None, f"outbox {row.dedup_key}: conflict without a row"
        return found, False
    return row, True


def queue_order_mail(transaction: Transaction, row: OutboxMail, *, actor: str) -> tuple[OutboxMail, bool]:
    """Queue a mail about an order once per dedup_key; a new one goes on the order's trail
    with its id, in the caller's transaction. Returns (row, created)."""
    row, created = queue_mail(transaction, row)
    if created:
        assert row.order_id is not None, f"outbox {row.dedup_key}: a mail about no order"
        transaction.flush()  # the trail names the row's id
        after = {"outbox_id": row.id, "to": row.to_addr, "subject": row.subject}
        audit_order(transaction, row.order_id, actor, f"mail_queued:{row.kind}", after)
    return row, created


def find_mail(transaction: Transaction, dedup_key: str) -> OutboxMail | None:
    return transaction.exec(select(OutboxMail).where(OutboxMail.dedup_key == dedup_key)).first()


def release_stale_claims(store: Store, at: dt.datetime) -> None:
    with store.session() as session:
        session.execute(
            update(OutboxMail)
            .where(col(OutboxMail.state) == OutboxState.SENDING, col(OutboxMail.next_attempt_at) < at)
            .values(state=OutboxState.PENDING)
        )
        session.commit()


def due_mail_ids(store: Store, at: dt.datetime, limit: int) -> list[int]:
    with store.session() as session:
        query = (
            select(OutboxMail.id)
            .where(OutboxMail.state == OutboxState.PENDING)
            .where(or_(col(OutboxMail.next_attempt_at).is_(None), col(OutboxMail.next_attempt_at) <= at))
            .order_by(col(OutboxMail.id))
            .limit(limit)
        )
        return [i for i in session.exec(query) if i is not None]


def claim(store: Store, mail_id: int, lease_until: dt.datetime) -> OutboxMail | None:
    """Take a pending row for sending; None when someone else took it first."""
    with store.session() as session:
        taken = session.execute(
            update(OutboxMail)
            .where(col(OutboxMail.id) == mail_id, col(OutboxMail.state) == OutboxState.PENDING)
            .values(state=OutboxState.SENDING, next_attempt_at=lease_until)
        )
        session.commit()
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            return None
        return session.get(OutboxMail, mail_id)


def mark_sent(store: Store, mail_id: int | None, at: dt.datetime) -> None:
    with store.session() as session:
        fresh = session.get(OutboxMail, mail_id)
        assert fresh is not None, f"outbox {mail_id} vanished"
        fresh.state, fresh.sent_at, fresh.last_error = OutboxState.SENT, at, None
        fresh.attempts += 1
        fresh.next_attempt_at = None
        session.commit()


def record_failed_try(
    store: Store, mail_id: int | None, reason: str, *, next_try: Callable[[int], dt.datetime | None]
) -> tuple[str, int]:
    """Count the try; `next_try(attempts)` says when to try again, None to give up. (state, attempts)."""
    with store.session() as session:
        fresh = session.get(OutboxMail, mail_id)
        assert fresh is not None, f"outbox {mail_id} vanished"
        fresh.attempts += 1
        fresh.last_error = reason[:2000]
        retry = next_try(fresh.attempts)
        if retry is None:
            fresh.state, fresh.next_attempt_at = OutboxState.FAILED, None
        else:
            fresh.state, fresh.next_attempt_at = OutboxState.PENDING, retry
        session.commit()
        return fresh.state, fresh.attempts


def list_mails(store: Store, state: str | None = None) -> list[OutboxMail]:
    with store.session() as session:
        query = select(OutboxMail).order_by(col(OutboxMail.id))
        if state:
            query = query.where(OutboxMail.state == state)
        return list(session.exec(query))


def requeue_failed(store: Store) -> int:
    """Give failed mails another round of tries (after the cause is fixed)."""
    with store.session() as session:
        result = session.execute(
            update(OutboxMail)
            .where(col(OutboxMail.state) == OutboxState.FAILED)
            .values(state=OutboxState.PENDING, attempts=0, next_attempt_at=None)
        )
        session.commit()
        return int(result.rowcount)  # type: ignore[attr-defined]


def unacknowledged_orders(store: Store, since: dt.datetime) -> list[int]:
    """Orders accepted since `since`, of customers who take mail, with no acknowledgement queued."""
    with store.session() as session:
        acknowledged = select(OutboxMail.order_id).where(OutboxMail.kind == "ack")
        query = (
            select(Order.id)
            .join(Customer, col(Customer.customer_id) == col(Order.customer_id))
            .where(Order.status == OrderStatus.ACCEPTED.value, col(Order.decided_at) >= since)
            .where(col(Customer.notify).is_(True), col(Order.id).not_in(acknowledged))
        )
        return [i for i in session.exec(query) if i is not None]
