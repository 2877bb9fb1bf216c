"""Follow-ups in the store: the orders they may name, keeping them, and what applying one does.

An order not yet handed downstream (in review) is edited in place; an accepted
one is never edited silently: the change or the cancellation goes out as an
`order.changed` / `order.cancelled` event through the webhooks outbox, in the
same transaction as the follow-up's new state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlmodel import Session, col, func, or_, select

from models.audit import audit_order
from models.feed import queue_order_event
from models.followups import ABOUT_AN_ORDER, FollowupKind, FollowupResult, OrderChange
from models.history import PAST_COLUMNS, PastOrder, past_orders
from models.pipeline import OrderStatus, ProcessResult
from models.rows import to_record
from models.store import Store
from models.tables import (
    Followup,
    FollowupState,
    Order,
    OrderEvent,
    OrderLine,
    OutboxMail,
    Product,
    ReviewItem,
    ReviewItemState,
    WebhookDelivery,
    utcnow,
)

RECENT_ORDERS = 60
CANCELLED = "cancelled"


def customer_orders(store: Store, customer_id: str) -> list[PastOrder]:
    """The customer's latest orders, most recent first (cancelled and rejected ones left out)."""
    with store.session() as session:
        rows = session.exec(
            select(*PAST_COLUMNS)
            .where(Order.customer_id == customer_id, col(Order.status).in_(["accepted", "review"]))
            .order_by(col(Order.id).desc())
            .limit(RECENT_ORDERS)
        )
        return past_orders(session, list(rows))


def thread_orders(store: Store, message_ids: Sequence[str]) -> list[PastOrder]:
    """Orders a thread names: by their own Message-ID, or by the Message-ID of our acknowledgement."""
    if not message_ids:
        return []
    wanted = set(message_ids)
    with store.session() as session:
        rows = list(session.exec(select(Order).where(col(Order.message_id).in_(wanted))))
        acked = session.exec(select(OutboxMail).where(col(OutboxMail.order_id).is_not(None)))
        order_ids = {m.order_id for m in acked if m.headers.get("Message-ID") in wanted}
        if order_ids:
            rows += list(session.exec(select(Order).where(col(Order.id).in_(order_ids))))
        return past_orders(session, list({o.id: o for o in rows}.values()))


def reference_orders(store: Store, references: Sequence[str]) -> list[PastOrder]:
    """Orders whose PO holds the digits of a written reference (any customer: the linker compares)."""
    digits = {re.sub(r"\D", "", r) for r in references}
    digits = {d for d in digits if len(d) >= 3}
    if not digits:
        return []
    with store.session() as session:
        clauses = [col(Order.po_number).contains(d) for d in digits]
        rows = session.exec(
            select(*PAST_COLUMNS).where(or_(*clauses)).order_by(col(Order.id).desc()).limit(20)
        )
        return past_orders(session, list(rows))


def delivery_note_orders(store: Store, numbers: Sequence[str]) -> list[PastOrder]:
    """Orders one of whose events carries a delivery note written: the same letters and digits
    ("BL-26/0045" is "bl 26 0045"), or the same digits when there are four or more ("26/0045")."""
    wanted = {_alnum(n) for n in numbers} - {""}
    # The last digits of each written number find the stored notes, however they are separated
    # ("4571" of "2604571" in "BL-26/04571"); the whole number is compared after.
    runs = {re.sub(r"\D", "", n)[-4:] for n in numbers if re.search(r"\d", n)}
    if not runs:
        return []
    with store.session() as session:
        clauses = [col(OrderEvent.delivery_note).contains(run) for run in runs]
        events = session.exec(select(OrderEvent).where(or_(*clauses)))
        ids = {e.order_id for e in events if _same_note(e.delivery_note or "", wanted)}
        if not ids:
            return []
        rows = session.exec(select(Order).where(col(Order.id).in_(ids)).order_by(col(Order.id).desc()))
        return past_orders(session, list(rows))


