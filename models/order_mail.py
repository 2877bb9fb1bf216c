"""The rows a mail about an order is written from: the order, its message, customer and lines."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from models.tables import Customer, Message, Order, OrderLine, Product
from models.transaction import Transaction


@dataclass(frozen=True)
class OrderMailRows:
    order: Order
    message: Message | None
    """None when the order was not received by mail."""
    customer: Customer | None
    lines: list[tuple[OrderLine, Product | None]]
    """Each line, by number, with its catalogue product when its SKU is known."""


def order_mail_rows(transaction: Transaction, order_id: int) -> OrderMailRows | None:
    """None when there is no such order; read in the caller's transaction."""
    order = transaction.get(Order, order_id)
    if order is None:
        return None
    message = transaction.get(Message, order.message_pk) if order.message_pk is not None else None
    if order.message_pk is not None:
        assert message is not None, f"message {order.message_pk} of order {order_id} vanished"
    customer = transaction.get(Customer, order.customer_id) if order.customer_id else None
    query = select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.line_no)
    rows = transaction.exec(query)
    lines = [(row, transaction.get(Product, row.sku) if row.sku else None) for row in rows]
    return OrderMailRows(order=order, message=message, customer=customer, lines=lines)
