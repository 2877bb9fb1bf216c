"""A clerk's work on one order in review: reading it, its lock, saving values, deciding it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlmodel import Session, select

from models.errors import IntakeError, StaleEditError
from models.pipeline import OrderStatus
from models.rows import to_record
from models.store import Store
from models.tables import AuditEvent, Order, OrderLine, ReviewItem, ReviewItemState, utcnow

NOT_AN_ORDER = "not_an_order"


class OrderNotFoundError(IntakeError):
    """No order has this number."""

    def __init__(self, order_id: int) -> None:
        self.order_id = order_id
        super().__init__(f"order {order_id} does not exist")


class OrderClosedError(IntakeError):
    """The order was already decided (accepted or rejected) and is no longer editable."""

    def __init__(self, order_id: int, status: str) -> None:
        self.order_id, self.status = order_id, status
        super().__init__(f"order {order_id} is already {status}")


class EditedValues(Protocol):
    """The typed header and lines a clerk gives, ready for the store."""

    customer_id: str | None
    po_number: str | None
    order_date: dt.date | None
    requested_delivery_date: dt.date | None
    ship_to: str | None
    lines: list[dict[str, object]]


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands datetimes back naive; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def get_order(store: Store, order_id: int) -> tuple[Order, list[OrderLine]]:
    """The order and its lines in order; OrderNotFoundError when absent."""
    with store.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise OrderNotFoundError(order_id)
        return order, _lines(session, order_id)


def _lines(session: Session, order_id: int) -> list[OrderLine]:
    query = select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.line_no)
    return list(session.exec(query))


def take_lock(store: Store, order_id: int, user: str, *, force: bool, lock_for: dt.timedelta) -> str | None:
    """Take the order for `user`. Returns who else holds it (and keeps their lock), else None.

    A lock older than `lock_for` is free again; `force` takes it over anyway.
    """
    now = utcnow()
    with store.session() as session:
        order = _locked_row(session, order_id)
        if order is None:
            raise OrderNotFoundError(order_id)
        holder, since = order.locked_by, order.locked_at
        fresh = since is not None and now - as_utc(since) < lock_for
        if holder and holder != user and fresh and not force:
            return holder
        order.locked_by, order.locked_at = user, now
        if holder and holder != user and fresh:
            _audit(session, user, "taken_over", order_id, {"locked_by": holder}, {"locked_by": user})
        session.commit()
        return None


def release_lock(store: Store, order_id: int, user: str) -> None:
    with store.session() as session:
        order = session.get(Order, order_id)
        if order is not None and order.locked_by == user:
            order.locked_by, order.locked_at = None, None
            session.commit()


def save_order(
    store: Store,
    order_id: int,
    values: EditedValues | None,
    *,
    user: str,
    version: int,
    origins: list[int | None] | None,
    decide: OrderStatus | None = None,
    reason: str | None = None,
) -> Order:
    """Write the clerk's values (None: keep them) if `version` is still the stored one, else
    StaleEditError; then decide the order when `decide` says how."""
    with store.session() as session:
        order = _editable(session, order_id, version)
        if values is not None:
            _apply(session, order, values, user, origins)
        if decide is not None:
            _decide(session, order, user, decide, reason)
        session.commit()
        return order


def _locked_row(session: Session, order_id: int) -> Order | None:
    """The order's row, locked until commit (PostgreSQL), so two saves cannot both pass the check."""
    return session.exec(select(Order).where(Order.id == order_id).with_for_update()).first()


def _editable(session: Session, order_id: int, version: int) -> Order:
    order = _locked_row(session, order_id)
    if order is None:
        raise OrderNotFoundError(order_id)
    if order.version != version:
        raise StaleEditError(order_id, version, order.version)
    if order.status != OrderStatus.REVIEW:
        raise OrderClosedError(order_id, order.status)
    return order


def _apply(
    session: Session, order: Order, values: EditedValues, user: str, origins: list[int | None] | None
) -> None:
    assert order.id is not None
    if origins is not None:
        order.detail = {**(order.detail or {}), "line_origins": origins}
    old_lines = _lines(session, order.id)
    before = to_record(order, old_lines).model_dump(mode="json")
    order.customer_id, order.po_number = values.customer_id, values.po_number
    order.order_date, order.requested_delivery_date = values.order_date, values.requested_delivery_date
    order.ship_to = values.ship_to
    order.version += 1
    order.locked_by, order.locked_at = user, utcnow()
    for line in old_lines:
        session.delete(line)
    session.flush()
    new_lines = [OrderLine(order_id=order.id, confidence=1.0, **line) for line in values.lines]  # type: ignore[arg-type]
    session.add_all(new_lines)
    after = to_record(order, new_lines).model_dump(mode="json")
    if before != after:
        _audit(session, user, "edited", order.id, *_changed(before, after))


def _decide(session: Session, order: Order, user: str, status: OrderStatus, reason: str | None) -> None:
    assert order.id is not None
    before = {"status": order.status, "version": order.version}
    order.status, order.reject_reason = status.value, reason
    order.decided_at, order.decided_by = utcnow(), user
    order.locked_by, order.locked_at = None, None
    if order.version == before["version"]:
        order.version += 1
    for item in session.exec(
        select(ReviewItem).where(ReviewItem.order_id == order.id, ReviewItem.state == ReviewItemState.OPEN)
    ):
        item.state, item.closed_at, item.closed_by = ReviewItemState.CLOSED, utcnow(), user
    action = "not_an_order" if reason == NOT_AN_ORDER else status.value
    _audit(session, user, action, order.id, before, {"status": status.value, "reason": reason})


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose value changed, so the trail reads as a diff."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def _audit(
    session: Session, actor: str, action: str, order_id: int, before: dict | None, after: dict | None
) -> None:
    session.add(
        AuditEvent(
            actor=actor, action=action, entity="order", entity_id=str(order_id), before=before, after=after
        )
    )
