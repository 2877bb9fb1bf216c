"""OpenDocument spreadsheets (.ods) as rows of values, with odfpy."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from odf import opendocument, table, text
from openpyxl.utils import get_column_letter

_NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_NS_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def ods_grids(data: bytes, make_cell: Callable, max_rows: int, max_cols: int) -> list[tuple[str, list]]:
    """(sheet name, rows of cells) for each sheet; repeated rows and columns are capped."""
    doc = opendocument.load(io.BytesIO(data))
    grids = []
    for sheet in doc.spreadsheet.getElementsByType(table.Table):
        rows: list[list] = []
        for row in sheet.getElementsByType(table.TableRow):
            repeat = min(int(row.attributes.get((_NS_TABLE, "number-rows-repeated"), 1)), 50)
            values = _row_values(row, max_cols)
            for _ in range(repeat):
                if len(rows) >= max_rows:
                    break
                r = len(rows) + 1
                rows.append([make_cell(v, f"{get_column_letter(c)}{r}") for c, v in enumerate(values, 1)])
        grids.append((sheet.getAttribute("name") or "sheet", rows))
    return grids


def _row_values(row, max_cols: int) -> list[object]:
    values: list[object] = []
    for cell in row.childNodes:
        if cell.qname[1] not in ("table-cell", "covered-table-cell"):
            continue
        repeat = int(cell.attributes.get((_NS_TABLE, "number-columns-repeated"), 1))
        value = _value(cell)
        values.extend([value] * min(repeat, max(max_cols - len(values), 0)))
        if len(values) >= max_cols:
            break
    return values


def _value(cell) -> object:
    kind = cell.attributes.get((_NS_OFFICE, "value-type"))
    if kind in ("float", "percentage", "currency"):
        # A whole number is an int, as a workbook gives it: a numeric code stays '204417', never '204417.0'.
        number = float(cell.attributes.get((_NS_OFFICE, "value")))
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "date":
        raw = cell.attributes.get((_NS_OFFICE, "date-value"))
        return dt.datetime.fromisoformat(raw) if raw else None
    paragraphs = ["".join(_text(n) for n in p.childNodes) for p in cell.getElementsByType(text.P)]
    joined = "\n".join(paragraphs).strip()
    return joined or None


def _text(node) -> str:
    if node.nodeType == node.TEXT_NODE:
        return str(node.data)
    # Spaces after the first, tabs and line breaks are elements of their own: 'Terreau<s/>universel'.
    if node.qname == (_NS_TEXT, "s"):
        return " " * int(node.attributes.get((_NS_TEXT, "c"), 1))
    if node.qname in ((_NS_TEXT, "tab"), (_NS_TEXT, "line-break")):
        return " "
    return "".join(_text(n) for n in node.childNodes)
