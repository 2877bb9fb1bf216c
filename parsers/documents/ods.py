"""OpenDocument spreadsheets (.ods) as rows of values, read from the archive's content.xml.

Producers write the same sheet many ways: LibreOffice repeats rows and cells, Excel and Google Sheets
export with other namespace prefixes and without a manifest or styles, some leave office:value out,
others keep a text in office:string-value. The XML is read by its namespaces, never by its prefixes,
and needs nothing from the archive but content.xml. A flat ODS (.fods) is that same XML saved alone.

Rows and columns the producer hides (collapsed, filtered out) are not read: a clerk does not see them.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import NamedTuple
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring
from openpyxl.utils import get_column_letter

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
# Rows sit in the table itself or in these wrappers (a header block, a collapsible group).
_ROW_GROUPS = (f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group")
_COLUMN_GROUPS = (f"{_TABLE}table-header-columns", f"{_TABLE}table-columns", f"{_TABLE}table-column-group")
_PARAGRAPHS = (f"{_TEXT}p", f"{_TEXT}h")
_NUMBERS = ("float", "percentage", "currency")
# A trailing block of repeated rows is the sheet's blank remainder, written once with a count.
MAX_ROW_REPEAT = 50


class OdsSheet(NamedTuple):
    name: str
    rows: list[list]
    hidden_rows: int
    hidden_columns: int


def ods_grids(data: bytes, make_cell: Callable, max_rows: int, max_cols: int) -> list[OdsSheet]:
    """Each sheet's rows of cells (repeated rows and columns capped), without its hidden rows and with
    its hidden columns left blank; the references stay the sheet's own ('B12')."""
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = archive.read("content.xml")
    root = fromstring(data)
    grids = []
    for sheet in root.iter(f"{_OFFICE}spreadsheet"):
        for table in sheet.iterfind(f"{_TABLE}table"):
            hidden = _hidden_columns(table, max_cols)
            rows: list[list] = []
            number = hidden_rows = 0
            for row in _nodes(table, f"{_TABLE}table-row", _ROW_GROUPS):
                if row.get(f"{_TABLE}visibility", "visible") != "visible":
                    repeat = int(row.get(f"{_TABLE}number-rows-repeated", 1))
                    number, hidden_rows = number + repeat, hidden_rows + repeat
                    continue
                repeat = min(int(row.get(f"{_TABLE}number-rows-repeated", 1)), MAX_ROW_REPEAT)
                values = [None if c in hidden else v for c, v in enumerate(_row_values(row, max_cols))]
                for _ in range(min(repeat, max_rows - len(rows))):
                    number += 1
                    rows.append(
                        [make_cell(v, f"{get_column_letter(c)}{number}") for c, v in enumerate(values, 1)]
                    )
            name = table.get(f"{_TABLE}name") or "sheet"
            grids.append(OdsSheet(name, rows, hidden_rows, len(hidden)))
    return grids


def _hidden_columns(table: Element, max_cols: int) -> set[int]:
    hidden: set[int] = set()
    column = 0
    for node in _nodes(table, f"{_TABLE}table-column", _COLUMN_GROUPS):
        repeat = min(int(node.get(f"{_TABLE}number-columns-repeated", 1)), max(max_cols - column, 0))
        if node.get(f"{_TABLE}visibility", "visible") != "visible":
            hidden.update(range(column, column + repeat))
        column += repeat
    return hidden


def _nodes(parent: Element, tag: str, groups: tuple[str, ...]):
    """The rows or columns of a table, inside their wrappers too."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in groups:
            yield from _nodes(child, tag, groups)


def _row_values(row: Element, max_cols: int) -> list[object]:
    values: list[object] = []
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        repeat = int(cell.get(f"{_TABLE}number-columns-repeated", 1))
        value = _value(cell)
        values.extend([value] * min(repeat, max(max_cols - len(values), 0)))
        if len(values) >= max_cols:
            break
    return values


def _value(cell: Element) -> object:
    kind = cell.get(f"{_OFFICE}value-type")
    shown = _shown(cell)
    if kind in _NUMBERS:
        # A whole number is an int, as a workbook gives it: a numeric code stays '204417', never '204417.0'.
        number = _float(cell.get(f"{_OFFICE}value"))
        if number is None:
            return shown
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "date":
        try:
            return dt.datetime.fromisoformat(cell.get(f"{_OFFICE}date-value") or "")
        except ValueError:
            return shown
    if kind == "string" and shown is None:
        return (cell.get(f"{_OFFICE}string-value") or "").strip() or None
    return shown


def _float(raw: str | None) -> float | None:
    try:
        return float(raw) if raw is not None else None
    except ValueError:
        return None


def _shown(cell: Element) -> str | None:
    """The cell's text, its paragraphs one a line; a comment pinned to the cell is not its text."""
    paragraphs = ["".join(_text(p)) for p in _paragraphs(cell)]
    return "\n".join(paragraphs).strip() or None


def _paragraphs(node: Element):
    for child in node:
        if child.tag in _PARAGRAPHS:
            yield child
        elif child.tag != f"{_OFFICE}annotation":
            yield from _paragraphs(child)


def _text(node: Element):
    yield node.text or ""
    for child in node:
        # Spaces after the first, tabs and line breaks are elements of their own: 'Terreau<s/>universel'.
        if child.tag == f"{_TEXT}s":
            yield " " * int(child.get(f"{_TEXT}c", 1))
        elif child.tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            yield " "
        elif child.tag != f"{_OFFICE}annotation":
            yield from _text(child)
        yield child.tail or ""
