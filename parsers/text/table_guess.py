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
        return table_lines
    if text_has_table:
        return table_over_text(text_lines, table_lines)
    # Nothing else read: a table whose columns no heading names, told by what they hold.
    return text_lines or guessed_table_lines(parsed.tables, part="html")
