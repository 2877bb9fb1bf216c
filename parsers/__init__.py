"""Reading: bytes and documents -> ParsedMessage, Classification, ExtractedOrder.

mail/ (bytes -> ParsedMessage), classify/ (-> Classification), text/ (body ->
ExtractedOrder), documents/ (attachments -> ExtractedOrder), values/, vocabulary/;
training/ is offline and never imported by the pipeline.
"""

from parsers.classify import awaits_catalogue, by_catalogue, classify
from parsers.documents.attachments import DocumentLimits, DocumentPreview, preview_document, render_pdf_page
from parsers.mail.mime import parse_message
from parsers.orders import extract_orders
from parsers.text.codes import CodeBook

__all__ = [
    "CodeBook",
    "DocumentLimits",
    "DocumentPreview",
    "awaits_catalogue",
    "by_catalogue",
    "classify",
    "extract_orders",
    "parse_message",
    "preview_document",
    "render_pdf_page",
]
