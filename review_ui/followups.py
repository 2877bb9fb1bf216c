"""Follow-ups on the clerk's desk: the list, one follow-up with its order and diff, the clerk's decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from models import Store
from models.followup_store import apply_followup
from models.followups import OrderChange, ReturnRequest
from models.tables import AuditEvent, Customer, Followup, Message, Order, OrderLine, Product, utcnow
from parsers import parse_message

OUTCOMES = ("credit_note", "exchange", "refund")
KINDS = ("change", "cancellation", "replacement", "return", "delivery_question")


@dataclass
class DiffRow:
    """One line of the linked order as the follow-up would leave it."""

    sku: str | None
    description: str
    before: float | None
    after: float | None
    state: str  # same, changed, removed, added


@dataclass
class FollowupView:
    row: Followup
    subject: str = ""
    sender: str = ""
    text: str = ""
    customer: str = ""
    order: Order | None = None
    diff: list[DiffRow] = field(default_factory=list)
    delivery: tuple[dt.date | None, dt.date | None] | None = None
    returned: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    candidates: list[Order] = field(default_factory=list)


def list_followups(store: Store, kind: str = "", state: str = "open") -> list[dict[str, Any]]:
    """Follow-ups with their message and order, newest first (a kind and a state to filter)."""
    with store.session() as session:
        query = select(Followup).order_by(col(Followup.id).desc()).limit(500)
        if kind:
            query = query.where(Followup.kind == kind)
        if state:
            query = query.where(Followup.state == state)
        rows = []
        for row in session.exec(query):
            message = session.get(Message, row.message_pk)
            order = session.get(Order, row.order_id) if row.order_id else None
            rows.append(
                {
                    "row": row,
                    "subject": message.subject if message else "",
                    "sender": message.sender if message else "",
                    "order": order,
                    "lines": _returned_lines(row),
                }
            )
        return rows


def _returned_lines(row: Followup) -> list[dict[str, Any]]:
    if row.returned is None:
        return []
    return [line.model_dump() for line in ReturnRequest.model_validate(row.returned).lines]


def load_followup(store: Store, followup_id: int) -> FollowupView | None:
    with store.session() as session:
        row = session.get(Followup, followup_id)
        if row is None:
            return None
        view = FollowupView(row=row)
        message = session.get(Message, row.message_pk)
        if message is not None:
            parsed = parse_message(message.raw, where=f"message {message.id}")
            view.subject, view.sender, view.text = parsed.subject, parsed.sender.email, parsed.text
        view.order = session.get(Order, row.order_id) if row.order_id else None
        if view.order is not None:
            customer = session.get(Customer, view.order.customer_id) if view.order.customer_id else None
            view.customer = customer.name if customer else view.order.customer_id or ""
            _fill_diff(session, view)
        else:
            view.candidates = _candidates(session, row.candidates)
        if row.returned is not None:
            returned = ReturnRequest.model_validate(row.returned)
            view.returned = [_product_line(session, x.sku, x.quantity) for x in returned.lines]
            view.reason = returned.reason.value if returned.reason else None
        return view


def _fill_diff(session: Session, view: FollowupView) -> None:
    assert view.order is not None
    lines = session.exec(
        select(OrderLine).where(OrderLine.order_id == view.order.id).order_by(col(OrderLine.line_no))
    )
    change = OrderChange.model_validate(view.row.change) if view.row.change else OrderChange()
    quantities = {s.sku: s.quantity for s in change.set_quantity}
    for line in lines:
        state, after = "same", line.quantity
        if line.sku in change.remove:
            state, after = "removed", None
        elif line.sku in quantities and quantities[line.sku] != line.quantity:
            state, after = "changed", quantities[line.sku]
        view.diff.append(DiffRow(line.sku, line.description or "", line.quantity, after, state))
    for added in change.add:
        name = _product_line(session, added.sku, added.quantity)["description"]
        view.diff.append(DiffRow(added.sku, name, None, added.quantity, "added"))
    if change.delivery_date is not None:
        view.delivery = (view.order.requested_delivery_date, change.delivery_date)


def _product_line(session: Session, sku: str, quantity: float) -> dict[str, Any]:
    product = session.get(Product, sku)
    return {"sku": sku, "description": product.name if product else "", "quantity": quantity}


def _candidates(session: Session, message_ids: list[str]) -> list[Order]:
    if not message_ids:
        return []
    return list(session.exec(select(Order).where(col(Order.message_id).in_(message_ids))))


class FollowupError(Exception):
    """What a clerk asked cannot be done (already decided, no order linked, unknown outcome)."""


def decide_followup(
    store: Store, followup_id: int, action: str, *, user: str, outcome: str = "", order_id: int | None = None
) -> Followup:
    """The clerk's decision: link it to an order, apply it, reject it, or close a return with its outcome."""
    with store.session() as session:
        row = session.get(Followup, followup_id)
        if row is None:
            raise FollowupError("unknown")
        if row.state != "open" and not (row.state == "accepted" and action in ("apply", "reject")):
            raise FollowupError("decided")
        before = {"state": row.state, "order_id": row.order_id}
        if action == "accept":
            _accept_return(session, row, user)
        elif action == "link":
            _link(session, row, order_id)
        elif action == "apply":
            _apply(session, row, outcome, user)
        elif action == "reject":
            row.state, row.decided_at, row.decided_by = "rejected", utcnow(), user
        else:
            raise FollowupError("action")
        session.add(row)
        session.add(
            AuditEvent(
                actor=user,
                action=f"followup:{action}",
                entity="followup",
                entity_id=str(row.id),
                before=before,
                after={"state": row.state, "order_id": row.order_id, "outcome": row.outcome},
            )
        )
        session.commit()
        session.refresh(row)
        return row


def _link(session: Session, row: Followup, order_id: int | None) -> None:
    order = session.get(Order, order_id) if order_id is not None else None
    if order is None or order.message_id not in row.candidates:
        raise FollowupError("candidate")
    row.order_id, row.link_by = order.id, "clerk"


def _accept_return(session: Session, row: Followup, user: str) -> None:
    """The clerk takes the goods back; the outcome (credit, exchange, refund) comes later."""
    if row.kind != "return":
        raise FollowupError("action")
    if row.order_id is None:
        raise FollowupError("no_order")
    row.state, row.decided_at, row.decided_by = "accepted", utcnow(), user


def _apply(session: Session, row: Followup, outcome: str, user: str) -> None:
    order = session.get(Order, row.order_id) if row.order_id else None
    if order is None:
        raise FollowupError("no_order")
    if row.kind == "return":
        if outcome not in OUTCOMES:
            raise FollowupError("outcome")
        row.outcome, row.state, row.decided_at, row.decided_by = outcome, "applied", utcnow(), user
        return
    if row.kind == "delivery_question":
        row.state, row.decided_at, row.decided_by = "answered", utcnow(), user
        return
    apply_followup(session, row, order, actor=user)
