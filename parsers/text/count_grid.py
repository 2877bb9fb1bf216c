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
from parsers.text.matrix_headings import VARIANT, matrix_columns
from parsers.text.table_roles import column_role, roles_of
from parsers.values.units import normalise_unit
from parsers.vocabulary.grouped import joined_headings
from parsers.vocabulary.phrases import normalize
from parsers.vocabulary.sizes import is_size, size_words

RULE = "html-count-grid"
_COUNT = re.compile(r"\d{1,4}")
_BLANK = {"", "-", "–", "—", "/", "0"}
# Read from headings and a row's name rather than from a line the customer wrote out.
CONFIDENCE = 0.85
ROW_FIRST, HEADING_FIRST, HEADING_ONLY = "row first", "heading first", "heading only"


def read_count_grid(table: Table, *, part: str) -> list[ExtractedLine]:
    """A line per filled count of a grid whose header runs over its first two rows; none when the table is
    not one (a line table, a header over one row, a cell of words among the counts)."""
    return count_grid_lines(table.texts(), part=part)


def count_grid_lines(texts: list[list[str]], *, part: str) -> list[ExtractedLine]:
    """`read_count_grid` of the cells' texts, row by row (an HTML table's, or a sheet's from its header)."""
    rows = [[" ".join(text.split()) for text in row] for row in texts]
    if len(rows) < 3:
        return []
    naming, columns, counted_in = _naming(rows[0], rows[1])
    if columns is None:
        return []
    unit = _bracketed_unit(counted_in, part) if naming == ROW_FIRST else None
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
                lines.append(_line(_named(naming, name, heading), Decimal(text), part, len(lines) + 1, unit))
    return lines


def _naming(upper: list[str], lower: list[str]) -> tuple[str, list[tuple[int, str]] | None, str]:
    """How a filled cell's article is named, each count column's heading and the heading naming the unit
    counted: the row's name first when the rows name articles, the heading first when they name sites or
    people, the heading alone when it names the article in full and the rows are sites."""
    variants = _variant_columns(upper, lower)
    if variants is not None:
        return ROW_FIRST, variants, upper[0]
    columns = _columns(upper, lower)
    if columns is not None:
        return HEADING_FIRST, columns, ""
    matrix = matrix_columns(upper, lower)
    if matrix is None:
        return HEADING_FIRST, None, ""
    counted_in = f"({matrix.unit})" if matrix.unit else upper[0]
    return (ROW_FIRST if matrix.rows_named else HEADING_ONLY), matrix.columns, counted_in


def _named(naming: str, row: str, heading: str) -> str:
    if naming == ROW_FIRST:
        return f"{row} {heading}"
    return f"{heading} - {row}" if naming == HEADING_FIRST else heading


def _variant_columns(upper: list[str], lower: list[str]) -> list[tuple[int, str]] | None:
    """A grid whose rows name the articles and whose columns are their variants ('Pot (cartons)' over
    'Round pot black', 'Diameter' merged over '9 cm | 12 cm | 14 cm'): each column with the variant that
    completes a row's designation, when they are all sizes or all written alike ('N cm', 'Ø N')."""
    if len(upper) != len(lower) or len(lower) < 3 or not upper[0] or lower[0] not in ("", upper[0]):
        return None
    if roles_of(upper) or roles_of(lower) or any(re.search(r"\d", t) for t in upper[1:]):
        return None
    headings = lower[1:]
    if all(is_size(h) for h in headings):
        # Sizes under 'Taille' / 'Size' vary the row's article; under an article's name ('Polo'), the rows
        # are sites or people ordering it (_columns).
        named = {normalize(t) for t in upper[1:] if t}
        return list(enumerate(headings, start=1)) if named and named <= set(size_words().labels) else None
    shapes = [VARIANT.fullmatch(h) for h in headings]
    if not all(shapes) or len({(m["mark"].strip(), (m["unit"] or "").strip()) for m in shapes if m}) != 1:
        return None
    bare = all(m is not None and not m["mark"].strip() and not m["unit"] for m in shapes)
    if bare and not all(is_size(f"T{h}") for h in headings):
        return None  # bare figures outside the sizes' range: years, weeks or lines
    return list(enumerate(headings, start=1))


def _bracketed_unit(heading: str, part: str) -> Extracted[str] | None:
    """'Pot (cartons)': the unit the grid counts in, named in brackets by its first heading."""
    found = re.search(r"\(([^()\d]+)\)", heading)
    unit = normalise_unit(found.group(1)) if found else None
    return (
        Extracted[str](value=unit, confidence=CONFIDENCE, provenance=Provenance(part=part, rule=RULE))
        if unit
        else None
    )


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


def _line(
    description: str, quantity: Decimal, part: str, number: int, unit: Extracted[str] | None = None
) -> ExtractedLine:
    where = Provenance(part=part, rule=RULE)
    return ExtractedLine(
        line_no=number,
        description=Extracted[str](value=description, confidence=CONFIDENCE, provenance=where),
        quantity=Extracted[Decimal](value=quantity, confidence=CONFIDENCE, provenance=where),
        unit=unit,
        provenance=where,
        confidence=CONFIDENCE,
    )
