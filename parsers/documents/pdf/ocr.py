"""Scanned PDFs: pages rendered (pypdfium2) and read by Tesseract into the same words-with-boxes.

The layout reader then works as on a text layer; the caller lowers the
confidence, since OCR misreads digits and letters.
"""

from __future__ import annotations

import math
import os
import re
import statistics

import numpy as np
import pypdfium2 as pdfium
import pytesseract
from PIL import Image

from models import DocumentReadError
from parsers.documents.pdf.layout import Page, Word, group_lines
from parsers.documents.pdf.ocr_quantities import reread_quantities
from parsers.documents.pdf.scanimage import rules_erased, straightened
from parsers.documents.pdf.table import find_header, header_columns
from parsers.vocabulary.layout import LayoutVocabulary

DPI = 300
LANGUAGES = "fra+eng"
# Purchase orders are short: a longer scan is not OCRed (about 2 s a page).
MAX_OCR_PAGES = 10
# A scan embedded at a resolution in this range is read as it is (no resampling).
MIN_SCAN_DPI = 150
MAX_SCAN_DPI = 400
# Dark ink on a shaded header band: pixels above this grey are background.
HEADER_INK = 100
# Lines naming a column that are read again when a page shows no table header.
MAX_HEADER_RETRIES = 3
# What Tesseract makes of a vertical rule beside a word.
RULE_MARKS = "|!"
# Tesseract's own per-word confidence (0-100) under which a word is noise.
MIN_WORD_CONFIDENCE = 30
# A figure as printed in a table cell ("10,00", "3", "1 250.5" is two words).
FIGURE = re.compile(r"\d{1,7}(?:[.,]\d{1,4})?")


def ocr_pages(
    data: bytes,
    part: str,
    *,
    max_pages: int,
    languages: str = LANGUAGES,
    vocab: LayoutVocabulary | None = None,
) -> list[Page]:
    """Every page of a scanned PDF as words with boxes in PDF points.

    With `vocab`, a page whose table header was not read has its header line read again.
    """
    # Tesseract's OpenMP threads spin while they wait for each other: on a machine whose
    # cores are already busy (one reader per core) that costs 4 to 6 times the CPU of a
    # single thread for the same words. A limit set by the installation is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentReadError.because(part, "scan_unrenderable", detail=exc) from exc
    try:
        limit = min(max_pages, MAX_OCR_PAGES)
        if len(document) > limit:
            raise DocumentReadError.because(part, "scan_too_long", count=len(document), limit=limit)
        return [_page(document[i], i + 1, languages, vocab) for i in range(len(document))]
    except pytesseract.TesseractNotFoundError as exc:
        raise DocumentReadError.because(part, "no_tesseract") from exc
    finally:
        document.close()


def _page(page: pdfium.PdfPage, number: int, languages: str, vocab: LayoutVocabulary | None) -> Page:
    width, height = page.get_size()
    image, dpi = _image(page)
    image, _ = straightened(image)
    image, rules = rules_erased(image, dpi)
    boxes = _boxes(image, dpi, languages)
    slope = _skew(boxes)
    found = Page(number=number, width=width, height=height, lines=group_lines(_words(boxes, slope, number)))
    # In points and in the page's straightened frame, like the words.
    scale = 72 / dpi
    found.vertical_rules = [
        (
            x * scale + slope * (top + bottom) / 2 * scale,
            (top - slope * x) * scale,
            (bottom - slope * x) * scale,
        )
        for x, top, bottom in rules
    ]
    found.ocr = True
    if vocab is None:
        return found
    header = find_header(found, vocab)
    if header is None:
        _reread_header(found, image, dpi, slope, languages, vocab)
        header = find_header(found, vocab)
    if header is not None:
        reread_quantities(found, header, image, dpi, slope, vocab)
    return found


def _boxes(
    image, dpi: float, languages: str, top: float = 0.0, min_confidence: float = MIN_WORD_CONFIDENCE
) -> list[tuple]:
    """Tesseract's words: (text, x, y, width, height, its line) in points, as scanned."""
    # One uniform block (--psm 6): the automatic page segmentation drops lone digits
    # of a quantity column; the word boxes are what the layout reader needs anyway.
    data = pytesseract.image_to_data(
        image, lang=languages, config="--psm 6", output_type=pytesseract.Output.DICT
    )
    scale = 72 / dpi
    boxes = []
    for i, text in enumerate(data["text"]):
        # A table's rules touching a word are read as bars and brackets around it. Its
        # confidence comes from a model of words, not of figures: a lone well-formed
        # figure is kept whatever it says (the quantity x price and totals checks
        # catch a misread one).
        text = _without_rules(text.strip())
        if not text or (float(data["conf"][i]) < min_confidence and not FIGURE.fullmatch(text)):
            continue
        x, y, w, h = (data[k][i] * scale for k in ("left", "top", "width", "height"))
        line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        boxes.append((text, x, y + top, w, h, line))
    return boxes


