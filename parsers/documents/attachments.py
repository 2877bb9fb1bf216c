"""Attachments that carry orders: PDF purchase orders, spreadsheets, Order-X/UBL XML.

Each document is read in a bounded child process (parsers/documents/sandbox.py); one that
cannot be read gives an empty order with the reason, so the message goes to
review instead of being lost. Results are kept per attachment content, so
classification and extraction read each document once.
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from collections.abc import Iterable

from pydantic import BaseModel, Field

from models import Attachment, DocumentKind, DocumentReadError, ExtractedOrder, ParsedMessage
from parsers.documents.limits import DocumentLimits
from parsers.documents.pdf import load_pages, read_pages
from parsers.documents.pdf.reader import split_documents
from parsers.documents.rules import LayoutRule, default_rules, vocabulary_for
from parsers.documents.sandbox import run_bounded
from parsers.documents.sheet_files import is_flat_ods
from parsers.documents.sheets import SHEET_EXTENSIONS, load_grids, read_workbook
from parsers.documents.structured import embedded_xml, is_order_xml, read_xml
from parsers.vocabulary.layout import default_vocabulary

PDF, SHEET, XML = "pdf", "spreadsheet", "xml"
_CACHE: OrderedDict[tuple[str, str], _Read] = OrderedDict()
_CACHE_SIZE = 64
# Kinds of document whose presence means the message is about that document, not a new order.
NOT_ORDER_KINDS = {DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE, DocumentKind.DELIVERY_NOTE}


def document_type(attachment: Attachment) -> str | None:
    """PDF, spreadsheet or XML, from the bytes first and the name second; None for other files."""
    name = attachment.filename.lower()
    head = attachment.data[:1024].lstrip()
    if head.startswith(b"%PDF") or name.endswith(".pdf") or attachment.content_type == "application/pdf":
        return PDF
    if (
        name.endswith(SHEET_EXTENSIONS)
        or "spreadsheet" in attachment.content_type
        or "excel" in attachment.content_type
    ):
        return SHEET
    if is_flat_ods(head):
        return SHEET  # a flat OpenDocument sheet saved under another name
    if is_flat_ods(head):
        return SHEET  # a flat OpenDocument sheet saved under another name
    if name.endswith(".xml") or head.startswith(b"<?xml") or attachment.content_type.endswith("/xml"):
        return XML
    if name.endswith(".txt") and attachment.content_type == "text/csv":
        return SHEET
    return None


def read_document(
    attachment: Attachment,
    *,
    sender: str = "",
    limits: DocumentLimits | None = None,
    rules: tuple[LayoutRule, ...] | None = None,
) -> list[ExtractedOrder]:
    """The orders (or other documents) one attachment holds. Raises DocumentReadError."""
    texts = _document_json(attachment, sender=sender, limits=limits, rules=rules)
    return [ExtractedOrder.model_validate_json(text) for text in texts]


def _document_json(
    attachment: Attachment,
    *,
    sender: str = "",
    limits: DocumentLimits | None = None,
    rules: tuple[LayoutRule, ...] | None = None,
) -> list[str]:
    limits = limits or DocumentLimits()
    kind = document_type(attachment)
    part = attachment.part_name
    if kind is None:
        return []
    _check_size(attachment, limits)
    rules = default_rules() if rules is None else rules
    args = (attachment.data, attachment.filename, part, kind, sender, limits.max_pages, rules)
    return _bounded(_read_json, args, part, limits)


class _Read:
    """A document's orders as read, and as JSON: each copy handed out is read from the JSON,
    which costs a fraction of a deep copy of their lines. The orders read are handed out as the
    first copy (most documents are copied once: extraction amends them); read again from the
    JSON when asked for after that."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self._orders: list[ExtractedOrder] | None = [ExtractedOrder.model_validate_json(t) for t in texts]
        self.kinds = [order.document_kind for order in self._orders]

    @classmethod
    def of(cls, texts: list[str]) -> _Read:
        return cls(texts)

    @property
    def orders(self) -> list[ExtractedOrder]:
        """The orders as read: not to be changed."""
        if self._orders is None:
            self._orders = [ExtractedOrder.model_validate_json(text) for text in self.texts]
        return self._orders

    def copies(self, kind: DocumentKind | None = None) -> list[ExtractedOrder]:
        """A copy of each order read (of `kind` only, when given: the others cost nothing)."""
        wanted = [kind is None or found == kind for found in self.kinds]
        if self._orders is not None and all(wanted):
            handed, self._orders = self._orders, None
            return handed
        return [
            ExtractedOrder.model_validate_json(text)
            for text, want in zip(self.texts, wanted, strict=True)
            if want
        ]


