"""Scanned PDFs: pages rendered (pypdfium2) and read by Tesseract into the same words-with-boxes.

The layout reader then works as on a text layer; the caller lowers the
confidence, since OCR misreads digits and letters.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytesseract

from models import DocumentReadError
from parsers.documents.pdf.layout import Page, Word, group_lines

DPI = 300
LANGUAGES = "fra+eng"
# Purchase orders are short: a longer scan is not OCRed (about 2 s a page).
MAX_OCR_PAGES = 10
# Tesseract's own per-word confidence (0-100) under which a word is noise.
MIN_WORD_CONFIDENCE = 30


def ocr_pages(data: bytes, part: str, *, max_pages: int, languages: str = LANGUAGES) -> list[Page]:
    """Every page of a scanned PDF as words with boxes in PDF points."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentReadError(part, f"the scanned PDF cannot be rendered ({exc})") from exc
    try:
        limit = min(max_pages, MAX_OCR_PAGES)
        if len(document) > limit:
            raise DocumentReadError(
                part, f"a scanned PDF of {len(document)} pages, more than the {limit} pages OCR reads"
            )
        return [_page(document[i], i + 1, languages) for i in range(len(document))]
    except pytesseract.TesseractNotFoundError as exc:
        raise DocumentReadError(part, "the PDF is a scan and Tesseract is not installed") from exc
    finally:
        document.close()


def _page(page: pdfium.PdfPage, number: int, languages: str) -> Page:
    width, height = page.get_size()
    image = page.render(scale=DPI / 72).to_pil()
    # One uniform block (--psm 6): the automatic page segmentation drops lone digits
    # of a quantity column; the word boxes are what the layout reader needs anyway.
    data = pytesseract.image_to_data(
        image, lang=languages, config="--psm 6", output_type=pytesseract.Output.DICT
    )
    scale = 72 / DPI
    words = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < MIN_WORD_CONFIDENCE:
            continue
        x, y, w, h = (data[k][i] * scale for k in ("left", "top", "width", "height"))
        words.append(Word(text, x, x + w, y, y + h, number))
    return Page(number=number, width=width, height=height, lines=group_lines(words), ocr=True)
