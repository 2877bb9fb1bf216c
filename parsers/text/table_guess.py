"""The lines of a message's HTML tables against those of its text rendering, and an HTML table without a
header row ('VIS-440 | Vis inox 4x40 | 12'): its columns told by what they hold, as a sheet's headerless
table is (`parsers.documents.sheets.guess_columns`)."""

from __future__ import annotations

import re

from models import ExtractedLine, ParsedMessage, Table
from parsers.documents.grid import Cell, Grid
from parsers.documents.sheets import guess_columns
from parsers.text.quantity_groups import table_over_text
from parsers.text.size_grid import GRID_RULE
from parsers.text.tables import line_from_cells, read_table

# Lines of a table no heading names are less sure than those of a named one.
GUESSED_CONFIDENCE = 0.7
_WORD = re.compile(r"[^\W\d_]{3,}")


def guessed_table_lines(tables: list[Table], *, part: str) -> list[ExtractedLine]:
    """The lines of the first headerless table whose columns are clear: one of counts beside one of codes
    or of designations, every row filled alike."""
    for table in tables:
        texts = [[" ".join(text.split()) for text in row] for row in table.texts()]
        grid = Grid(
            "html",
            [[Cell(text or None, f"{c}:{r}") for c, text in enumerate(row)] for r, row in enumerate(texts)],
        )
        roles = guess_columns(grid)
        if roles is None or not _worded(texts, roles):
            continue
        lines = []
        for row in texts:
            found = line_from_cells(
                [(text, (0, 0)) for text in row], roles, part=part, start=0, rule="html-table"
            )
            if found is not None:
                lines.append(found.model_copy(update={"confidence": GUESSED_CONFIDENCE}))
        if len(lines) >= 2:
            return lines
    return []


def _worded(rows: list[list[str]], roles: dict[str, int]) -> bool:
    # a designation names the article in words ('Étage | 3' and 'Porte | 12' lay out an address)
    column = roles.get("description")
    return column is None or all(
        _WORD.search(row[column]) and len(row[column].split()) >= 2 for row in rows if column < len(row)
    )


_TABLE_RULES = frozenset({"text-table", GRID_RULE})


def prefer_tables(text_lines: list[ExtractedLine], parsed: ParsedMessage) -> list[ExtractedLine]:
    """The HTML tables' lines when the text rendering lost the table (no text-table rows, fewer lines)."""
    if not parsed.tables:
        return text_lines
    table_lines = [line for table in parsed.tables for line in read_table(table, part="html")]
    text_has_table = any(ln.provenance and ln.provenance.rule in _TABLE_RULES for ln in text_lines)
    if table_lines and not text_has_table and len(table_lines) >= len(text_lines):
        return around_tables(text_lines, table_lines, parsed.tables)
    if text_has_table:
        return table_over_text(text_lines, table_lines)
    # Nothing else read: a table whose columns no heading names, told by what they hold.
    return text_lines or guessed_table_lines(parsed.tables, part="html")


def around_tables(
    text_lines: list[ExtractedLine], table_lines: list[ExtractedLine], tables: list[Table]
) -> list[ExtractedLine]:
    """The tables' lines, with the text's lines written outside them ('Et 3 rouleaux de 50 m.' under the
    table) where they stand: a counted text line of words naming no cell of a table is none of its rows."""
    cells = {
        " ".join(text.split()).casefold()
        for table in tables
        for row in table.texts()
        for text in row
        if _WORD.search(text)
    }
    inside = [ln for ln in text_lines if any(cell in _named(ln) for cell in cells)]
    outside = [ln for ln in text_lines if ln not in inside and ln.quantity and _WORD.search(_named(ln))]
    if not outside:
        return table_lines
    first = min((_start(ln) for ln in inside), default=None)
    before = [ln for ln in outside if first is not None and _start(ln) < first]
    return [*before, *table_lines, *(ln for ln in outside if ln not in before)]


def _named(line: ExtractedLine) -> str:
    return " ".join(line.description.value.split()).casefold() if line.description else ""


def _start(line: ExtractedLine) -> int:
    span = line.provenance.span if line.provenance else None
    return span[0] if span else 0
