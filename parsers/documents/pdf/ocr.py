"""Scanned PDFs: pages rendered (pypdfium2) and read by Tesseract into the same words-with-boxes.

The layout reader then works as on a text layer; the caller lowers the
confidence, since OCR misreads digits and letters.
"""

from __future__ import annotations

import statistics

import pypdfium2 as pdfium
import pytesseract

from models import DocumentReadError
from parsers.documents.pdf.layout import Page, Word, group_lines

DPI = 300
LANGUAGES = "fra+eng"
# Purchase orders are short: a longer scan is not OCRed (about 2 s a page).
MAX_OCR_PAGES = 10
# A scan embedded at a resolution in this range is read as it is (no resampling).
MIN_SCAN_DPI = 150
MAX_SCAN_DPI = 400
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
    image, dpi = _image(page)
    # One uniform block (--psm 6): the automatic page segmentation drops lone digits
    # of a quantity column; the word boxes are what the layout reader needs anyway.
    data = pytesseract.image_to_data(
        image, lang=languages, config="--psm 6", output_type=pytesseract.Output.DICT
    )
    scale = 72 / dpi
    boxes = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < MIN_WORD_CONFIDENCE:
            continue
        x, y, w, h = (data[k][i] * scale for k in ("left", "top", "width", "height"))
        line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        boxes.append((text, x, y, w, h, line))
    slope = _skew(boxes)
    # A page scanned askew: each box moved back as if the page were straight.
    straight = [(text, x + slope * y, y - slope * x, w, h, line) for text, x, y, w, h, line in boxes]
    # Tesseract's boxes hug the glyphs ('mm' is shorter than '10.0'): the words of one of
    # its lines share the line's top and bottom, so that they group into one line here.
    spans: dict[tuple, tuple[float, float]] = {}
    for _, _, y, _, h, line in straight:
        top, bottom = spans.get(line, (y, y + h))
        spans[line] = (min(top, y), max(bottom, y + h))
    words = [Word(text, x, x + w, *spans[line], number) for text, x, _, w, _, line in straight]
    return Page(number=number, width=width, height=height, lines=group_lines(words), ocr=True)


def _image(page: pdfium.PdfPage):
    """The page as a grey image: the scan itself at its own resolution when the page is one image."""
    width, height = page.get_size()
    images = [o for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    if len(images) == 1:
        image = images[0].get_bitmap(render=False).to_pil().convert("L")
        dpi = image.width * 72 / width
        if MIN_SCAN_DPI <= dpi <= MAX_SCAN_DPI and abs(image.height * 72 / height - dpi) < 2:
            return image, dpi
    return page.render(scale=DPI / 72, grayscale=True).to_pil(), DPI


def _skew(boxes: list[tuple]) -> float:
    """The page's tilt as a slope (dy/dx), the median over Tesseract's lines of three words or more."""
    by_line: dict[tuple, list[tuple]] = {}
    for box in boxes:
        by_line.setdefault(box[5], []).append(box)
    slopes = []
    for words in by_line.values():
        if len(words) < 3:
            continue
        first, last = words[0], words[-1]
        run = (last[1] + last[3] / 2) - (first[1] + first[3] / 2)
        if run > 100:
            slopes.append(((last[2] + last[4]) - (first[2] + first[4])) / run)
    return statistics.median(slopes) if slopes else 0.0
