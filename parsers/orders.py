"""The orders a message carries: the attached purchase orders win over the body.

The body and its attachment are one order: what the body or the subject says of
it ("Commande en PJ, réf. PO-5512, livraison le 07/12") fills what the document
leaves blank.
"""

import datetime as dt
import re

from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance, SourceRow
from parsers.documents.attachments import DocumentLimits, attachment_orders, lines_attached
from parsers.documents.pdf.boxes import delivery_box
from parsers.documents.pdf.fields import opens_with_label
from parsers.mail.markers import load_markers
from parsers.text.codes import CodeBook
from parsers.text.fields import named_po, requested_date, ship_to
from parsers.text.reader import ADDED_RULE, body_text, extract_from_text
from parsers.text.sections import split_by_headings
from parsers.vocabulary.layout import REQUEST_RULE

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
    # With an attached order's lines, the body's own lines count only when they add to it ('et en plus
    # 2 jugulaires', which the rules read): no need to ask the model for lines nor to cut the body.
    attached = lines_attached(parsed, limits=limits)
    body = extract_from_text(parsed, codes=codes, by_model=not attached)
    # 'BC RML-26-1140 - livraison mardi' above some lines, 'BC RML-26-1141' above others: two orders.
    bodies = (
        []
        if attached
        else split_by_headings(
            body, body_text(parsed)[0], subject=parsed.subject or "", today=parsed.local_date, codes=codes
        )
    )
    # The attached purchase orders win over the body (which then only says "please find attached").
    orders = attachment_orders(parsed, bodies if body.lines else [], limits=limits)
    for order in orders:
        if order.source != "email" and order.requested_delivery_date is None:
            order.requested_delivery_date = worded_delivery(order, parsed.local_date)
        if order.source != "email" and order.ship_to is None:
            order.ship_to = printed_ship_to(order)
    said = " ".join([parsed.subject or "", parsed.text])
    orders = join_body(join_attached(orders, said), body)
    for order in orders:
        if order.source != "email" and order.po_number is None:
            # Neither the document nor the message labels a PO: the file may be named after it ('BC-2026-0417.pdf').
            name = order.part.removeprefix("attachment:")
            order.po_number = named_po(name, part=order.part) or printed_file_number(order, name)
        if order.source != "email" and order.ship_to is None:
            # Neither the document nor the message labels a delivery: an unlabelled block of its head may be it.
            buyer = order.buyer_name.value if order.buyer_name else None
            order.ship_to = delivery_box(order.address_boxes, buyer, parsed.to)
    return orders


def header_only(parsed: ParsedMessage, *, codes: CodeBook | None = None) -> ExtractedOrder:
    """The body's header fields (PO, delivery, ship-to, contact) of an order no line was read of:
    the clerk who reads its lines starts from them ('Bon pour accord, notre commande CR-2611-07')."""
    return extract_from_text(parsed, codes=codes).model_copy(update={"lines": []})


def worded_delivery(order: ExtractedOrder, today: dt.date | None):
    """A delivery date the document words relative to its sending ('Livraison | semaine 48', 'lundi 7 décembre').

    Its reader has no calendar: the header rows it kept are read here like a body's sentences, then
    the notes printed under its table or kept on a sheet of their own ('Notes' | 'Livraison lundi 07/12').
    """
    under = _under_the_rows(order.rows)
    for row in sorted(order.rows, key=lambda row: _NOTE_REGIONS.get(row.region, len(_NOTE_REGIONS))):
        noted = row.region == "lines" and (opens_with_label(row.text) or row in under)
        if row.region not in _NOTE_REGIONS and not noted:
            continue  # a note the table's region took in ('Livraison : sous huitaine') is one too
        found = requested_date(row.text.replace(" | ", " : "), today, part=order.part)
        if found is not None:
            return found.model_copy(update={"provenance": row.provenance})
    return None


_NOTE_REGIONS = {"header": 0, "footer": 1, "other": 2}


def _under_the_rows(rows: list[SourceRow]) -> list[SourceRow]:
    """The sentences closing the table's region, one cell each ('Livraison semaine 52.'): printed under
    the last row counted, they are notes on the order, not a designation's wrapped words."""
    under: list[SourceRow] = []
    for row in reversed(rows):
        if row.region != "lines" or " | " in row.text:
            break
        under.append(row)
    return under


