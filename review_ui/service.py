"""The store reads and writes the review UI needs, as small functions.

Every change a clerk makes goes through here, checks the order's version
(a stale save is refused with StaleEditError, never silently merged) and
leaves an audit event with the values before and after.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from rapidfuzz import fuzz, process
from sqlmodel import Session, select

from matchers import CatalogIndex, learn_alias
from models import (
    Candidate,
    Evidence,
    IntakeError,
    OrderStatus,
    StaleEditError,
    Store,
)
from models.rows import to_record
from models.tables import AuditEvent, Order, OrderLine, ReviewItem, ReviewItemState, utcnow
from review_ui.edits import OrderValues

LOCK_MINUTES = 15
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


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands datetimes back naive; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# -- reading -----------------------------------------------------------------


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


# -- locks -------------------------------------------------------------------


def take_lock(store: Store, order_id: int, user: str, *, force: bool = False) -> str | None:
    """Take the order for `user`. Returns who else holds it (and keeps their lock), else None.

    A lock older than LOCK_MINUTES is free again: a clerk who walked away
    does not block the queue. `force` is an admin taking an order over.
    """
    now = utcnow()
    with store.session() as session:
        order = _locked_row(session, order_id)
        if order is None:
            raise OrderNotFoundError(order_id)
        holder, since = order.locked_by, order.locked_at
        fresh = since is not None and now - as_utc(since) < dt.timedelta(minutes=LOCK_MINUTES)
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


# -- writing -----------------------------------------------------------------


def save_order(
    store: Store,
    order_id: int,
    values: OrderValues,
    *,
    user: str,
    version: int,
    origins: list[int | None] | None = None,
) -> Order:
    """Write the clerk's values if `version` is still the stored one; else StaleEditError."""
    with store.session() as session:
        order = _editable(session, order_id, version)
        _apply(session, order, values, user, origins)
        session.commit()
        return order


def approve_order(
    store: Store,
    order_id: int,
    values: OrderValues,
    *,
    user: str,
    version: int,
    origins: list[int | None] | None = None,
) -> Order:
    """Save the values and accept the order: it joins the clean order table.

    The caller has checked the values (`review_ui.approval`). Once the order is
    committed, each wording the clerk matched to another article is taught to
    the matchers (`matchers.learn_alias`), so the next order with it matches.
    """
    with store.session() as session:
        order = _editable(session, order_id, version)
        matched = _matched_skus(order)
        _apply(session, order, values, user, origins)
        _decide(session, order, user, OrderStatus.ACCEPTED, None)
        session.commit()
    for line in values.lines:
        wording, sku = line.get("description"), line.get("sku")
        if wording and sku and values.customer_id and matched.get(str(wording)) != sku:
            with contextlib.suppress(ValueError):  # a wording of no words teaches nothing
                learn_alias(store, values.customer_id, str(wording), str(sku), actor=user)
    return order


def reject_order(store: Store, order_id: int, *, user: str, version: int, reason: str) -> Order:
    """Refuse the order with the clerk's reason (NOT_AN_ORDER when it was never one)."""
    with store.session() as session:
        order = _editable(session, order_id, version)
        _decide(session, order, user, OrderStatus.REJECTED, reason)
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
    session: Session, order: Order, values: OrderValues, user: str, origins: list[int | None] | None
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
    new_lines = [OrderLine(order_id=order.id, confidence=1.0, **line) for line in values.lines]
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


def _matched_skus(order: Order) -> dict[str, str | None]:
    """What the matcher proposed for each wording, to learn only what the clerk changed."""
    proposed: dict[str, str | None] = {}
    for line in (order.detail or {}).get("lines", []):
        description = ((line.get("line") or {}).get("description") or {}).get("value")
        if description:
            proposed[description] = line.get("sku")
    return proposed


# -- the matchers' side --------------------------------------------------------


def search_articles(
    index: CatalogIndex, query: str, *, customer_id: str | None = None, limit: int = 8
) -> list[Candidate]:
    """Catalogue articles for what a clerk types: codes first, then names by similarity."""
    text = query.strip()
    if not text:
        return []
    code = text.upper()
    exact: dict[str, Candidate] = {}
    for sku, kind in _code_hits(index, code, customer_id):
        product = index.products[sku]
        exact.setdefault(
            sku, Candidate(key=sku, label=product.name, score=1.0, evidence=[Evidence(kind=kind)])
        )
    found = process.extract(text, index.names, scorer=fuzz.WRatio, limit=limit * 2)
    ranked = list(exact.values())
    for name, score, position in found:
        sku = index.name_skus[position]
        if sku not in exact:
            ranked.append(
                Candidate(
                    key=sku, label=name, score=round(score / 100, 3), evidence=[Evidence(kind="designation")]
                )
            )
    return ranked[:limit]


def _code_hits(index: CatalogIndex, code: str, customer_id: str | None) -> list[tuple[str, str]]:
    hits = []
    if customer_id and (customer_id, code) in index.refs:
        hits.append((index.refs[(customer_id, code)], "customer_ref"))
    if code in index.products:
        hits.append((code, "sku"))
    if code in index.by_ean:
        hits.append((index.by_ean[code], "ean"))
    if len(code) >= 3:
        hits += [(sku, "sku") for sku in index.products if sku.startswith(code)][:5]
    return hits


def search_customers(index: CatalogIndex, query: str, *, limit: int = 8) -> list[Candidate]:
    """Customers by code or name, best first."""
    text = query.strip()
    if not text:
        return []
    ids = list(index.customers)
    labels = [f"{cid} {index.customers[cid].name}" for cid in ids]
    found = process.extract(text, labels, scorer=fuzz.WRatio, limit=limit)
    return [
        Candidate(key=ids[i], label=index.customers[ids[i]].name, score=round(score / 100, 3))
        for _, score, i in found
    ]
