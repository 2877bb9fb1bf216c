"""Reading: bytes and documents -> ParsedMessage, Classification, ExtractedOrder.

mail/ (bytes -> ParsedMessage), classify/ (-> Classification), text/ (body ->
ExtractedOrder), documents/ (attachments -> ExtractedOrder), values/, vocabulary/;
training/ is offline and never imported by the pipeline.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

from models.lazy import lazy_face

# Names read from their module on first use: a process that only decides and stores (the command
# beside its reading workers) or needs one value reader does not load spaCy and every pattern.
_WHERE = {
    "awaits_catalogue": "parsers.classify",
    "by_catalogue": "parsers.classify",
    "classify_ahead": "parsers.classify",
    "followup_sign": "parsers.classify",
    "DocumentLimits": "parsers.documents.limits",
    "DocumentPreview": "parsers.documents.attachments",
    "preview_document": "parsers.documents.attachments",
    "read_attachments": "parsers.documents.attachments",
    "read_documents": "parsers.documents.attachments",
    "render_pdf_page": "parsers.documents.attachments",
    "sent_document": "parsers.documents.attachments",
    "bound_reader": "parsers.documents.sandbox",
    "death_reason": "parsers.documents.sandbox",
    "kill_group": "parsers.documents.sandbox",
    "lead_group": "parsers.documents.sandbox",
    "parse_message": "parsers.mail.mime",
    "extract_orders": "parsers.orders",
    "header_only": "parsers.orders",
    "CodeBook": "parsers.text.codes",
    "body_text": "parsers.text.reader",
    "parse_number": "parsers.values.numbers",
}


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


class _Face(ModuleType):
    """`parsers.classify` is the classifier, loaded on first use: importing the subpackage of
    that name sets the package's attribute to the subpackage, which this keeps from hiding it."""

    @property
    def classify(self) -> Callable:
        from parsers.classify import classify

        return classify

    @classify.setter
    def classify(self, _subpackage: ModuleType) -> None:
        pass


__all__ = sorted([*_WHERE, "classify", "preload"])
__getattr__, __dir__ = lazy_face(__name__, _WHERE)
sys.modules[__name__].__class__ = _Face
