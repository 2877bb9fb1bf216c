"""Finding stored orders by what a person gives: a number or a PO number."""

from __future__ import annotations

from sqlmodel import select

from models.store import Store
from models.tables import Order


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
