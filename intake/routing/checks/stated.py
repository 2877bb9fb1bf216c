"""A delivery date or a delivery address the customer states must have been read.

An order accepted without the day the customer asked for is delivered on our day; one
without the site address they gave goes to their registered address. The order part of
the body (up to a sign-off, as the line coverage cuts it), the subject and a document's
header rows are read with the one date finder and its delivery cues, and with the
delivery-address labels; when one is there and the order has none, a clerk reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intake.routing.checks.context import CheckContext
from intake.routing.checks.coverage import body_spans
from models import ParsedMessage, Provenance, ReviewReason

# A day wished for, not asked ('Livraison mardi matin si possible'): no requested date to read.
_HEDGED = re.compile(
    r"\b(?:si possible|if possible|id[ée]alement|ideally|de pr[ée]f[ée]rence|preferably)\b", re.I
)


def check_delivery_read(ctx: CheckContext) -> list[ReviewReason]:
    """A delivery date or address stated in the order part, and none read.

    It needs no past, so it runs where the message is read: the field readers it reads with are
    imported here, not by the process that only decides (intake/readers.py)."""
    from parsers.text.fields import requested_date

    order, today = ctx.matched.order, ctx.parsed.local_date
    reasons = []
    if order.requested_delivery_date is None and today is not None:
        for text, where in _order_part(ctx):
            said = text.replace(" | ", " : ")  # a document row's cells, read as a label and its value
            found = requested_date(said, today, part=where.part)
            if _HEDGED.search(said):
                continue
            if found is not None and found.provenance is not None and found.provenance.span is not None:
                start, end = found.provenance.span
                reasons.append(
                    _unread("delivery_unread", "a delivery date", said[start:end], where, start, end)
                )
                break
    if order.ship_to is None:
        reasons += _ship_to_unread(ctx)
    return reasons


def _ship_to_unread(ctx: CheckContext) -> list[ReviewReason]:
    """A delivery address after its label: in the body's order part, else in a document's rows
    above or below its line table (a label and the address lines under it)."""
    from parsers.text.fields import ship_to

    part = ctx.parsed.text_part
    found = ship_to(order_text(ctx.parsed), part=part)
    if found is not None and found.provenance is not None and found.provenance.span is not None:
        where = Provenance(part=part, span=found.provenance.span, rule="ship-to")
        return [_unread("ship_to_unread", "a delivery address", found.value, where, 0, 0)]
    rows = [row for row in ctx.matched.order.rows if row.region != "lines"]
    printed = ship_to("\n".join(row.text.replace(" | ", "\n") for row in rows), part=ctx.matched.order.part)
    if printed is None:
        return []
    where = next((r.provenance for r in rows if r.provenance is not None), None)
    return [
        _unread("ship_to_unread", "a delivery address", printed.value, where or Provenance(part=part), 0, 0)
    ]


def _order_part(ctx: CheckContext) -> Iterator[tuple[str, Provenance]]:
    parsed = ctx.parsed
    if parsed.subject:
        yield parsed.subject, Provenance(part="subject", span=(0, len(parsed.subject)), rule="subject")
    yield from body_spans(parsed.text, parsed.text_part, parsed.subject)
    for row in ctx.matched.order.rows:
        if row.region == "header" and row.provenance is not None:
            yield row.text, row.provenance


def order_text(parsed: ParsedMessage) -> str:
    """The body with what is not its order part (history, signature) blanked, places kept."""
    kept = [c if c == "\n" else " " for c in parsed.text]
    for text, where in body_spans(parsed.text, parsed.text_part, parsed.subject):
        if where.span is not None:
            kept[where.span[0] : where.span[1]] = text
    return "".join(kept)


def _unread(code: str, what: str, value: str, where: Provenance, start: int, end: int) -> ReviewReason:
    narrowed = where
    if where.span is not None and end > start:
        narrowed = where.model_copy(update={"span": (where.span[0] + start, where.span[0] + end)})
    return ReviewReason(
        code=code,
        message=f'{what} is stated ("{value}") but none was read',
        field="requested_delivery_date" if code == "delivery_unread" else "ship_to",
        provenance=narrowed,
        quoted=value,
    )
