"""A scanned page before OCR: turned straight, its table rules erased, its quantity cells re-read only when the row agrees."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.documents.pdf.ocr_quantities import Cell, _agrees
from parsers.documents.pdf.scanimage import ink_of, rules_erased, straightened, tilt

DPI = 200


def _page() -> Image.Image:
    """A ruled table of text lines on white, as a 200 dpi page would print it."""
    image = Image.new("L", (1400, 900), 235)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    for row in range(12):
        y = 100 + row * 55
        draw.text(
            (130, y + 12),
            f"VIS-CHC-M{row + 4}X40  Vis CHC inox A2 boite de 100   {row + 1},00   12,45",
            fill=20,
            font=font,
        )
        draw.line((100, y, 1300, y), fill=20, width=3)
    for x in (100, 420, 900, 1300):
        draw.line((x, 100, x, 100 + 11 * 55), fill=20, width=3)
    return image


@pytest.mark.parametrize("angle", [-1.4, -0.6, 0.5, 1.2])
def test_a_tilted_page_is_measured_and_turned_straight(angle: float):
    tilted = _page().rotate(angle, resample=Image.BILINEAR, fillcolor=235)
    assert abs(tilt(tilted) + angle) <= 0.1
    _, turned_by = straightened(tilted)
    assert abs(turned_by + angle) <= 0.1


def test_a_straight_page_is_left_as_it_is():
    page = _page()
    assert straightened(page) == (page, 0.0)


def test_rules_are_erased_and_letters_kept():
    page = _page()
    ink = ink_of(np.asarray(page))
    cleaned, rules = rules_erased(page, DPI)
    erased = ink_of(np.asarray(cleaned))
    # The horizontal rule under the first row and the first vertical rule are gone ...
    assert not erased[100, 200:1200].any() and not erased[150:600, 100].any()
    # ... the text between them stays (a letter is shorter than a rule).
    letters = ink[115:140, 130:1280]
    assert erased[115:140, 130:1280].sum() >= 0.9 * letters.sum() > 0
    # The vertical rules are the table's column bounds.
    assert [round(x) for x, _, _ in rules] == [100, 420, 900, 1300]
    assert all(abs(top - 100) <= 2 and abs(bottom - 705) <= 2 for _, top, bottom in rules)


def _cell(price: str, amount: str, discount: str = "0") -> Cell:
    return Cell(0, (0, 0, 0, 0), Decimal(price), Decimal(amount), Decimal(discount))


@pytest.mark.parametrize(
    ("quantity", "cell", "agrees"),
    [
        ("25", _cell("3.78", "94.50"), True),
        ("4", _cell("12.45", "39.84", "20"), True),
        ("400", _cell("12.45", "39.84", "20"), False),
        ("338", _cell("3.78", "94.50"), False),
        ("10", _cell("37.51", "281.33", "25"), True),
    ],
    ids=["plain", "with-discount", "comma-lost", "figure-of-the-designation", "rounded-amount"],
)
def test_a_re_read_quantity_is_kept_only_when_price_and_amount_agree(quantity: str, cell: Cell, agrees: bool):
    assert _agrees(Decimal(quantity), cell) is agrees
