"""A grid of counts under a header over two rows: group headings naming articles ('Brake pads' merged over
'Front | Rear', 'Polo shirt' over 'S | M | L'), a row per vehicle, site or person named in its first cell,
and a count, or nothing, in each cell under the headings.

No column is a quantity: each filled cell is a line, its article named by the group heading, the heading
under it and the row's name, for the matcher to find. A cell that is neither a count nor blank makes it no
grid of counts: the table is left to the other readers, or to a clerk.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedLine, Provenance, Table
from parsers.text.line_noise import opens_no_item
from parsers.text.table_roles import column_role, roles_of
from parsers.vocabulary.grouped import joined_headings

RULE = "html-count-grid"
_COUNT = re.compile(r"\d{1,4}")
_BLANK = {"", "-", "–", "—", "/", "0"}
# Read from headings and a row's name rather than from a line the customer wrote out.
CONFIDENCE = 0.85


def read_count_grid(table: Table, *, part: str) -> list[ExtractedLine]:
    """A line per filled count of a grid whose header runs over its first two rows; none when the table is
    not one (a line table, a header over one row, a cell of words among the counts)."""
    rows = [[" ".join(text.split()) for text in row] for row in table.texts()]
    if len(rows) < 3:
        return []
    columns = _columns(rows[0], rows[1])
    if columns is None:
        return []
    lines: list[ExtractedLine] = []
    for row in rows[2:]:
        name = row[0] if row else ""
        if not re.search(r"[^\W\d_]", name) or opens_no_item(name):
            continue  # a total or a contact's detail under the grid
        cells = [(row[c] if c < len(row) else "", heading) for c, heading in columns]
        if any(text not in _BLANK and not _COUNT.fullmatch(text) for text, _ in cells):
            return []  # a price, a remark or a size among them: no grid of counts
        for text, heading in cells:
            if text not in _BLANK:
                lines.append(_line(f"{heading} - {name}", Decimal(text), part, len(lines) + 1))
    return lines


def _columns(upper: list[str], lower: list[str]) -> list[tuple[int, str]] | None:
    """Each count column with its article heading ('Brake pads Front'), when the first column names the
    rows, no heading names a quantity or is a figure, and a group heading stands over two columns or more."""
    if len(upper) != len(lower) or len(lower) < 3 or any(re.search(r"\d", t) for t in upper + lower):
        return None
    if roles_of(upper) or roles_of(lower) or roles_of(joined_headings(upper, lower, column_role)):
        return None  # a line table: its own reader reads it
    if not upper[0] or lower[0] not in ("", upper[0]):
        return None
    columns, group, widest, width = [], "", 0, 0
    for column in range(1, len(lower)):
        if upper[column]:
            group, width = upper[column], 0
        if not group or not lower[column] or lower[column] == upper[column]:
            return None
        width += 1
        widest = max(widest, width)
        columns.append((column, f"{group} {lower[column]}"))
    return columns if widest >= 2 else None


def _line(description: str, quantity: Decimal, part: str, number: int) -> ExtractedLine:
    where = Provenance(part=part, rule=RULE)
    return ExtractedLine(
        line_no=number,
        description=Extracted[str](value=description, confidence=CONFIDENCE, provenance=where),
        quantity=Extracted[Decimal](value=quantity, confidence=CONFIDENCE, provenance=where),
        provenance=where,
        confidence=CONFIDENCE,
    )
