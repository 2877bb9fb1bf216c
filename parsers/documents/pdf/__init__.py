"""PDF purchase orders: the text layer (or OCR) read by layout into an ExtractedOrder."""

from __future__ import annotations

import io

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from models import DocumentReadError, ExtractedOrder
from parsers.documents.pdf.layout import Page, Word, group_lines
from parsers.documents.pdf.reader import read_pages
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
        raise DocumentReadError(part, "the PDF has no text layer (a scan) and OCR is off")
    return read_pages(pages, part, vocab)


def load_pages(data: bytes, part: str, *, max_pages: int) -> tuple[list[Page], bool]:
    """The pages as words, and whether the PDF looks scanned (no text on any page)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
            if count > max_pages:
                raise DocumentReadError(
                    part, f"the PDF has {count} pages, more than the limit of {max_pages}"
                )
            if count == 0:
                raise DocumentReadError(part, "the PDF has no pages")
            pages = [_page(p, i + 1) for i, p in enumerate(pdf.pages)]
    except DocumentReadError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files
        raise DocumentReadError(part, _reason(exc, data)) from exc
    chars = sum(len(w.text) for p in pages for ln in p.lines for w in ln.words)
    return pages, chars < MIN_TEXT_CHARS * len(pages)


def _reason(exc: Exception, data: bytes) -> str:
    # pdfplumber wraps pdfminer's error: the inner one says what is wrong.
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)) or b"/Encrypt" in data:
        return "the PDF is encrypted with a password: it cannot be read"
    if isinstance(inner, PDFSyntaxError):
        return f"not a readable PDF ({inner})"
    return f"the PDF is damaged ({type(inner).__name__}: {inner})"


def _page(page, number: int) -> Page:
    words = [
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]), number)
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
    ]
    rules = [
        (float(ln["x0"]), float(ln["top"]), float(ln["bottom"]))
        for ln in page.lines
        if abs(ln["x0"] - ln["x1"]) < 1
    ]
    for rect in page.rects:
        if rect["bottom"] - rect["top"] > 4:
            rules += [(float(rect["x0"]), float(rect["top"]), float(rect["bottom"]))]
            rules += [(float(rect["x1"]), float(rect["top"]), float(rect["bottom"]))]
    width, height = float(page.width), float(page.height)
    # pdfplumber keeps every page's parsed objects until the file closes: ~5 MB a page.
    page.close()
    return Page(number=number, width=width, height=height, lines=group_lines(words), vertical_rules=rules)


__all__ = ["load_pages", "read_pages", "read_pdf"]
