"""Several orders in one body, each under a heading that names its own order number.

"CUISINE DE BRINDAS - BC RML-26-1140 - livraison mardi 10/11" above its lines, then "CUISINE DE
MORNANT - BC RML-26-1141 - livraison jeudi 12/11" above its own; "Pour demain, notre bon HSA-1112 :"
then "Et pour lundi prochain, bon séparé HSA-1116 :". Each heading opens an order of its own: its
number, the delivery its heading (else its own lines) asks, the words of its heading (a site's name)
as the header row a document would have. Only when every line read sits under such a heading and
the numbers differ: one order delivered in parts ('mardi : ..., jeudi : ...') stays one order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from models import Extracted, ExtractedLine, ExtractedOrder, Provenance, SourceRow
from parsers.text import fields
from parsers.text.codes import CodeBook
from parsers.text.extracted import written_at
from parsers.text.rule_names import PO_HEADING as RULE

# A reference of capitals and digits joined by separators ('HSA-1112', 'RML-26-1140').
_REFERENCE = re.compile(r"(?<![\w\-/])(?=[A-Z0-9\-/]*\d)([A-Z]{2,}[A-Z0-9]*(?:[-/][A-Z0-9]+)+)(?![\w\-/])")
# The words that call a reference an order's number ('notre bon HSA-1112', 'bon séparé HSA-1116').
_ORDER_WORD = re.compile(r"\b(?:bon|commande|cde|order|po|bc)\b", re.I)


@dataclass(frozen=True)
class _Heading:
    start: int
    end: int
    po: Extracted[str]


def split_by_headings(
    order: ExtractedOrder,
    text: str,
    *,
    subject: str = "",
    today: dt.date | None = None,
    codes: CodeBook | None = None,
) -> list[ExtractedOrder]:
    """The body's order cut into the orders its headings open, or the order alone."""
    if len(order.lines) < 2:
        return [order]
    headings = _restated_once(_headings(text, order, subject, codes), order.lines)
    if len(headings) < 2 or len({h.po.value for h in headings}) < len(headings):
        return [order]
    bounds = [(h, h.end, nxt.start) for h, nxt in zip(headings, [*headings[1:], None], strict=True) if nxt]
    bounds.append((headings[-1], headings[-1].end, len(text)))
    groups = [[ln for ln in order.lines if begin <= _counted_at(ln) < end] for _, begin, end in bounds]
    if any(not group for group in groups) or sum(map(len, groups)) != len(order.lines):
        return [order]  # a heading with no line of its own, or lines above the first: one order
    # A delivery address said above the headings is every order's; one said under a heading, its order's.
    shared = _before(order.ship_to, headings[0].start)
    return [
        _section(order, text, heading, begin, end, group, today).model_copy(
            update={"ship_to": _ship_to(text, begin, end, order.part) or shared}
        )
        for (heading, begin, end), group in zip(bounds, groups, strict=True)
    ]


def _before(field: Extracted[str] | None, at: int) -> Extracted[str] | None:
    where = field.provenance.span if field is not None and field.provenance else None
    return field if where is not None and where[0] < at else None


def _ship_to(text: str, begin: int, end: int, part: str) -> Extracted[str] | None:
    """The delivery address written under the heading ('Livraison : Tour Tripode, ..., 44000 Nantes')."""
    found = fields.ship_to(text[begin:end], part=part)
    if found is None or found.provenance is None or found.provenance.span is None:
        return None
    b, e = found.provenance.span
    return found.model_copy(
        update={"provenance": found.provenance.model_copy(update={"span": (begin + b, begin + e)})}
    )