def printed_ship_to(order: ExtractedOrder) -> Extracted[str] | None:
    """A delivery address the document prints above or below its table ('Livraison : ZA du Terraillet,
    73190 Saint-Baldoph'; a label and the address lines under it), read as a body's."""
    rows = [row for row in order.rows if row.region != "lines"]
    printed = "\n".join(row.text.replace(" | ", "\n") for row in rows)
    found = ship_to(printed, part=order.part)
    if found is None or found.provenance is None or found.provenance.span is None:
        return None
    # 'Chantier Naval Kervella - Terre-plein du port': a company's name, no label of a delivery
    if not _DELIVERY_LABEL.search(printed[: found.provenance.span[0]]):
        return None
    where = next((row.provenance for row in rows if row.provenance is not None), None)
    return found.model_copy(update={"provenance": where}) if where is not None else found


# The words that call what follows a delivery address, ending where it starts ('Livraison :', 'Ship to').
_DELIVERY_LABEL = re.compile(r"(?:livr\w*|deliver\w*|ship\s+to|adresse)\b[^\n]{0,40}?:?\s*$", re.I)


def join_attached(orders: list[ExtractedOrder], said: str) -> list[ExtractedOrder]:
    """Attached orders that are one order between them, as one: the message says so ("commande en
    2 fichiers, c'est une seule commande", "one order in two files"), or each document reads the
    same PO number. Never when a document names an article another already holds (a copy, a
    resend), when their PO numbers differ, or when one could not be read."""
    attached = [o for o in orders if o.source != "email"]
    if len(attached) < 2 or not all(o.lines for o in attached):
        return orders
    numbers = [o.po_number.value.strip().upper() for o in attached if o.po_number]
    same_po = len(numbers) == len(attached) and len(set(numbers)) == 1
    if len(set(numbers)) > 1 or not (same_po or load_markers().one_order.search(said)):
        return orders
    named = [_named(line) for order in attached for line in order.lines]
    if len(set(named)) < len(named):
        return orders
    joined = attached[0].model_copy(deep=True)
    for other in attached[1:]:
        for line in other.lines:
            joined.lines.append(line.model_copy(update={"line_no": len(joined.lines) + 1}))
        joined.rows += other.rows
        for name in (*BODY_FIELDS, "order_date"):
            if getattr(joined, name) is None and getattr(other, name) is not None:
                setattr(joined, name, getattr(other, name))
        joined.confidence = min(joined.confidence, other.confidence)
    joined.notes.append(f"one order over {len(attached)} attached documents")
    return [joined, *(o for o in orders if o.source == "email")]


def _named(line: ExtractedLine) -> str:
    named = line.code or line.description
    return named.value.strip().lower() if named else ""


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
    if _requested(order.po_number) and body.po_number is not None and not _requested(body.po_number):
        order.po_number = None  # the document's purchase request, the order's own number in the mail
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


def _requested(po: Extracted[str] | None) -> bool:
    return po is not None and po.provenance is not None and po.provenance.rule == REQUEST_RULE


def _typed_po(order: ExtractedOrder, body: ExtractedOrder) -> None:
    """A PO number OCR read from a scan, typed in the mail too: the typed spelling, which OCR cannot garble."""
    read, typed = order.po_number, body.po_number
    if read is None or typed is None or read.provenance is None or read.provenance.rule != "pdf-ocr":
        return
    if read.value != typed.value and _lookalike(read.value) == _lookalike(typed.value):
        order.po_number = read.model_copy(update={"value": typed.value})


def _lookalike(text: str) -> str:
    return text.upper().translate(OCR_LOOKALIKES)


# A document's own number as a file name carries it: letters, digits and separators, four digits or more.
_FILE_NUMBER = re.compile(r"(?=(?:\D*\d){4})[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)+")
_DATED_NAME = re.compile(r"\d{1,4}[-/]\d{1,2}[-/]\d{1,4}")


def printed_file_number(order: ExtractedOrder, name: str) -> Extracted[str] | None:
    """The number a document prints alone in a box of its head, with no label, when its file is named
    after it ('ACH-2026-1534.pdf' printing 'ACH-2026-1534' above its date): the two agreeing are the
    document's own number, which a purchase order's is its PO."""
    stem = name.rsplit(".", 1)[0].strip() if "." in name else name.strip()
    if not _FILE_NUMBER.fullmatch(stem) or _DATED_NAME.fullmatch(stem):
        return None
    for row in order.rows:
        if row.region != "header":
            continue
        if any(cell.strip().upper() == stem.upper() for cell in row.text.split(" | ")):
            where = row.provenance or Provenance(part=order.part)
            return Extracted[str](
                value=stem, confidence=0.7, provenance=where.model_copy(update={"rule": "po-file-number"})
            )
    return None
