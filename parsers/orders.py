"""The orders a message carries: the attached purchase orders win over the body.

The body and its attachment are one order: what the body or the subject says of
it ("Commande en PJ, réf. PO-5512, livraison le 07/12") fills what the document
leaves blank.
"""

from models import ExtractedOrder, ParsedMessage
from parsers.documents.attachments import DocumentLimits, attachment_orders
from parsers.text.reader import extract_from_text

# Header fields a body may give an attached order; the document's own values win.
BODY_FIELDS = ("po_number", "requested_delivery_date", "ship_to", "contact_name", "contact_phone")


def extract_orders(parsed: ParsedMessage, *, limits: DocumentLimits | None = None) -> list[ExtractedOrder]:
    """Every order the message carries: one per purchase-order document, or its body."""
    body = extract_from_text(parsed)
    # The attached purchase orders win over the body (which then only says "please find attached").
    orders = attachment_orders(parsed, [body] if body.lines else [], limits=limits)
    return join_body(orders, body)


def join_body(orders: list[ExtractedOrder], body: ExtractedOrder) -> list[ExtractedOrder]:
    """The body's header fields given to the one attached order that lacks them.

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
    return orders