def _check_size(attachment: Attachment, limits: DocumentLimits) -> None:
    if len(attachment.data) > limits.max_bytes:
        raise DocumentReadError.because(
            attachment.part_name, "too_big", size=len(attachment.data), limit=limits.max_bytes
        )


def _bounded(func, args: tuple, part: str, limits: DocumentLimits):
    if not limits.isolate:
        return func(*args)
    return run_bounded(
        func, *args, part=part, timeout=limits.timeout_seconds, memory_bytes=limits.memory_bytes
    )


def _read_json(*args) -> list[str]:
    # Generic pydantic models do not pickle: the child answers in JSON.
    return [order.model_dump_json() for order in _read(*args)]


def _read(
    data: bytes, filename: str, part: str, kind: str, sender: str, max_pages: int, rules
) -> list[ExtractedOrder]:
    if kind == XML:
        # The contract's sources have no "xml": a machine-readable order is what an API sends.
        return [read_xml(data, part, source="api")] if is_order_xml(data) else []
    if kind == SHEET:
        grids = load_grids(data, filename, part)
        text = " ".join(c.text for g in grids[:1] for row in g.rows[:40] for c in row if c.text)
        vocab, rule = vocabulary_for(rules, sender, text)
        return [
            _ruled(order, rule) for order in read_workbook(data, filename, part, vocab=vocab, grids=grids)
        ]
    for name, xml in _embedded(data):
        if is_order_xml(xml):
            order = read_xml(xml, part, source="pdf")
            order.notes.append(f"read from the XML embedded in the PDF ({name})")
            return [order]
    pages, scanned = load_pages(data, part, max_pages=max_pages)
    if scanned:
        from parsers.documents.pdf.ocr import ocr_pages

        pages = ocr_pages(data, part, max_pages=max_pages, vocab=default_vocabulary())
    text = " ".join(ln.text for ln in pages[0].lines) if pages else ""
    vocab, rule = vocabulary_for(rules, sender, text)
    orders = [
        read_pages(group, part, vocab, confidence=0.6 if scanned else 0.9)
        for group in split_documents(pages, vocab)
    ]
    for order in orders:
        if scanned:
            order.notes.append("read by OCR from a scanned PDF: check every value")
        _ruled(order, rule)
    return orders


def _embedded(data: bytes) -> list[tuple[str, bytes]]:
    try:
        return embedded_xml(data)
    except Exception:  # a damaged name tree only means there is no usable embedded XML
        return []


def _ruled(order: ExtractedOrder, rule: str | None) -> ExtractedOrder:
    if rule:
        order.notes.append(f"layout rule: {rule}")
    return order


def read_attachments(
    parsed: ParsedMessage, *, limits: DocumentLimits | None = None, kind: DocumentKind | None = None
) -> list[ExtractedOrder]:
    """Every order-like document of a message (of `kind` only, when given); an unreadable one as
    an empty order with the reason."""
    # Copies: the caller may amend its orders, the cache keeps them as read.
    return [order for read in _reads(parsed, limits) for order in read.copies(kind)]


def read_documents(parsed: ParsedMessage, *, limits: DocumentLimits | None = None) -> None:
    """Every document of a message read now (under `limits`); later reads of them find them read."""
    _read_cached(parsed, limits)


def _read_cached(parsed: ParsedMessage, limits: DocumentLimits | None) -> list[ExtractedOrder]:
    """The orders of the message's documents as cached: not to be changed."""
    return [order for read in _reads(parsed, limits) for order in read.orders]


def _reads(parsed: ParsedMessage, limits: DocumentLimits | None) -> list[_Read]:
    found: list[_Read] = []
    for attachment in parsed.attachments:
        key = (hashlib.sha256(attachment.data).hexdigest(), attachment.filename)
        if key not in _CACHE:
            _CACHE[key] = _Read.of(_read_or_fail(attachment, parsed.sender.email, limits))
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
        found.append(_CACHE[key])
    return found


def _read_or_fail(attachment: Attachment, sender: str, limits: DocumentLimits | None) -> list[str]:
    """The JSON of the attachment's orders; of an empty order with the reason when it cannot be read."""
    try:
        return _document_json(attachment, sender=sender, limits=limits)
    except DocumentReadError as exc:
        source = "spreadsheet" if document_type(attachment) == SHEET else "pdf"
        failed = ExtractedOrder(
            source=source,
            part=attachment.part_name,
            document_kind=DocumentKind.UNKNOWN,
            confidence=0.0,
            notes=[f"could not be read: {exc.reason}"],
        )
        return [failed.model_dump_json()]


def lines_attached(parsed: ParsedMessage, *, limits: DocumentLimits | None = None) -> bool:
    """Does an attached purchase order carry lines? Then the documents are the message's orders
    (`attachment_orders`) and its body only adds to them."""
    return _with_lines(
        o for o in _read_cached(parsed, limits) if o.document_kind == DocumentKind.PURCHASE_ORDER
    )


