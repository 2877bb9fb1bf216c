"""Reading stored orders: by what a person gives (a number, a PO number), by feed position, by message."""

from __future__ import annotations

from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from models.store import Store
from models.tables import Message, Order, OrderLine


def order_ids_for(store: Store, ref: str) -> list[int]:
    """The order numbered `ref` when there is one, else every order with that PO number."""
    with store.session() as session:
        if ref.isdigit() and session.get(Order, int(ref)) is not None:
            return [int(ref)]
        return [i for i in session.exec(select(Order.id).where(Order.po_number == ref)) if i is not None]


def first_order_of(store: Store, message_pk: int) -> int | None:
    """The number of an order stored from this message, None when it gave none."""
    with store.session() as session:
        return session.exec(select(Order.id).where(Order.message_pk == message_pk)).first()


def order_status(session: Session, order_id: int) -> str | None:
    """The stored status of order `order_id`, None when there is no such order."""
    return session.exec(select(Order.status).where(Order.id == order_id)).first()


def feed_page(store: Store, after: int, limit: int) -> list[tuple[Order, list[OrderLine]]]:
    """Accepted orders whose feed position is above `after`, in feed order, with their lines."""
    with store.session() as session:
        query = (
            select(Order)
            .where(col(Order.accepted_seq) > after)
            .order_by(col(Order.accepted_seq))
            .limit(limit)
            .options(defer(Order.detail))  # type: ignore[arg-type]
        )
        orders = list(session.exec(query))
        lines = _lines(session, [o.id for o in orders if o.id is not None])
        return [(o, lines.get(o.id or 0, [])) for o in orders]


def order_with_lines(store: Store, order_id: int) -> tuple[Order, list[OrderLine]] | None:
    with store.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            return None
        return order, _lines(session, [order_id]).get(order_id, [])


def messages_page(
    store: Store, after: int, limit: int, state: str | None
) -> tuple[list[Message], dict[int, list[int]]]:
    """Messages numbered above `after` (without their raw bytes), and the orders each gave."""
    with store.session() as session:
        query = select(Message).where(col(Message.id) > after).order_by(col(Message.id)).limit(limit)
        query = query.options(defer(Message.raw))  # type: ignore[arg-type]
        if state:
            query = query.where(Message.state == state)
        rows = list(session.exec(query))
        pks = [r.id for r in rows]
        orders: dict[int, list[int]] = {}
        for order_id, pk in session.exec(
            select(Order.id, Order.message_pk).where(col(Order.message_pk).in_(pks))
        ):
            orders.setdefault(pk or 0, []).append(order_id or 0)
    return rows, orders


def _lines(session: Session, order_ids: list[int]) -> dict[int, list[OrderLine]]:
    found: dict[int, list[OrderLine]] = {}
    query = select(OrderLine).where(col(OrderLine.order_id).in_(order_ids)).order_by(col(OrderLine.line_no))
    for line in session.exec(query):
        found.setdefault(line.order_id, []).append(line)
    return found
