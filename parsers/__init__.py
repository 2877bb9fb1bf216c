"""Readers: MIME, bodies, HTML, PDF, spreadsheets; each turns a part into orders."""

from models import ExtractedOrder, ParsedMessage
from parsers.classify import classify
from parsers.documents import (
    DocumentLimits,
    DocumentPreview,
    attachment_orders,
    document_kinds,
    preview_document,
    render_pdf_page,
)
from parsers.mime import parse_message
from parsers.text import extract_from_text


def extract_orders(parsed: ParsedMessage, *, limits: DocumentLimits | None = None) -> list[ExtractedOrder]:
    """Every order the message carries: one per purchase-order document, or its body."""
    body = extract_from_text(parsed)
    # The attached purchase orders win over the body (which then only says "please find attached").
    return attachment_orders(parsed, [body] if body.lines else [], limits=limits)


__all__ = [
    "DocumentLimits",
    "DocumentPreview",
    "classify",
    "document_kinds",
    "extract_orders",
    "parse_message",
    "preview_document",
    "render_pdf_page",
]
