"""What a mail about an order says and where it goes, read from the store.

Every mail answers the customer's original message: it goes to its Reply-To
(else its From) and carries In-Reply-To and References, so mail clients file
it in the same conversation.
"""

from __future__ import annotations

import email.parser
import email.policy
import email.utils
from typing import Any

from pydantic import BaseModel, Field

from intake.notify.errors import NotifyError
from models.order_mail import order_mail_rows
from models.tables import Message, OrderLine, Product
from models.transaction import Transaction


class Thread(BaseModel):
    """The original message's addressing: who to answer and how to thread."""

    reply_to: str
    subject: str = ""
    message_id: str | None = None
    references: list[str] = Field(default_factory=list)


class LineView(BaseModel):
    line_no: int
    sku: str | None
    customer_ref: str | None = None  # the customer's own code: what they will recognise
    description: str | None
    quantity: float | None
    unit: str | None
    backorder: bool = False

    @property
    def text(self) -> str:
        """The line as the customer may recognise it."""
        return self.description or self.sku or ""


class OrderView(BaseModel):
    """An order as a mail tells it."""

    order_id: int
    status: str
    language: str
    notify: bool
    customer_name: str | None
    po_number: str | None
    order_date: Any = None
    delivery_date: Any = None
    ship_to: str | None
    lines: list[LineView]
    thread: Thread

    def context(self) -> dict[str, Any]:
        """Template variables shared by every mail about this order."""
        return {
            "order_ref": f"#{self.order_id}",
            "customer_name": self.customer_name,
            "po_number": self.po_number,
            "order_date": self.order_date,
            "delivery_date": self.delivery_date,
            "ship_to": self.ship_to,
            "lines": self.lines,
            "backorders": [line for line in self.lines if line.backorder],
            "original_subject": strip_reply_prefix(self.thread.subject) or "-",
        }


def strip_reply_prefix(subject: str) -> str:
    """'RE: Re: TR: Commande' -> 'Commande': our own 'Re:' is added once by the template."""
    text = subject.strip()
    while True:
        head, sep, rest = text.partition(":")
        if sep and head.strip().lower() in {"re", "tr", "fw", "fwd", "aw", "réf", "ref"}:
            text = rest.strip()
        else:
            return text


def read_thread(message: Message) -> Thread:
    """Reply address and thread headers from the stored raw message."""
    head = message.raw[:65536].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    headers = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(head)
    reply_to = _first_address(str(headers.get("Reply-To") or "")) or message.sender
    reply_to = reply_to or _first_address(str(headers.get("From") or ""))
    if not reply_to:
        raise NotifyError(f"message {message.id}", "has no sender address to answer")
    message_id = message.message_id or _clean(headers.get("Message-ID"))
    references = _clean(headers.get("References")) or ""
    return Thread(
        reply_to=reply_to,
        subject=message.subject or str(headers.get("Subject") or ""),
        message_id=message_id,
        references=references.split(),
    )


def _first_address(value: str) -> str | None:
    addresses = [a for _, a in email.utils.getaddresses([value]) if "@" in a]
    return addresses[0] if addresses else None


def _clean(value: object) -> str | None:
    return " ".join(str(value).split()) if value else None


def load_order_view(transaction: Transaction, order_id: int) -> OrderView:
    """Everything a mail about order `order_id` needs; NotifyError when it cannot be answered."""
    rows = order_mail_rows(transaction, order_id)
    if rows is None:
        raise NotifyError(f"order {order_id}", "no such order")
    order, message, customer = rows.order, rows.message, rows.customer
    if message is None:
        raise NotifyError(f"order {order_id}", "was not received by mail: there is no message to answer")
    return OrderView(
        order_id=order_id,
        status=order.status,
        language=customer.language if customer else "fr",
        notify=customer.notify if customer else True,
        customer_name=customer.name if customer else None,
        po_number=order.po_number,
        order_date=order.order_date,
        delivery_date=order.requested_delivery_date,
        ship_to=order.ship_to,
        lines=[line_view(row, product) for row, product in rows.lines],
        thread=read_thread(message),
    )


def line_view(row: OrderLine, product: Product | None) -> LineView:
    # A line is on backorder when flagged so, or when the catalogue's known
    # stock cannot cover it (unknown stock is never taken for a shortage).
    short = (
        product is not None
        and product.stock is not None
        and row.quantity is not None
        and row.unit in (None, product.unit)  # a carton count is not a piece count
        and row.quantity > product.stock
    )
    return LineView(
        line_no=row.line_no,
        sku=row.sku,
        customer_ref=row.customer_ref,
        description=row.description or (product.name if product else None),
        quantity=row.quantity,
        unit=row.unit,
        backorder=row.backorder or short,
    )


def thread_headers(thread: Thread) -> dict[str, str]:
    """In-Reply-To and References of an answer to `thread` (RFC 5322 section 3.6.4)."""
    if not thread.message_id:
        return {}
    references = [*thread.references, thread.message_id]
    return {"In-Reply-To": thread.message_id, "References": " ".join(references[-20:])}
