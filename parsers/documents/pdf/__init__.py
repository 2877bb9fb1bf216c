"""PDF purchase orders: the text layer (or OCR) read by layout into an ExtractedOrder."""

from __future__ import annotations

import pypdfium2 as pdfium

from models import DocumentReadError, ExtractedOrder
from models.document_reasons import document_reason
from parsers.documents.pdf.layout import Page, group_lines
from parsers.documents.pdf.reader import read_pages
from parsers.documents.pdf.textlayer import PageGeometry, page_rules, page_words
from parsers.vocabulary.layout import LayoutVocabulary, default_vocabulary

# A page with fewer characters than this in its text layer is a scan.
MIN_TEXT_CHARS = 20


def read_pdf(
    data: bytes,
    part: str,
    *,
    max_pages: int,
    vocab: LayoutVocabulary | None = None,
    ocr: bool = True,
) -> ExtractedOrder:
    """Read a PDF purchase order. Raises DocumentReadError when the file cannot be read."""
    vocab = vocab or default_vocabulary()
    pages, scanned = load_pages(data, part, max_pages=max_pages)
    if scanned and ocr:
        from parsers.documents.pdf.ocr import ocr_pages

        pages = ocr_pages(data, part, max_pages=max_pages, vocab=vocab)
        order = read_pages(pages, part, vocab, confidence=0.6)
        order.notes.append("read by OCR from a scanned PDF: check every value")
        return order
    if scanned:
        raise DocumentReadError.because(part, "ocr_off")
    return read_pages(pages, part, vocab)


def load_pages(data: bytes, part: str, *, max_pages: int) -> tuple[list[Page], bool]:
    """The pages as words, and whether the PDF looks scanned (no text on any page)."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentReadError(part, _reason(exc, data)) from exc
    try:
        count = len(pdf)
        if count > max_pages:
            raise DocumentReadError.because(part, "pdf_too_long", count=count, limit=max_pages)
        if count == 0:
            raise DocumentReadError.because(part, "pdf_empty")
        pages = [_page(pdf, index) for index in range(count)]
    except pdfium.PdfiumError as exc:
        raise DocumentReadError.because(part, "pdf_damaged", detail=exc) from exc
    finally:
        pdf.close()
    chars = sum(len(w.text) for p in pages for ln in p.lines for w in ln.words)
    return pages, chars < MIN_TEXT_CHARS * len(pages)


def _reason(exc: pdfium.PdfiumError, data: bytes) -> str:
    message = str(exc)
    if "password" in message.lower() or "security" in message.lower() or b"/Encrypt" in data:
        return document_reason("encrypted")
    if "format" in message.lower() or not data.lstrip()[:1024].startswith(b"%PDF"):
        return document_reason("not_pdf", detail=message)
    return document_reason("pdf_damaged", detail=message)


def _page(pdf: pdfium.PdfDocument, index: int) -> Page:
    page = pdf[index]
    try:
        geometry = PageGeometry(page)
        words = page_words(page, index + 1, geometry)
        rules = page_rules(page, geometry)
    finally:
        page.close()
    return Page(
        number=index + 1,
        width=geometry.width,
        height=geometry.height,
        lines=group_lines(words),
        vertical_rules=rules,
    )


__all__ = ["load_pages", "read_pages", "read_pdf"]
