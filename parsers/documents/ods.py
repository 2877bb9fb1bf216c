"""OpenDocument spreadsheets (.ods) as rows of values, read from the archive's content.xml.

Producers write the same sheet many ways: LibreOffice repeats rows and cells, Excel and Google Sheets
export with other namespace prefixes and without a manifest or styles, some leave office:value out,
others keep a text in office:string-value. The XML is read by its namespaces, never by its prefixes,
and needs nothing from the archive but content.xml.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring
from openpyxl.utils import get_column_letter

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
# Rows sit in the table itself or in these wrappers (a header block, a collapsible group).
_ROW_GROUPS = (f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group")
_PARAGRAPHS = (f"{_TEXT}p", f"{_TEXT}h")
_NUMBERS = ("float", "percentage", "currency")
# A trailing block of repeated rows is the sheet's blank remainder, written once with a count.
MAX_ROW_REPEAT = 50


def ods_grids(data: bytes, make_cell: Callable, max_rows: int, max_cols: int) -> list[tuple[str, list]]:
    """(sheet name, rows of cells) for each sheet; repeated rows and columns are capped."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = fromstring(archive.read("content.xml"))
    grids = []
    for sheet in root.iter(f"{_OFFICE}spreadsheet"):
        for table in sheet.iterfind(f"{_TABLE}table"):
            rows: list[list] = []
            for row in _rows(table):
                repeat = min(int(row.get(f"{_TABLE}number-rows-repeated", 1)), MAX_ROW_REPEAT)
                values = _row_values(row, max_cols)
                for _ in range(min(repeat, max_rows - len(rows))):
                    r = len(rows) + 1
                    rows.append([make_cell(v, f"{get_column_letter(c)}{r}") for c, v in enumerate(values, 1)])
            grids.append((table.get(f"{_TABLE}name") or "sheet", rows))
    return grids


def _rows(parent: Element):
    for child in parent:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


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
