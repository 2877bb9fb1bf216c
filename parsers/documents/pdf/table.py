"""The line-item table of a page: its header row, its columns and its rows.

Columns come from the header row (found by its words, see data/layout.toml),
bounded by the vertical rules when the table is ruled. Rows are anchored on a
quantity; the lines without one (a designation that wraps, above or below a
vertically centred row) go to the anchor they are closest to, splitting each
run of such lines at its widest vertical gap.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from parsers.documents.pdf.codes import (
    CODE_ROLES,
    bracketed_code,
    is_unheaded_line_number,
    labelled_codes,
    line_number_or_code,
)
from parsers.documents.pdf.fields import opens_with_label
from parsers.documents.pdf.headings import (
    Column,
    header_columns,
    headings_by_contents,
    lone_heading_is_designation,
    overlap,
    unit_heading_is_quantity,
)
from parsers.documents.pdf.layout import Cell, Line, Page, Word, split_glued
from parsers.values.numbers import split_quantity
from parsers.values.units import normalise_unit, unit_vocabulary
from parsers.vocabulary.layout import LayoutVocabulary
from parsers.vocabulary.phrases import match_phrases, normalize, starts_with

NUMERIC_ROLES = {"quantity", "unit_price", "amount"}
TEXT_ROLES = {"description", "pack", "comment", "unit", "supplier_code", "code", "ean", "other"}
# A line below the last row still belongs to it when it starts within this many line heights.
WRAP_GAP = 1.6
# A number ends within this many points of its header's right edge when right-aligned under it.
ALIGN_TOLERANCE = 2.0
# A table ends at a vertical gap wider than this many line heights.
END_GAP = 3.5
# A line starting this many of its heights left of the table's first column is printed from the margin.
MARGIN_NOTE_EM = 2.0
# Text run on past its column's rule follows the word before it at a space (~0.3 em).
OVERFLOW_GAP_EM = 0.5
# Without a figure printed over it, only a word a space away (a space is ~0.28 em, a cell's padding
# on both sides of a rule more) runs on.
RUN_ON_GAP_EM = 0.35


@dataclass(slots=True)
class Header:
    columns: list[Column]
    line_index: int

    @property
    def roles(self) -> set[str]:
        return {c.role for c in self.columns}


@dataclass(slots=True)
class Row:
    """One table row: its words by column role, in reading order."""

    cells: dict[str, list[Word]] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)
    counted: str = ""  # the unit its quantity column's heading names ('Qté colis')

    def add(self, role: str, words: list[Word]) -> None:
        self.cells.setdefault(role, []).extend(words)

    def text(self, role: str) -> str:
        # Words were added line by line, left to right: their reading order.
        return " ".join(w.text for w in self.cells.get(role, [])).strip()


@dataclass(slots=True)
class PageTable:
    rows: list[Row]
    end_index: int  # the first line after the table (totals, notes)


def find_header(page: Page, vocab: LayoutVocabulary, start: int = 0) -> Header | None:
    """The first line naming a quantity column and an article column (code or designation).

    A header printed on two lines ('Prix' over 'unitaire HT') is read as one.
    """
    for index in range(start, len(page.lines)):
        line = page.lines[index]
        candidates = [(line, index)]
        following = page.lines[index + 1] if index + 1 < len(page.lines) else None
        if following is not None and following.top - line.bottom < 0.8 * line.height:
            candidates.append(
                (Line(sorted(line.words + following.words, key=lambda w: (w.x0, w.top))), index + 1)
            )
        for candidate, last in candidates:
            candidate = split_glued(candidate)
            columns = header_columns(candidate, vocab)
            if _is_header(columns):
                if last == index and following is not None and _stacked(candidate, following, columns, vocab):
                    last = index + 1
                for column in columns:
                    column.text_x1 = column.x1
                if not _apply_rules(columns, page, candidate):
                    _slots(columns, page.width)
                headings_by_contents(columns, page.lines[last + 1 : last + 7])
                return Header(columns=columns, line_index=last)
    return None


def _stacked(line: Line, following: Line, columns: list[Column], vocab: LayoutVocabulary) -> bool:
    """Is `following` the second line of the header ('Unit of' over 'Measure')? Names its columns."""
    if following.top - line.bottom >= 0.8 * line.height:
        return False
    if any(c.isdigit() for w in following.words for c in w.text):
        return False
    under = split_glued(following).cells()
    for column in columns:
        below = [w for cell in under for w in cell.words if overlap(w.x0, w.x1, column) > 0]
        if not below:
            continue
        above = [w for w in line.words if overlap(w.x0, w.x1, column) > 0]
        tokens = normalize(" ".join(w.text for w in above + below)).split()
        spans = match_phrases(tokens, vocab.columns)
        # 'Amount' over 'Excl. VAT': the first phrase names the column, the rest qualifies it.
        if spans:
            column.role = spans[0][0]
    return True


def _is_header(columns: list[Column]) -> bool:
    unit_heading_is_quantity(columns)
    lone_heading_is_designation(columns)
    named = [c for c in columns if c.role != "other"]
    roles = {c.role for c in named}
    article = roles & {"code", "description", "supplier_code", "ean"}
    return "quantity" in roles and bool(article) and len(named) >= 2 and len(named) >= len(columns) / 2


def _apply_rules(columns: list[Column], page: Page, line: Line) -> bool:
    # In a ruled table the vertical rules are the exact column bounds.
    middle = (line.top + line.bottom) / 2
    xs = sorted({round(x, 1) for x, top, bottom in page.vertical_rules if top - 2 <= middle <= bottom + 2})
    if len(xs) < 3:
        return False
    for column in columns:
        left = [x for x in xs if x <= column.x0 + 1]
        right = [x for x in xs if x >= column.x1 - 1]
        if left and right:
            column.x0, column.x1, column.ruled = left[-1], right[0], True
    return True


def _slots(columns: list[Column], width: float) -> None:
    # Without rules a column runs from its header to the next header: numbers are
    # often right-aligned past the end of a left-aligned header word.
    for column, following in itertools.pairwise(columns):
        column.x1 = max(column.x1, following.x0 - 0.5)
    if columns:
        columns[-1].x1 = max(columns[-1].x1, width)


def assign(line: Line, columns: list[Column], vocab: LayoutVocabulary) -> dict[str, list[Word]]:
    """The words of a body line by the role of the column they sit in."""
    found: dict[str, list[Word]] = {}
    run_on: list[tuple[Word, str, str]] = []
    for cell in line.cells():
        overlaps = [overlap(cell.x0, cell.x1, c) for c in columns]
        wide = [c for c, o in zip(columns, overlaps, strict=True) if o >= 0.5 * max(c.x1 - c.x0, 1)]
        # A cell across a vertical rule is two cells printed too close together.
        ruled = [c for c, o in zip(columns, overlaps, strict=True) if c.ruled and o > 1]
        if (len(wide) > 1 or len(ruled) > 1) and len(cell.words) > 1:
            placed = _word_columns(cell.words, columns)
            run_on += _run_on(placed)
            for word, column in placed:
                if column:
                    found.setdefault(column.role, []).append(word)
            continue
        column = _aligned(cell, columns) or _best(cell.x0, cell.x1, columns)
        if column and is_unheaded_line_number(cell, columns):
            column = Column("line_no", cell.x0, cell.x1)
        if column:
            found.setdefault(column.role, []).extend(cell.words)
    for word, role, left in run_on:
        # '100' run on into the quantity's column, the quantity '4' printed further on in it.
        if any(w.x0 > word.x0 and w.x1 > word.x1 for w in found.get(role, []) if w is not word):
            found[role] = [w for w in found[role] if w is not word]
            found.setdefault(left, []).append(word)
    return bracketed_code(labelled_codes(line_number_or_code(_quantity_beside_unit(found)), vocab))


def _run_on(placed: list[tuple[Word, Column | None]]) -> list[tuple[Word, str, str]]:
    """A word of a cell across columns that follows the text of the column before at a space's
    distance into a number column: (word, its column's role, the role it may run on from)."""
    for (before, left), (word, column) in itertools.pairwise(placed):
        if left is None or column is None or column is left or column.role not in NUMERIC_ROLES:
            continue
        if 0 <= word.x0 - before.x1 < RUN_ON_GAP_EM * word.height:
            return [(word, column.role, left.role)]
    return []


def _word_columns(words: list[Word], columns: list[Column]) -> list[tuple[Word, Column | None]]:
    """Each word of a cell across columns by the column it sits in; a word that a figure is printed
    over is text run on past its column's rule (' - boîte de 100' under the '5' of the quantity): it
    stays with the word it follows at a space's distance."""
    placed = [(word, _best(word.x0, word.x1, columns)) for word in words]
    for k in range(1, len(placed) - 1):
        (before, left), (word, _), (over, _) = placed[k - 1], placed[k], placed[k + 1]
        printed_over = over.x0 < word.x1 - (over.x1 - over.x0) / 2
        if printed_over and left is not None and 0 <= word.x0 - before.x1 < OVERFLOW_GAP_EM * word.height:
            placed[k] = (word, left)
    return placed


def _aligned(cell: Cell, columns: list[Column]) -> Column | None:
    # A number right-aligned under its header belongs there, even when it reaches
    # under the column to its left ('3,00 Unité(s)' under a narrow 'Qté').
    if not any(c.isdigit() for c in cell.text):
        return None
    found = [c for c in columns if c.role in NUMERIC_ROLES and abs(cell.x1 - c.text_x1) <= ALIGN_TOLERANCE]
    return found[0] if len(found) == 1 else None


def _quantity_beside_unit(found: dict[str, list[Word]]) -> dict[str, list[Word]]:
    # A right-aligned quantity printed close to a left-aligned unit or pack makes one cell,
    # '6 pce', '3 sac 2,5 kg'.
    for role in ("unit", "pack"):
        words = found.get(role)
        if "quantity" in found or not words or split_quantity(words[0].text)[0] is None:
            continue
        if role == "pack" and not (len(words) > 1 and _counted_unit(words[1].text)):
            continue  # '500 ml', a lone '12' under 'Colisage': what a pack holds
        found["quantity"] = [words[0]]
        if len(words) > 1:
            found[role] = words[1:]
        else:
            del found[role]
    return found


def _counted_unit(text: str) -> bool:
    unit = normalise_unit(text)
    return unit is not None and unit_vocabulary().units[unit].kind == "count"


def _best(x0: float, x1: float, columns: list[Column]) -> Column | None:
    best = max(columns, key=lambda c: overlap(x0, x1, c))
    if overlap(x0, x1, best) > 0:
        return best
    distance, nearest = min((max(c.x0 - x1, x0 - c.x1), i) for i, c in enumerate(columns))
    return columns[nearest] if distance < 40 else None


def read_table(
    page: Page, header: Header | None, columns: list[Column], vocab: LayoutVocabulary
) -> PageTable:
    """The rows of the table that starts after `header` (or at the top of a continued page)."""
    start = header.line_index + 1 if header else 0
    items: list[tuple[Line, dict[str, list[Word]], bool]] = []
    end = len(page.lines)
    previous: Line | None = page.lines[header.line_index] if header else None
    for index in range(start, len(page.lines)):
        line = page.lines[index]
        first = line.cells()[0].text
        if starts_with(first, vocab.rows["carried"]):
            continue
        if starts_with(first, vocab.rows["total"]) or _far(
            previous, line, has_rows=any(a for *_, a in items)
        ):
            end = index
            break
        cells = assign(line, columns, vocab)
        anchor = _is_anchor(cells)
        if not anchor and _totals_beside(line, vocab):
            end = index
            break
        if not anchor and _margin_note(line, columns):
            continue
        if anchor or _is_continuation(cells):
            items.append((line, cells, anchor))
            previous = line
    return PageTable(
        rows=_group(items, header_bottom=page.lines[start - 1].bottom if header else None), end_index=end
    )


def notes_start(page: Page, rows: list[Row], end: int) -> int:
    """Where the notes under the rows start: at the table's end, or sooner at the first line under the
    page's last row that no row took ('Livraison avant le 18.12.2026' printed a little below the rows,
    nearer than the gap that ends a table)."""
    taken = [i for i, line in enumerate(page.lines[:end]) if any(line in row.lines for row in rows)]
    return min(end, taken[-1] + 1) if taken else end


def _margin_note(line: Line, columns: list[Column]) -> bool:
    """'Authorised by: D. Price, Fleet Engineer. VAT GB ...' printed from the page's margin under the
    rows: a label and its value that start well left of the table's first column wrap no designation."""
    first = line.words[0]
    left = min((c.x0 for c in columns), default=first.x0)
    return left - first.x0 > MARGIN_NOTE_EM * first.height and opens_with_label(line.cells()[0].text)


def _totals_beside(line: Line, vocab: LayoutVocabulary) -> bool:
    # 'Remarks: | Total Before Discount | GBP 193.18': the totals block starts beside a note.
    cells = line.cells()
    return any(
        starts_with(cell.text, vocab.rows["total"])
        and any(ch.isdigit() for c in cells[i + 1 :] for ch in c.text)
        for i, cell in enumerate(cells[1:], start=1)
    )


def _far(previous: Line | None, line: Line, *, has_rows: bool) -> bool:
    return has_rows and previous is not None and line.top - previous.bottom > END_GAP * previous.height


def _is_anchor(cells: dict[str, list[Word]]) -> bool:
    qty_words = cells.get("quantity")
    if not qty_words or not (cells.keys() & {"code", "description", "supplier_code", "ean"}):
        return False
    quantity, _ = split_quantity(" ".join(w.text for w in qty_words))
    return quantity is not None


def _is_continuation(cells: dict[str, list[Word]]) -> bool:
    if not cells or cells.keys() & NUMERIC_ROLES:
        return False
    # A code on a row of its own ('Item Code: 204518') belongs to the row above.
    return bool(cells.keys() & {"description", "pack"}) or (
        len(cells) == 1 and cells.keys() <= set(CODE_ROLES)
    )


def _group(items: list[tuple[Line, dict[str, list[Word]], bool]], header_bottom: float | None) -> list[Row]:
    """Rows from anchors, each run of wrapped lines split at its widest gap."""
    anchors = [i for i, (*_, anchor) in enumerate(items) if anchor]
    if not anchors:
        return []
    owner: dict[int, int] = {a: a for a in anchors}
    bounds = [-1, *anchors, len(items)]
    for left, right in itertools.pairwise(bounds):
        between = list(range(left + 1, right))
        if not between:
            continue
        if right == len(items):  # after the last row: lines that follow closely
            for i in between:
                prev = items[i - 1][0]
                if items[i][0].top - prev.bottom > WRAP_GAP * prev.height:
                    break
                owner[i] = left
            continue
        if left < 0 and header_bottom is None:  # a continued page: only lines hugging the first row
            for i in reversed(between):
                below = items[i + 1][0]
                if below.top - items[i][0].bottom > WRAP_GAP * below.height:
                    break
                owner[i] = right
            continue
        split = _widest_gap(items, left, right, header_bottom)
        for i in between:
            target = left if i <= split else right
            if target >= 0:
                owner[i] = target
    rows: dict[int, Row] = {a: Row() for a in anchors}
    for i, (line, cells, _) in enumerate(items):
        if i in owner:
            row = rows[owner[i]]
            row.lines.append(line)
            for role, words in cells.items():
                row.add(role, words)
    return [rows[a] for a in anchors]


def _widest_gap(items: list, left: int, right: int, header_bottom: float | None) -> int:
    """The index of the last line that stays with `left` (gaps within a point count as equal)."""
    gaps: list[tuple[float, int]] = []
    for i in range(left, right):
        upper = items[i][0].bottom if i >= 0 else (header_bottom if header_bottom is not None else -1e9)
        gaps.append((items[i + 1][0].top - upper, i))
    widest = max(g for g, _ in gaps)
    return max(i for g, i in gaps if g >= widest - 1.0)
