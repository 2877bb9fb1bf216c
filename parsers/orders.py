"""The orders a message carries: the attached purchase orders win over the body.

The body and its attachment are one order: what the body or the subject says of
it ("Commande en PJ, réf. PO-5512, livraison le 07/12") fills what the document
leaves blank.
"""

import datetime as dt

from models import ExtractedOrder, ParsedMessage
from parsers.documents.attachments import DocumentLimits, attachment_orders
from parsers.text.codes import CodeBook
from parsers.text.fields import requested_date
from parsers.text.reader import ADDED_RULE, extract_from_text

# Header fields a body may give an attached order; the document's own values win.
BODY_FIELDS = ("po_number", "requested_delivery_date", "ship_to", "contact_name", "contact_phone")
# Letters OCR reads for digits in a code ('BCO2172' for 'BC02172').
OCR_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def extract_orders(
    parsed: ParsedMessage, *, limits: DocumentLimits | None = None, codes: CodeBook | None = None
) -> list[ExtractedOrder]:
    """Every order the message carries: one per purchase-order document, or its body.

    `codes` (the catalogue's article codes) lets the body's reader find known codes first.
    """
    body = extract_from_text(parsed, codes=codes)
    # The attached purchase orders win over the body (which then only says "please find attached").
    orders = attachment_orders(parsed, [body] if body.lines else [], limits=limits)
    for order in orders:
        if order.source != "email" and order.requested_delivery_date is None:
            order.requested_delivery_date = worded_delivery(order, parsed.local_date)
    return join_body(orders, body)


def worded_delivery(order: ExtractedOrder, today: dt.date | None):
    """A delivery date the document words relative to its sending ('Livraison | semaine 48', 'lundi 7 décembre').

    Its reader has no calendar: the header rows it kept are read here like a body's sentences.
    """
    for row in order.rows:
        if row.region != "header":
            continue
        found = requested_date(row.text.replace(" | ", " : "), today, part=order.part)
        if found is not None:
            return found.model_copy(update={"provenance": row.provenance})
    return None


def join_body(orders: list[ExtractedOrder], body: ExtractedOrder) -> list[ExtractedOrder]:
    """The body's header fields given to the one attached order that lacks them, and the lines the
    body adds to it in a sentence.

    With several attached orders the body cannot say which one it speaks of: each
    keeps only what its document says.
    """
    attached = [o for o in orders if o is not body and o.source != "email"]
    if len(attached) != 1:
        return orders
    order = attached[0]
    for name in BODY_FIELDS:
        if getattr(order, name) is None and getattr(body, name) is not None:
            setattr(order, name, getattr(body, name))
    _typed_po(order, body)
    added = [ln for ln in body.lines if ln.provenance is not None and ln.provenance.rule == ADDED_RULE]
    for number, line in enumerate(added, start=len(order.lines) + 1):
        # "Voici notre bon, et en plus 2 jugulaires, pas sur le bon": the document's order gets the line.
        order.lines.append(line.model_copy(update={"line_no": number}))
        order.notes.append(f"line {number} added from the message beside the document")
    return orders


def _typed_po(order: ExtractedOrder, body: ExtractedOrder) -> None:
    """A PO number OCR read from a scan, typed in the mail too: the typed spelling, which OCR cannot garble."""
    read, typed = order.po_number, body.po_number
    if read is None or typed is None or read.provenance is None or read.provenance.rule != "pdf-ocr":
        return
    if read.value != typed.value and _lookalike(read.value) == _lookalike(typed.value):
        order.po_number = read.model_copy(update={"value": typed.value})


def _lookalike(text: str) -> str:
    return text.upper().translate(OCR_LOOKALIKES)