def _without_rules(text: str) -> str:
    """The word without the bars a rule beside it was read as ('VIS-CHC|', '[Désignation')."""
    text = text.strip(RULE_MARKS)
    if text.startswith("[") and "]" not in text:
        text = text[1:]
    if text.endswith("]") and "[" not in text:
        text = text[:-1]
    return text


def _words(boxes: list[tuple], slope: float, number: int) -> list[Word]:
    # A page scanned askew: each box moved back as if the page were straight.
    straight = [(text, x + slope * y, y - slope * x, w, h, line) for text, x, y, w, h, line in boxes]
    # Tesseract's boxes hug the glyphs ('mm' is shorter than '10.0'): the words of one of
    # its lines share the line's top and bottom, so that they group into one line here.
    spans: dict[tuple, tuple[float, float]] = {}
    for _, _, y, _, h, line in straight:
        top, bottom = spans.get(line, (y, y + h))
        spans[line] = (min(top, y), max(bottom, y + h))
    return [Word(text, x, x + w, *spans[line], number) for text, x, _, w, _, line in straight]


def _reread_header(
    page: Page, image, dpi: float, slope: float, languages: str, vocab: LayoutVocabulary
) -> None:
    """A header printed on a shaded, ruled band, read again from the band alone, shade and rules out."""
    # A header names columns and prints no figure (totals and addresses do).
    named = [
        (_header_score(line, vocab), i)
        for i, line in enumerate(page.lines)
        if not any(ch.isdigit() for ch in line.text)
    ]
    ranked = sorted(named, reverse=True)
    # Lines naming columns first, then noise lines: both bounded, a band costs a read each.
    tried = [c for c in ranked if c[0] >= 1][:MAX_HEADER_RETRIES] + [c for c in ranked if 0 < c[0] < 1][:2]
    for score, index in tried:
        words = _band_words(image, dpi, slope, _band(page, index, slope, whole=score < 1), page, languages)
        for candidate in group_lines(words):
            if find_header(Page(page.number, page.width, page.height, [candidate]), vocab):
                page.lines[index] = candidate
                return


def _band(page: Page, index: int, slope: float, *, whole: bool) -> tuple[float, float]:
    """Top and bottom of the band around line `index`: the gap to its neighbours when `whole`.

    Stray marks are smaller than the text they stand for: the band they sit in is all
    that tells its height.
    """
    line, margin = page.lines[index], 6 + abs(slope) * page.width
    if not whole:
        return line.top - margin, line.bottom + margin
    above = page.lines[index - 1].bottom if index > 0 else line.top - 3 * margin
    below = page.lines[index + 1].top if index + 1 < len(page.lines) else line.bottom + 3 * margin
    return min(above, line.top - margin), max(below, line.bottom + margin)


def _header_score(line, vocab: LayoutVocabulary) -> float:
    """How much a line looks like a table header: the columns it names; a little when it is noise.

    A header on a dark band can come out as a few stray marks ('i i'); such a line is
    worth reading again from its band when no line names columns.
    """
    named = sum(c.role != "other" for c in header_columns(line, vocab))
    if named:
        return float(named)
    return 0.5 if all(sum(ch.isalpha() for ch in w.text) < 2 for w in line.words) else 0.0


def _band_words(
    image, dpi: float, slope: float, span: tuple[float, float], page: Page, languages: str
) -> list[Word]:
    """The words of a band of the page (top and bottom in points), straightened like the page's."""
    box = (0, int(max(0.0, span[0]) * dpi / 72), image.width, int(span[1] * dpi / 72))
    band = image.crop(box).rotate(math.degrees(math.atan(slope)), resample=Image.BILINEAR, fillcolor=255)
    # Turned straight about its centre: back in the page's straightened coordinates by
    # the shift that turning about the origin would have made.
    cx, cy = page.width / 2, (box[1] + box[3]) / 2 * 72 / dpi
    # The band is clean black on white: a word Tesseract doubts ('QtéPrix' printed touching) counts.
    boxes = _boxes(_unshaded(band), dpi, languages, box[1] * 72 / dpi, min_confidence=0)
    return [
        Word(w.text, w.x0 + slope * cy, w.x1 + slope * cy, w.top - slope * cx, w.bottom - slope * cx, w.page)
        for w in _words(boxes, 0.0, page.number)
    ]


def _unshaded(band):
    """The band in black and white: the grey shade and the table's rules made white."""
    ink = np.asarray(band) < HEADER_INK
    # A column of the band inked over a third of its height is a rule (a letter is shorter);
    # its neighbours go with it, a rule straightened by resampling spreads over them.
    rules = ink.mean(axis=0) > 0.35
    ink[:, rules | np.roll(rules, 1) | np.roll(rules, -1)] = False
    ink[ink.mean(axis=1) > 0.3, :] = False
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))


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
