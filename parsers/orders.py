"""The orders a message carries: the attached purchase orders win over the body."""

from models import ExtractedOrder, ParsedMessage
from parsers.documents.attachments import DocumentLimits, attachment_orders
from parsers.text.codes import CodeBook
from parsers.text.reader import extract_from_text


def extract_orders(
    parsed: ParsedMessage, *, limits: DocumentLimits | None = None, codes: CodeBook | None = None
) -> list[ExtractedOrder]:
    """Every order the message carries: one per purchase-order document, or its body.

    `codes` (the catalogue's article codes) lets the body's reader find known codes first.
    """
    body = extract_from_text(parsed, codes=codes)
    # The attached purchase orders win over the body (which then only says "please find attached").
    return attachment_orders(parsed, [body] if body.lines else [], limits=limits)
