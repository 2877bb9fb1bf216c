"""Quantity cells OCR lost or misread, read again from the scan and kept only when the row's arithmetic agrees.

A table row whose quantity is missing (a lone '5' dropped beside a rule) or makes no
sense with the row's printed unit price and amount is read again from its quantity
cell alone, as digits. The re-read is kept only when quantity x price (less the
row's discount) gives the printed amount: a wrong column, a stray figure or a
misplaced row cannot pass that, so no row is made up from a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pytesseract
from PIL import Image

from parsers.documents.pdf.layout import Line, Page, Word
from parsers.documents.pdf.scanimage import ink_of
from parsers.documents.pdf.table import Header, assign, read_table
from parsers.values.numbers import parse_number
from parsers.vocabulary.layout import LayoutVocabulary

# Each re-read cell costs a little of one Tesseract call for the page: bounded.
MAX_CELLS = 12
# Cells are read as one column of lines, this many pixels of paper apart.
SPACING = 24
# Small print is read at this resolution at least (Tesseract reads 10 pt text best near 300 dpi).
READ_DPI = 300
DIGITS = "--psm 6 -c tessedit_char_whitelist=0123456789.,"
# A printed amount is rounded to the cent.
CENT = Decimal("0.01")
ARTICLE = {"code", "description", "supplier_code", "ean"}


@dataclass(slots=True)
class Cell:
    """A quantity cell to read again: its line, its box in points and what the row prints."""

    index: int
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in the page's straight frame
    price: Decimal
    amount: Decimal
    discount: Decimal


def reread_quantities(
    page: Page, header: Header, image: Image.Image, dpi: float, slope: float, vocab: LayoutVocabulary
) -> int:
    """Put back the quantities the row's price and amount bear out; how many were put back."""
    quantity = next((c for c in header.columns if c.role == "quantity"), None)
    if quantity is None:
        return 0
    comma = _decimal_comma(page)
    end = read_table(page, header, header.columns, vocab).end_index
    cells = []
    for index in range(header.line_index + 1, end):
        cell = _doubtful(page.lines[index], index, header, quantity, vocab, comma)
        if cell is not None:
            cells.append(cell)
    cells = cells[:MAX_CELLS]
    if not cells:
        return 0
    put = 0
    for cell, word in zip(cells, _read(image, dpi, slope, cells, page.number), strict=True):
        value = parse_number(word.text, decimal_comma=comma) if word else None
        if word is not None and value is not None and _agrees(value, cell):
            line = page.lines[cell.index]
            inside = [w for w in line.words if cell.box[0] - 1 <= (w.x0 + w.x1) / 2 <= cell.box[2] + 1]
            kept = [w for w in line.words if w not in inside or not any(ch.isdigit() for ch in w.text)]
            word = Word(word.text, word.x0, word.x1, line.top, line.bottom, page.number)
            page.lines[cell.index] = Line(sorted([*kept, word], key=lambda w: w.x0))
            put += 1
    return put


def _doubtful(
    line: Line, index: int, header: Header, quantity, vocab: LayoutVocabulary, comma: bool
) -> Cell | None:
    """The line's quantity cell when the row prints a price and an amount its quantity does not make."""
    cells = assign(line, header.columns, vocab)
    if not cells.keys() & ARTICLE:
        return None
    price, amount = (_number(cells.get(role), comma) for role in ("unit_price", "amount"))
    if price is None or amount is None or price <= 0 or amount <= 0:
        return None
    discount = _number(cells.get("discount"), comma) or Decimal(0)
    read = _number(cells.get("quantity"), comma)
    found = Cell(index, (0, 0, 0, 0), price, amount, discount if 0 <= discount < 100 else Decimal(0))
    if read is not None and _agrees(read, found):
        return None
    found.box = _box(line, quantity, cells)
    return found if found.box[2] - found.box[0] > 4 else None


