"""Size grids printed in a PDF: a header line of sizes ('Article 39 40 41 42 Total'), one line
per article with a count under each size (vocabulary: parsers/data/sizes.toml).

Each count gives its own line, the article's words followed by the size, for the matcher to
name the article of that size. A count belongs to the size printed above it; a column after
the sizes ('Total') is no size and its numbers no line.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from models import Extracted, ExtractedLine
from parsers.documents.pdf.layout import Line, Page, Word, provenance
from parsers.text.size_grid import sizes_in_a_row
from parsers.values.numbers import parse_number
from parsers.vocabulary.sizes import is_size

_EMPTY = {"-", "–", "—", "/"}
Column = tuple[str, float, float]  # the size, its left and right edges


def size_grid_lines(
    pages: list[Page], part: str, rule: str, confidence: float
) -> list[tuple[int, float, ExtractedLine]]:
    """Every line the size grids of the pages order: (page, top, line), in reading order."""
    found = []
    for page in pages:
        columns: list[Column] | None = None
        for line in page.lines:
            header = _header(line)
            if header is not None:
                columns = header
                continue
            if columns is None:
                continue
            row = _row(line, columns, part, rule, confidence)
            if row is None:
                columns = None
                continue
            found.extend((page.number, line.top, item) for item in row)
    return found


def _header(line: Line) -> list[Column] | None:
    """The size columns of a header line: two sizes or more in a row, a word or two before them."""
    words = line.words
    run: list[Word] = []
    best: list[Word] = []
    for word in words:
        if is_size(word.text, bare=True):
            run.append(word)
            best = run if len(run) > len(best) else best
        else:
            run = []
    if len(best) < 2 or not sizes_in_a_row([w.text for w in best]):
        return None
    before = words[: words.index(best[0])]
    if len(before) > 2 or any(re.search(r"\d", w.text) for w in before):
        return None
    after = words[words.index(best[-1]) + 1 :]
    if any(re.search(r"\d", w.text) for w in after):
        return None
    sizes = [(w.text, w.x0, w.x1) for w in best]
    sizes += [("", w.x0, w.x1) for w in after]  # 'Total': a column, no size
    return sizes


def _row(
    line: Line, columns: list[Column], part: str, rule: str, confidence: float
) -> list[ExtractedLine] | None:
    left = columns[0][1] - _half_gap(columns)
    names = [w for w in line.words if w.x1 <= left]
    counts = [w for w in line.words if w.x1 > left]
    if not names or not re.search(r"[^\W\d_]{3,}", " ".join(w.text for w in names)):
        return None
    if any(w.x0 < left for w in counts):
        return None
    found = []
    for word in counts:
        column = _under(word, columns)
        if column is None:
            return None
        if word.text in _EMPTY:
            continue
        quantity = parse_number(word.text)
        if quantity is None or quantity != quantity.to_integral_value():
            return None
        if quantity <= 0 or not column[0]:
            continue
        name = " ".join(w.text for w in names)
        found.append(_line(f"{name} {column[0]}", quantity, names, word, part, rule, confidence))
    return found


def _half_gap(columns: list[Column]) -> float:
    gaps = [b[1] - a[2] for a, b in itertools.pairwise(columns)]
    return max(min(gaps, default=4.0) / 2, 2.0)


def _under(word: Word, columns: list[Column]) -> Column | None:
    middle = (word.x0 + word.x1) / 2
    half = _half_gap(columns)
    near = [c for c in columns if c[1] - half <= middle <= c[2] + half]
    return near[0] if len(near) == 1 else None


def _line(
    desc: str, quantity: Decimal, names: list[Word], count: Word, part: str, rule: str, confidence: float
) -> ExtractedLine:
    return ExtractedLine(
        line_no=0,
        description=Extracted[str](
            value=desc, confidence=confidence, provenance=provenance(part, names, rule)
        ),
        quantity=Extracted[Decimal](
            value=quantity, confidence=confidence, provenance=provenance(part, [count], rule)
        ),
        provenance=provenance(part, [*names, count], rule),
        confidence=confidence,
    )
