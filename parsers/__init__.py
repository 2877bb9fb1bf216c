"""Reading: bytes and documents -> ParsedMessage, Classification, ExtractedOrder.

mail/ (bytes -> ParsedMessage), classify/ (-> Classification), text/ (body ->
ExtractedOrder), documents/ (attachments -> ExtractedOrder), values/, vocabulary/;
training/ is offline and never imported by the pipeline.
"""

from parsers.classify import awaits_catalogue, by_catalogue, classify, classify_ahead, followup_sign
from parsers.documents.attachments import (
    DocumentLimits,
    DocumentPreview,
    preview_document,
    read_attachments,
    read_documents,
    render_pdf_page,
)
from parsers.documents.sandbox import bound_reader, death_reason, kill_group, lead_group
from parsers.mail.mime import parse_message
from parsers.orders import extract_orders, header_only
from parsers.text.codes import CodeBook
from parsers.text.reader import body_text
from parsers.values.numbers import parse_number


def preload() -> None:
    """Load the classifier, the NER and the layout data now, before the first message.

    Worker processes forked afterwards share them instead of each loading its own copy.
    """
    from parsers.classify.followup_model import load_followup_model
    from parsers.classify.textcat import load_textcat
    from parsers.documents.pdf.textlayer import page_words  # noqa: F401 - PDFium, loaded once
    from parsers.documents.rules import default_rules
    from parsers.text.ner import load_model
    from parsers.vocabulary.layout import default_vocabulary

    load_textcat()
    load_followup_model()
    load_model()
    default_rules()
    default_vocabulary()


__all__ = [
    "CodeBook",
    "DocumentLimits",
    "DocumentPreview",
    "awaits_catalogue",
    "body_text",
    "bound_reader",
    "by_catalogue",
    "classify",
    "classify_ahead",
    "death_reason",
    "extract_orders",
    "followup_sign",
    "header_only",
    "kill_group",
    "lead_group",
    "parse_message",
    "parse_number",
    "preload",
    "preview_document",
    "read_attachments",
    "read_documents",
    "render_pdf_page",
]
