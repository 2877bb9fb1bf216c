"""A PO number the message mentions must have been read.

An order accepted without the PO number its customer wrote is an invoice
their accounts payable rejects. The subject, the order part of the body and
a document's header are searched for a PO label followed by a reference
(reading.toml), and for a reference shaped like the customer's past PO
numbers; when one is there and the order has no PO, a clerk reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from intake.checks.context import CheckContext
from intake.checks.coverage import body_spans
from intake.checks.reading import ReadingRules, default_reading_rules
from models import Provenance, ReviewReason

_DATE_OR_PHONE = re.compile(r"\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?|0\d{9}|\d{1,2}")
_SHAPE_TOKEN = re.compile(r"[\w\-/.]+")
# A past PO teaches a shape only when it is distinctive: a few digits at least.
MIN_SHAPE_DIGITS = 4


def check_po_read(ctx: CheckContext) -> list[ReviewReason]:
    """A PO label with a reference, or a reference shaped like a past PO, and no PO read."""
    if ctx.matched.order.po_number is not None:
        return []
    rules = default_reading_rules()
    shapes = past_po_shapes(ctx)
    for text, where in _places(ctx, rules):
        found = mentioned_po(text, rules) or _shaped_like(text, shapes)
        if found is not None:
            value, (start, end) = found
            return [
                ReviewReason(
                    code="po_unread",
                    message=f'a PO number is mentioned ("{value}") but none was read',
                    field="po_number",
                    provenance=_narrowed(where, start, end),
                )
            ]
    return []


def _places(ctx: CheckContext, rules: ReadingRules) -> Iterator[tuple[str, Provenance]]:
    parsed, order = ctx.parsed, ctx.matched.order
    if parsed.subject:
        yield parsed.subject, Provenance(part="subject", span=(0, len(parsed.subject)), rule="subject")
    yield from body_spans(parsed.text, parsed.text_part, rules)
    for row in order.rows:
        if row.region != "lines" and row.provenance is not None:
            yield row.text, row.provenance


def mentioned_po(text: str, rules: ReadingRules) -> tuple[str, tuple[int, int]] | None:
    """The first reference after a PO label in `text` (not a quote's or an invoice's), with its span."""
    for match in rules.po_pattern.finditer(text):
        value = match["po"].rstrip(".-/")
        if _DATE_OR_PHONE.fullmatch(value) or rules.not_po_pattern.search(text[: match.start()]):
            continue
        return value, match.span("po")
    return None


def past_po_shapes(ctx: CheckContext) -> set[str]:
    """The shapes of the customer's past PO numbers ('BC-2025-0412' -> 'BC-9999-9999')."""
    if ctx.history is None:
        return set()
    shapes = {po_shape(o.po_number) for o in ctx.history.orders if o.po_number}
    return {s for s in shapes if s.count("9") >= MIN_SHAPE_DIGITS}


def po_shape(value: str) -> str:
    """Digits become 9, letters are kept (upper case): references of one series share a shape."""
    return "".join("9" if ch.isdigit() else ch.upper() for ch in value.strip())


def _shaped_like(text: str, shapes: set[str]) -> tuple[str, tuple[int, int]] | None:
    if not shapes:
        return None
    for match in _SHAPE_TOKEN.finditer(text):
        token = match.group().rstrip(".-/")
        if po_shape(token) in shapes:
            return token, (match.start(), match.start() + len(token))
    return None


def _narrowed(where: Provenance, start: int, end: int) -> Provenance:
    """The reference's own span inside a text line; a document row stays whole."""
    if where.span is None:
        return where
    return where.model_copy(update={"span": (where.span[0] + start, where.span[0] + end)})
