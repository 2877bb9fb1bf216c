"""Reading: bytes and documents -> ParsedMessage, Classification, ExtractedOrder.

mail/ (bytes -> ParsedMessage), classify/ (-> Classification), text/ (body ->
ExtractedOrder), documents/ (attachments -> ExtractedOrder), values/, vocabulary/;
training/ is offline and never imported by the pipeline.
"""

from parsers.classify import classify
from parsers.documents.attachments import DocumentLimits, read_attachments
from parsers.mail.mime import parse_message
from parsers.orders import extract_orders

__all__ = ["DocumentLimits", "classify", "extract_orders", "parse_message", "read_attachments"]