def _alnum(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def _same_note(stored: str, wanted: set[str]) -> bool:
    note = _alnum(stored)
    digits = re.sub(r"\D", "", note)
    return note in wanted or (len(digits) >= 4 and digits in {re.sub(r"\D", "", w) for w in wanted})


def linked_order(session: Session, refers_to: str | None, po_number: str | None) -> Order | None:
    if refers_to is None:
        return None
    rows = list(session.exec(select(Order).where(Order.message_id == refers_to).order_by(col(Order.id))))
    same_po = [o for o in rows if o.po_number == po_number]
    return (same_po or rows or [None])[0]


def followup_saver(pk: int, result: ProcessResult) -> Callable[[Session, list[int]], None] | None:
    """What `Store.save_result` runs in its transaction to keep the message's follow-up, if any."""
    followup = result.followup
    if followup is None or followup.kind not in ABOUT_AN_ORDER:
        return None
    return lambda session, order_ids: (
        save_followup(session, pk, result.parsed.message_id, followup, order_ids) and None
    )


def save_followup(
    session: Session, pk: int, message_id: str, result: FollowupResult, order_ids: list[int]
) -> Followup:
    """Keep the follow-up with its link; apply it at once when the link and the change are certain."""
    order = linked_order(session, result.link.refers_to, result.link.po_number)
    row = Followup(
        message_pk=pk,
        message_id=message_id,
        kind=result.kind.value,
        order_id=order.id if order else None,
        link_by=result.link.link_by.value,
        link_certain=result.link.certain and order is not None,
        candidates=result.link.candidates,
        change=result.change.model_dump(mode="json") if result.change else None,
        returned=result.returned.model_dump(mode="json") if result.returned else None,
        replacement_order_id=order_ids[0] if result.kind == FollowupKind.REPLACEMENT and order_ids else None,
    )
    session.add(row)
    session.flush()
    if order is not None and row.link_certain and _certain(result):
        apply_followup(session, row, order, actor="intake")
    elif order is not None and row.link_certain and _answerable(result):
        answer_from_status(session, row, order)
    return row


def latest_status(session: Session, order_id: int) -> OrderEvent | None:
    """The last thing downstream told about the order (prepared, shipped, delivered...)."""
    query = select(OrderEvent).where(OrderEvent.order_id == order_id)
    return session.exec(query.order_by(col(OrderEvent.occurred_at).desc(), col(OrderEvent.id).desc())).first()


def followups_of(session: Session, message_pk: int, followup_id: int | None) -> list[Followup]:
    """The follow-ups of a message, or the one numbered (which of them are told is the caller's rule)."""
    query = select(Followup)
    if followup_id:
        return list(session.exec(query.where(Followup.id == followup_id)))
    return list(session.exec(query.where(Followup.message_pk == message_pk)))


def answer_from_status(session: Session, row: Followup, order: Order) -> None:
    """A delivery question about an order whose status is known is answered by itself;
    one about an order downstream has not told about yet waits for a clerk."""
    if order.id is None or latest_status(session, order.id) is None:
        return
    row.state, row.decided_at, row.decided_by = FollowupState.ANSWERED, utcnow(), "intake"
    session.add(row)


def _answerable(result: FollowupResult) -> bool:
    return result.kind == FollowupKind.DELIVERY_QUESTION and not result.sign.by_model


def _certain(result: FollowupResult) -> bool:
    # A change waits for a clerk however sure its reading: on mail it was not shaped on,
    # the diff read from a change is right for a quarter to three quarters of them
    # (the blind follow-up corpus), and a wrong edit is a wrong order. Cancelling or
    # replacing a whole order named by its PO or thread is read right there, when the rules
    # read it so (a kind the trained model chose waits for a clerk).
    return result.kind in (FollowupKind.CANCELLATION, FollowupKind.REPLACEMENT) and not result.sign.by_model


def downstream(session: Session, order: Order) -> bool:
    """Handed on: accepted (in the feed, maybe exported) or told about by the ERP."""
    if order.status == OrderStatus.ACCEPTED.value or order.accepted_seq is not None:
        return True
    return session.exec(select(OrderEvent.id).where(OrderEvent.order_id == order.id)).first() is not None


def apply_followup(session: Session, row: Followup, order: Order, *, actor: str) -> None:
    """Do what the follow-up asks of its order (a change, a cancellation, a replacement's old order)."""
    if row.kind == FollowupKind.CHANGE.value and row.change is not None:
        change = OrderChange.model_validate(row.change)
        if downstream(session, order):
            _queue_with(session, order, "order.changed", {"change": change.labelled()})
            row.state = FollowupState.NOTIFIED
        else:
            edit_order(session, order, change)
            row.state = FollowupState.APPLIED
    elif row.kind in (FollowupKind.CANCELLATION.value, FollowupKind.REPLACEMENT.value):
        cancel_order(session, order, replaced_by=row.replacement_order_id)
        row.state = FollowupState.APPLIED
    row.order_id = order.id
    row.decided_at, row.decided_by = utcnow(), actor
    audit_order(
        session,
        order.id,
        actor,
        f"followup:{row.kind}",
        {"followup": row.id, "state": row.state, "change": row.change},
    )


def cancel_order(session: Session, order: Order, *, replaced_by: int | None = None) -> None:
    """The order is cancelled; downstream hears it as `order.cancelled`; its review is closed."""
    was_downstream = downstream(session, order)
    order.status = CANCELLED
    order.version += 1
    session.add(order)
    for item in session.exec(
        select(ReviewItem).where(ReviewItem.order_id == order.id, ReviewItem.state == ReviewItemState.OPEN)
    ):
        item.state, item.closed_at, item.closed_by = ReviewItemState.CLOSED, utcnow(), "intake"
    session.flush()
    if was_downstream:
        _queue_with(session, order, "order.cancelled", {"replaced_by": replaced_by} if replaced_by else {})


def edit_order(session: Session, order: Order, change: OrderChange) -> None:
    """The change made to an order still in review: lines removed, quantities set, lines added."""
    lines = list(
        session.exec(select(OrderLine).where(OrderLine.order_id == order.id).order_by(col(OrderLine.line_no)))
    )
    quantities = {s.sku: s.quantity for s in change.set_quantity}
    for line in lines:
        if line.sku in change.remove:
            session.delete(line)
        elif line.sku in quantities:
            line.quantity = quantities[line.sku]
            session.add(line)
    kept = [line for line in lines if line.sku not in change.remove]
    for number, line in enumerate(kept, start=1):
        line.line_no = number
    for added in change.add:
        product = session.get(Product, added.sku)
        session.add(
            OrderLine(
                order_id=order.id or 0,
                line_no=len(kept) + 1,
                sku=added.sku,
                quantity=added.quantity,
                description=product.name if product else None,
                unit=product.unit if product else None,
                unit_price=product.unit_price if product else None,
                confidence=1.0,
            )
        )
        kept.append(OrderLine(order_id=order.id or 0, line_no=0))
    if change.delivery_date is not None:
        order.requested_delivery_date = change.delivery_date
    order.version += 1
    session.add(order)
    session.flush()


def _queue_with(session: Session, order: Order, kind: str, extra: dict[str, Any]) -> None:
    """Queue the event with its payload frozen now, carrying what a plain record cannot say."""
    assert order.id is not None
    event_id = queue_order_event(session, order.id, kind)
    lines = list(
        session.exec(select(OrderLine).where(OrderLine.order_id == order.id).order_by(col(OrderLine.line_no)))
    )
    record = to_record(order, lines).model_dump(mode="json")
    for delivery in session.exec(select(WebhookDelivery).where(WebhookDelivery.event_id == event_id)):
        delivery.payload = {
            "id": event_id,
            "type": kind,
            "created_at": delivery.created_at.isoformat(),
            "order": record | {"id": order.id, "cursor": order.accepted_seq},
            **extra,
        }
        session.add(delivery)


def open_followups(store: Store, kind: str | None = None) -> list[Followup]:
    with store.session() as session:
        query = select(Followup).order_by(col(Followup.id).desc())
        if kind:
            query = query.where(Followup.kind == kind)
        return list(session.exec(query))


def followup_of(store: Store, message_pk: int) -> Followup | None:
    """The follow-up stored from this message, if it was one."""
    with store.session() as session:
        return session.exec(select(Followup).where(Followup.message_pk == message_pk)).first()


def followup_figures(
    store: Store, *, not_ordered: frozenset[str]
) -> tuple[list[tuple[int, str | None]], dict[str, float], list[tuple[str, int | None, Any]]]:
    """For the follow-up figures, one query per table: the orders taken (id, customer), the
    quantity ordered per article over them, and every follow-up (kind, order, returned lines)."""
    with store.session() as session:
        taken = col(Order.status).not_in(not_ordered)
        orders = [
            (oid, c) for oid, c in session.exec(select(Order.id, Order.customer_id).where(taken)) if oid
        ]
        quantities = (
            select(OrderLine.sku, func.sum(OrderLine.quantity))
            .join(Order, col(Order.id) == col(OrderLine.order_id))
            .where(taken, col(OrderLine.sku).is_not(None))
            .group_by(OrderLine.sku)
        )
        ordered = {sku: float(total or 0) for sku, total in session.exec(quantities) if sku}
        rows = session.exec(select(Followup.kind, Followup.order_id, Followup.returned))
        followups = [(kind, order_id, returned) for kind, order_id, returned in rows]
    return orders, ordered, followups
