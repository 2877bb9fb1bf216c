"""Words with their boxes, grouped into lines and gap-separated cells.

The same shapes come from a PDF text layer (PDFium) and from OCR, so the
table and field readers never know which one they read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models import Provenance

# Two words belong to one cell when the gap between them is under this share of
# the font size: a space is ~0.25-0.3 em (0.6 em in a monospaced font), a column
# gap is rarely under 1 em.
CELL_GAP_EM = 0.75
# Words of one printed line share their top within this share of their height.
LINE_TOLERANCE = 0.35


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a page and its box, in PDF points from the top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    # Printed touching the word before it, though another column's text (see split_glued).
    glued: bool = False

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass(slots=True)
class Cell:
    """Neighbouring words of one line, separated from the others by a column-sized gap."""

    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1


@dataclass(slots=True)
class Line:
    """Words printed on one line, left to right."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return max(w.height for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def cells(self) -> list[Cell]:
        cells: list[Cell] = []
        for word in self.words:
            if cells and not word.glued and word.x0 - cells[-1].x1 < CELL_GAP_EM * word.height:
                cells[-1].words.append(word)
            else:
                cells.append(Cell([word]))
        return cells


@dataclass(slots=True)
class Page:
    """A page as lines of words, plus the x of its vertical rules (for ruled tables)."""

    number: int
    width: float
    height: float
    lines: list[Line]
    vertical_rules: list[tuple[float, float, float]] = field(default_factory=list)  # x, top, bottom
    ocr: bool = False


# A lower-case letter then a capitalised word inside one word: two right- and
# left-aligned headers printed touching ("QtéPrix unitaire", "UnitDiscount").
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ][a-zà-ÿ])")


def split_glued(line: Line) -> Line:
    """The line with touching header words split where a capital starts a new word."""
    words: list[Word] = []
    for word in line.words:
        parts = _GLUED.split(word.text)
        if len(parts) == 1:
            words.append(word)
            continue
        step, x = (word.x1 - word.x0) / len(word.text), word.x0
        for k, part in enumerate(parts):
            width = step * len(part)
            words.append(Word(part, x, x + width, word.top, word.bottom, word.page, glued=k > 0))
            x += width
    return Line(words)


def group_lines(words: list[Word]) -> list[Line]:
    """Words sorted into printed lines: same top (within tolerance), then left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1].words[0].top) <= LINE_TOLERANCE * word.height:
            lines[-1].words.append(word)
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def box(words: list[Word]) -> tuple[float, float, float, float]:
    """The smallest box around words: (x0, top, x1, bottom)."""
    return (
        round(min(w.x0 for w in words), 1),
        round(min(w.top for w in words), 1),
        round(max(w.x1 for w in words), 1),
        round(max(w.bottom for w in words), 1),
    )


def provenance(part: str, words: list[Word], rule: str) -> Provenance:
    """Where words were read: their page and box."""
    return Provenance(part=part, page=words[0].page, bbox=box(words), rule=rule)
