"""The clerk's desk over follow-ups: the rows to list, one follow-up's rows, the clerk's decision."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from models.followup_store import apply_followup
from models.followups import OrderChange, ReturnRequest
from models.store import Store
from models.tables import AuditEvent, Customer, Followup, Message, Order, OrderLine, Product, utcnow

OUTCOMES = ("credit_note", "exchange", "refund")


class FollowupError(Exception):
    """What a clerk asked cannot be done (already decided, no order linked, unknown outcome)."""


def followup_list_rows(
    store: Store, kind: str, state: str
) -> list[tuple[Followup, Message | None, Order | None]]:
    """Follow-ups with their message and order, newest first (a kind and a state to filter)."""
    with store.session() as session:
        query = select(Followup).order_by(col(Followup.id).desc()).limit(500)
        if kind:
            query = query.where(Followup.kind == kind)
        if state:
            query = query.where(Followup.state == state)
        return [
            (
                row,
                session.get(Message, row.message_pk),
                session.get(Order, row.order_id) if row.order_id else None,
            )
            for row in session.exec(query)
        ]


@dataclass(frozen=True)
class FollowupRows:
    row: Followup
    message: Message | None
    order: Order | None
    customer: Customer | None
    lines: list[OrderLine]
    """The linked order's lines, by number."""
    candidates: list[Order]
    """The orders it may be about, when none is linked."""
    products: dict[str, Product | None]
    """The catalogue's product of each SKU it adds or returns."""


def followup_rows(store: Store, followup_id: int) -> FollowupRows | None:
    with store.session() as session:
        row = session.get(Followup, followup_id)
        if row is None:
            return None
        order = session.get(Order, row.order_id) if row.order_id else None
        customer = session.get(Customer, order.customer_id) if order and order.customer_id else None
        lines: list[OrderLine] = []
        if order is not None:
            query = select(OrderLine).where(OrderLine.order_id == order.id).order_by(col(OrderLine.line_no))
            lines = list(session.exec(query))
        candidates = _candidates(session, row.candidates) if order is None else []
        return FollowupRows(
            row=row,
            message=session.get(Message, row.message_pk),
            order=order,
            customer=customer,
            lines=lines,
            candidates=candidates,
            products={sku: session.get(Product, sku) for sku in _skus(row, with_order=order is not None)},
        )


def _skus(row: Followup, *, with_order: bool) -> list[str]:
    skus = []
    if with_order and row.change:
        skus += [added.sku for added in OrderChange.model_validate(row.change).add]
    if row.returned is not None:
        skus += [line.sku for line in ReturnRequest.model_validate(row.returned).lines]
    return skus


def _candidates(session: Session, message_ids: list[str]) -> list[Order]:
    if not message_ids:
        return []
    return list(session.exec(select(Order).where(col(Order.message_id).in_(message_ids))))


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
            _accept_return(row, user)
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


def _accept_return(row: Followup, user: str) -> None:
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
