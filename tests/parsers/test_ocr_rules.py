"""What the OCR path keeps of Tesseract's words, and where it looks again for a lost header."""

from __future__ import annotations

import pytest

from parsers.documents.pdf.fields import po_value
from parsers.documents.pdf.layout import Line, Page, Word
from parsers.documents.pdf.ocr import FIGURE, _band, _header_score
from parsers.documents.pdf.table import header_columns
from parsers.vocabulary.layout import default_vocabulary


def _line(text: str, top: float, height: float = 10.0) -> Line:
    words, x = [], 40.0
    for piece in text.split():
        words.append(Word(piece, x, x + 6 * len(piece), top, top + height, 1))
        x += 6 * len(piece) + 4
    return Line(words)


@pytest.mark.parametrize("text", ["10,00", "24", "2", "940.56", "1250"])
def test_a_well_formed_figure_is_a_figure(text: str):
    assert FIGURE.fullmatch(text)


@pytest.mark.parametrize("text", ["10,00}", "[scozt72", "0)", "24/11/2026", "I0,00"])
def test_a_doubtful_word_is_not_a_figure(text: str):
    assert not FIGURE.fullmatch(text)


@pytest.mark.parametrize("text", ["24/11/2026", "24.11.26", "2026-11-24", "3-12-2026"])
def test_a_date_is_never_a_po_number(text: str):
    assert po_value([Word(text, 0, 50, 0, 10, 1)]) is None


@pytest.mark.parametrize("text", ["BC02172", "2026-0412", "PO-7731", "CMD/2026/118"])
def test_po_numbers_stay_po_numbers(text: str):
    found = po_value([Word(text, 0, 50, 0, 10, 1)])
    assert found is not None and found.text == text


def test_a_line_of_stray_marks_is_a_header_candidate_after_lines_naming_columns():
    vocab = default_vocabulary()
    header, noise, prose = (
        _line("Réf. Désignation Qté Prix unit. Montant", 0),
        _line("i i", 30),
        _line("Bonjour Madame", 60),
    )
    assert _header_score(header, vocab) >= 2
    assert 0 < _header_score(noise, vocab) < 1
    assert _header_score(prose, vocab) == 0


def test_the_band_of_stray_marks_spans_the_gap_to_its_neighbours():
    page = Page(
        1,
        595,
        842,
        [_line("Commande suivie par", 200), _line("i i", 236, 3), _line("PAL-209 Palier 24", 259)],
    )
    top, bottom = _band(page, 1, 0.0, whole=True)
    assert top == pytest.approx(210) and bottom == pytest.approx(259)
    assert _band(page, 1, 0.0, whole=False) == (230, 245)


def test_a_stray_mark_in_a_header_heads_no_column():
    words = [
        Word("Description", 38, 90, 0, 10, 1),
        Word("Date", 338, 358, 0, 10, 1),
        Word(":", 423, 425, 0, 10, 1),
        Word("Qty", 446, 462, 0, 10, 1),
        Word("#", 480, 484, 0, 10, 1),
        Word("Amount", 523, 560, 0, 10, 1),
    ]
    columns = header_columns(Line(words), default_vocabulary())
    assert [round(c.x0) for c in columns] == [38, 338, 446, 480, 523]
