"""Checks against the customer's past orders: duplicates and a new customer's probation."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from intake.routing.checks.context import CheckContext, quantity_of
from models import MatchedOrder, ParsedMessage, PastOrder, ReviewReason


def normal_po(value: str | None) -> str:
    """PO numbers compared without case, spaces or separators' variants."""
    return "".join(ch for ch in (value or "").upper() if ch.isalnum())


def line_set(matched: MatchedOrder) -> Counter[tuple[str, float]]:
    """The order's matched lines as a multiset of (sku, quantity)."""
    return Counter(
        (line.sku, float(quantity))
        for line in matched.lines
        if line.sku is not None and (quantity := quantity_of(line)) is not None
    )


def order_day(parsed: ParsedMessage, matched: MatchedOrder) -> dt.date | None:
    """The order's own date, else the message's: how the duplicate window is measured."""
    printed = matched.order.order_date
    return printed.value if printed else parsed.local_date


def _when(order: PastOrder) -> str:
    day = order.day
    return f"on {day:%d/%m/%Y}" if day else "before"


def check_duplicate_po(ctx: CheckContext) -> list[ReviewReason]:
    """The same customer's PO number seen before: the order would be taken twice."""
    po = ctx.matched.order.po_number
    if ctx.history is None or po is None or not normal_po(po.value):
        return []
    for past in ctx.history.orders:
        if normal_po(past.po_number) == normal_po(po.value):
            return [
                ReviewReason(
                    code="duplicate_po",
                    message=f"PO {po.value} was already received {_when(past)} (message {past.message_id})",
                    field="po_number",
                )
            ]
    return []


def check_duplicate_lines(ctx: CheckContext) -> list[ReviewReason]:
    """The same lines from the same customer within a few days: a resent order, most often."""
    lines = line_set(ctx.matched)
    if ctx.history is None or not lines:
        return []
    day = order_day(ctx.parsed, ctx.matched)
    window = dt.timedelta(days=ctx.settings.duplicate_window_days)
    for past in ctx.history.orders:
        if Counter(past.lines) != lines:
            continue
        if day is not None and past.day is not None and abs(day - past.day) > window:
            continue
        count = sum(lines.values())
        return [
            ReviewReason(
                code="duplicate_lines",
                message=f"the same {count} line{'s' * (count > 1)} were already ordered {_when(past)}"
                + (f" (PO {past.po_number})" if past.po_number else f" (message {past.message_id})"),
            )
        ]
    return []


def check_new_customer(ctx: CheckContext) -> list[ReviewReason]:
    """A customer's first orders are always seen by a clerk."""
    limit = ctx.new_customer_orders
    if (
        ctx.matched.order.source == "manual"  # a phone order: the clerk who typed it has seen it
        or ctx.history is None
        or limit <= 0
        or ctx.history.accepted_count >= limit
    ):
        return []
    return [
        ReviewReason(
            code="new_customer",
            message=f"new customer: its first {limit} orders are reviewed "
            f"({ctx.history.accepted_count} accepted so far)",
            field="customer_id",
        )
    ]