def _with_lines(orders: Iterable[ExtractedOrder]) -> bool:
    return any(order.lines for order in orders)


def document_kinds(parsed: ParsedMessage, *, limits: DocumentLimits | None = None) -> dict[str, DocumentKind]:
    """The kind of each order-like attachment, by part name: for classification (an attached invoice)."""
    return {o.part: o.document_kind for o in _read_cached(parsed, limits)}


def attachment_orders(
    parsed: ParsedMessage, body_orders: list[ExtractedOrder], *, limits: DocumentLimits | None = None
) -> list[ExtractedOrder]:
    """The message's orders: its purchase-order documents, else its body's orders.

    An unreadable document goes to review (an empty order with the reason) unless the
    body has lines, which then carry the reason; an attached invoice, credit or
    delivery note means the body's lines are not a new order.
    """
    documents = read_attachments(parsed, limits=limits)
    orders = [o for o in documents if o.document_kind == DocumentKind.PURCHASE_ORDER]
    failures = [o for o in documents if o.notes and o.notes[0].startswith("could not be read")]
    if _with_lines(orders):
        return orders + failures
    if any(o.document_kind in NOT_ORDER_KINDS for o in documents):
        return []
    if body_orders:
        for order in body_orders:
            order.notes += [f"{o.part} {o.notes[0]}" for o in failures]
        return body_orders
    return orders + failures


def sent_document(parsed: ParsedMessage, *, limits: DocumentLimits | None = None) -> DocumentKind | None:
    """The kind of the invoice, credit or delivery note the message carries when every document it
    carries is one: what it sends is that document ('Ci-joint le bon de livraison')."""
    documents = read_attachments(parsed, limits=limits)
    if any(o.document_kind not in NOT_ORDER_KINDS for o in documents):
        return None  # a purchase order, an unreadable file, a quote: not for this rule to say
    return next((o.document_kind for o in documents if o.document_kind in NOT_ORDER_KINDS), None)


PREVIEW_ROWS, PREVIEW_COLUMNS = 200, 30


class DocumentPreview(BaseModel):
    """What the review page draws of a document: its PDF page sizes, or the first cells of each sheet."""

    pages: list[tuple[float, float]] = Field(default_factory=list)
    sheets: list[tuple[str, list[list[str]]]] = Field(default_factory=list)


def preview_document(attachment: Attachment, *, limits: DocumentLimits | None = None) -> DocumentPreview:
    """A PDF's or spreadsheet's preview, read within the limits of ingest. Raises DocumentReadError.

    The web process never opens a document itself: a hostile file (a zip bomb, a
    looping PDF) costs a bounded child its time and memory, not the review UI.
    """
    limits = limits or DocumentLimits()
    kind = document_type(attachment)
    if kind not in (PDF, SHEET):
        raise DocumentReadError.because(attachment.part_name, "no_preview")
    _check_size(attachment, limits)
    args = (attachment.data, attachment.filename, attachment.part_name, kind, limits.max_pages)
    return DocumentPreview.model_validate_json(_bounded(_preview_json, args, attachment.part_name, limits))


def _preview_json(data: bytes, filename: str, part: str, kind: str, max_pages: int) -> str:
    if kind == SHEET:
        grids = load_grids(data, filename, part)
        sheets = [
            (grid.name, [[cell.text for cell in row[:PREVIEW_COLUMNS]] for row in grid.rows[:PREVIEW_ROWS]])
            for grid in grids
        ]
        return DocumentPreview(sheets=sheets).model_dump_json()
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [(float(page.width), float(page.height)) for page in pdf.pages[:max_pages]]
    return DocumentPreview(pages=pages).model_dump_json()


def render_pdf_page(
    attachment: Attachment, page: int, *, limits: DocumentLimits | None = None, resolution: int = 110
) -> bytes:
    """One PDF page as a PNG, drawn within the limits of ingest. Raises DocumentReadError."""
    limits = limits or DocumentLimits()
    _check_size(attachment, limits)
    if not 1 <= page <= limits.max_pages:
        raise DocumentReadError.because(
            attachment.part_name, "page_beyond_limit", page=page, limit=limits.max_pages
        )
    return _bounded(
        _page_png, (attachment.data, attachment.part_name, page, resolution), attachment.part_name, limits
    )


def _page_png(data: bytes, part: str, page: int, resolution: int) -> bytes:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise DocumentReadError.because(part, "no_such_page", page=page)
        image = pdf.pages[page - 1].to_image(resolution=resolution)
        out = io.BytesIO()
        image.original.save(out, format="PNG")
        return out.getvalue()