def _section(
    order: ExtractedOrder,
    text: str,
    heading: _Heading,
    begin: int,
    end: int,
    lines: list[ExtractedLine],
    today: dt.date | None,
) -> ExtractedOrder:
    part = order.part
    said = text[heading.start : heading.end]
    delivery = fields.requested_date(said, today, part=part, offset=heading.start) or fields.requested_date(
        text[begin:end], today, part=part, offset=begin
    )
    rows = [
        SourceRow(
            text=said, region="header", provenance=Provenance(part=part, span=(heading.start, heading.end))
        )
    ]
    at = begin
    for raw in text[begin:end].splitlines(keepends=True):
        if raw.strip():
            span = (at, at + len(raw.rstrip("\r\n")))
            rows.append(SourceRow(text=raw.strip(), provenance=Provenance(part=part, span=span)))
        at += len(raw)
    return order.model_copy(
        update={
            "po_number": heading.po,
            "requested_delivery_date": delivery or order.requested_delivery_date,
            "lines": [ln.model_copy(update={"line_no": n}) for n, ln in enumerate(lines, start=1)],
            "rows": rows,
            "notes": [*order.notes, "one of the orders the message carries, each under its own heading"],
        }
    )


def _headings(text: str, order: ExtractedOrder, subject: str, codes: CodeBook | None) -> list[_Heading]:
    """The lines no order line was read from that name an order number."""
    found: list[_Heading] = []
    at = 0
    for raw in text.splitlines(keepends=True):
        start, end = at, at + len(raw.rstrip("\r\n"))
        at += len(raw)
        if not raw.strip():
            continue
        read = [_counted_at(ln) for ln in order.lines if _read_in(ln, start, end)]
        # 'a second order for their Bath site, PO GH-7735: 4 x SEM-OMB-10': a heading, its colon, a line
        if read:
            end = min(read)
            if start >= end or not text[start:end].rstrip().endswith(":"):
                continue
        po = _order_number(text[start:end], start, order.part, subject, codes)
        if po is not None:
            found.append(_Heading(start, end, po))
    return found


def _restated_once(headings: list[_Heading], lines: list[ExtractedLine]) -> list[_Heading]:
    """The headings, one naming the same number as the next with no line between them left out (a
    forwarded mail's 'Subject: order GH-7809' over its 'Please find our order PO GH-7809:')."""
    kept: list[_Heading] = []
    for heading in headings:
        last = kept[-1] if kept else None
        if (
            last
            and last.po.value == heading.po.value
            and not any(last.end <= _counted_at(ln) < heading.start for ln in lines)
        ):
            kept[-1] = heading
        else:
            kept.append(heading)
    return kept


def _read_in(line: ExtractedLine, start: int, end: int) -> bool:
    where = line.provenance.span if line.provenance else None
    return where is not None and where[0] < end and start < where[1]


def _counted_at(line: ExtractedLine) -> int:
    """Where a line's count stands, else where it was read: a line whose words run back over the heading
    it follows on the same row ('..., PO GH-7735: 4 x SEM-OMB-10') is under it by its count."""
    where = line.quantity.provenance if line.quantity else None
    return where.span[0] if where and where.span else written_at(line, -1)


def _order_number(
    line: str, offset: int, part: str, subject: str, codes: CodeBook | None
) -> Extracted[str] | None:
    """The order number a heading names: labelled as the body's fields read it, or a reference that
    an order word or the subject calls one (never an article's code)."""
    labelled = fields.po_number("", line, part=part, codes=codes)
    if labelled is not None and labelled.provenance and labelled.provenance.span:
        b, e = labelled.provenance.span
        return labelled.model_copy(
            update={"provenance": Provenance(part=part, span=(offset + b, offset + e), rule=RULE)}
        )
    for match in _REFERENCE.finditer(line):
        value = match[1]
        if codes is not None and codes.knows_code(value):
            continue
        if _ORDER_WORD.search(line[: match.start()]) or re.search(
            rf"(?<![\w\-/]){re.escape(value)}(?![\w\-/])", subject
        ):
            span = (offset + match.start(1), offset + match.end(1))
            return Extracted[str](
                value=value, confidence=0.75, provenance=Provenance(part=part, span=span, rule=RULE)
            )
    return None
