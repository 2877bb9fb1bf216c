"""Follow-ups on the clerk's desk: the list, one follow-up with its order and diff, the clerk's decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from models import Store
from models.followup_desk import (
    OUTCOMES,
    FollowupError,
    FollowupRows,
    decide_followup,
    followup_list_rows,
    followup_rows,
)
from models.followups import OrderChange, ReturnRequest
from models.tables import Followup, Order, Product
from parsers import parse_message

__all__ = ["KINDS", "OUTCOMES", "FollowupError", "decide_followup", "list_followups", "load_followup"]

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
    unsure: bool = False  # the change was not read surely: the clerk checks each row
    unread: list[str] = field(default_factory=list)  # what the customer asked that was not understood
    returned: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    candidates: list[Order] = field(default_factory=list)


def list_followups(store: Store, kind: str = "", state: str = "open") -> list[dict[str, Any]]:
    """Follow-ups with their message and order, newest first (a kind and a state to filter)."""
    return [
        {
            "row": row,
            "subject": message.subject if message else "",
            "sender": message.sender if message else "",
            "order": order,
            "lines": _returned_lines(row),
        }
        for row, message, order in followup_list_rows(store, kind, state)
    ]


def _returned_lines(row: Followup) -> list[dict[str, Any]]:
    if row.returned is None:
        return []
    return [line.model_dump() for line in ReturnRequest.model_validate(row.returned).lines]


def load_followup(store: Store, followup_id: int) -> FollowupView | None:
    rows = followup_rows(store, followup_id)
    if rows is None:
        return None
    row, message = rows.row, rows.message
    view = FollowupView(row=row)
    if message is not None:
        parsed = parse_message(message.raw, where=f"message {message.id}")
        view.subject, view.sender, view.text = parsed.subject, parsed.sender.email, parsed.text
    view.order = rows.order
    if view.order is not None:
        view.customer = rows.customer.name if rows.customer else view.order.customer_id or ""
        _fill_diff(rows, view)
    else:
        view.candidates = rows.candidates
    if row.returned is not None:
        returned = ReturnRequest.model_validate(row.returned)
        view.returned = [_product_line(rows.products, x.sku, x.quantity) for x in returned.lines]
        view.reason = returned.reason.value if returned.reason else None
    return view


def _fill_diff(rows: FollowupRows, view: FollowupView) -> None:
    assert view.order is not None
    change = OrderChange.model_validate(view.row.change) if view.row.change else OrderChange()
    quantities = {s.sku: s.quantity for s in change.set_quantity}
    for line in rows.lines:
        state, after = "same", line.quantity
        if line.sku in change.remove:
            state, after = "removed", None
        elif line.sku in quantities and quantities[line.sku] != line.quantity:
            state, after = "changed", quantities[line.sku]
        view.diff.append(DiffRow(line.sku, line.description or "", line.quantity, after, state))
    for added in change.add:
        name = _product_line(rows.products, added.sku, added.quantity)["description"]
        view.diff.append(DiffRow(added.sku, name, None, added.quantity, "added"))
    if change.delivery_date is not None:
        view.delivery = (view.order.requested_delivery_date, change.delivery_date)
    view.unsure, view.unread = not change.certain, change.unread


def _product_line(products: dict[str, Product | None], sku: str, quantity: float) -> dict[str, Any]:
    product = products.get(sku)
    return {"sku": sku, "description": product.name if product else "", "quantity": quantity}