def _box(line: Line, quantity, cells: dict[str, list[Word]]) -> tuple[float, float, float, float]:
    """The quantity cell: from the end of the words left of the column to the start of those right of it."""
    mine = {id(w) for w in cells.get("quantity", [])}
    others = [w for w in line.words if id(w) not in mine]
    middle = (quantity.x0 + quantity.x1) / 2
    left = max((w.x1 for w in others if w.x1 <= middle), default=quantity.x0 - 20)
    right = min((w.x0 for w in others if w.x0 >= middle), default=quantity.x1)
    left, right = max(left + 1, quantity.x0 - 40), min(right - 1, quantity.x1 + 10)
    margin = 0.3 * line.height
    return left, line.top - margin, right, line.bottom + margin


def _read(image: Image.Image, dpi: float, slope: float, cells: list[Cell], number: int) -> list[Word | None]:
    """Every cell read as digits in one Tesseract call, the cells stacked one under the other."""
    scale = dpi / 72
    zoom = max(1.0, READ_DPI / dpi)
    crops = []
    for cell in cells:
        x0, top, x1, bottom = cell.box
        # Back from the straight frame to the image: the inverse of the small turn of ocr._words.
        x0, x1 = x0 - slope * top, x1 - slope * top
        top, bottom = top + slope * cell.box[0], bottom + slope * cell.box[0]
        crop = image.crop((int(x0 * scale), int(top * scale), int(x1 * scale) + 1, int(bottom * scale) + 1))
        crops.append(_clean(crop, zoom))
    width = max(c.width for c in crops) + 2 * SPACING
    height = sum(c.height + SPACING for c in crops) + SPACING
    sheet = Image.new("L", (width, height), 255)
    tops = []
    y = SPACING
    for crop in crops:
        sheet.paste(crop, (SPACING, y))
        tops.append(y)
        y += crop.height + SPACING
    data = pytesseract.image_to_data(sheet, lang="eng", config=DIGITS, output_type=pytesseract.Output.DICT)
    found: list[Word | None] = [None] * len(cells)
    for i, text in enumerate(data["text"]):
        text = text.strip(".,")
        if not text:
            continue
        middle = data["top"][i] + data["height"][i] / 2
        slot = next((k for k, t in enumerate(tops) if t <= middle <= t + crops[k].height), None)
        if slot is None or found[slot] is not None:
            continue
        x0, top, _, bottom = cells[slot].box
        left = x0 + (data["left"][i] - SPACING) / scale / zoom
        found[slot] = Word(text, left, left + data["width"][i] / scale / zoom, top, bottom, number)
    return found


def _clean(crop: Image.Image, zoom: float) -> Image.Image:
    """The cell enlarged to the reading resolution, in black on white (the grey paper and specks gone)."""
    if zoom > 1:
        crop = crop.resize((round(crop.width * zoom), round(crop.height * zoom)), Image.LANCZOS)
    grey = np.asarray(crop)
    return Image.fromarray(np.where(ink_of(grey), 0, 255).astype(np.uint8))


def _agrees(quantity: Decimal, cell: Cell) -> bool:
    """Quantity x price, less the row's discount, is the printed amount."""
    made = quantity * cell.price * (1 - cell.discount / 100)
    return quantity > 0 and abs(made - cell.amount) <= CENT + abs(cell.amount) * Decimal("0.0005")


def _number(words: list[Word] | None, comma: bool) -> Decimal | None:
    if not words:
        return None
    # Currency signs and codes beside the figure ('GBP 1,224.59', '11,94 €').
    text = " ".join(w.text for w in words if any(ch.isdigit() for ch in w.text)).replace("%", "").strip()
    return parse_number(text, decimal_comma=comma)


def _decimal_comma(page: Page) -> bool:
    comma = dot = 0
    for word in (w for line in page.lines for w in line.words):
        text = word.text
        if len(text) > 3 and text[-3] in ",." and text[-2:].isdigit() and text[-4].isdigit():
            comma += text[-3] == ","
            dot += text[-3] == "."
    return comma >= dot
