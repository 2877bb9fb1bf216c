"""Spreadsheet files as grids of cells: XLSX, XLS, ODS and CSV (any delimiter, any common encoding).

A zip-based file is checked against its declared unpacked size before any reader opens it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from openpyxl.utils import get_column_letter

from models import DocumentReadError
from parsers.documents.grid import Cell, Grid

MAX_ROWS = 20_000
MAX_COLUMNS = 80
# XLSX and ODS are zip archives: a few megabytes can unpack to gigabytes of XML
# (a zip bomb). What the archive declares is checked before any reader opens it;
# zipfile never inflates a member past its declared size, so the check holds.
MAX_UNPACKED_BYTES = 200_000_000
MAX_ZIP_MEMBERS = 2_000


def load_grids(data: bytes, filename: str, part: str) -> list[Grid]:
    """Every sheet of the file as a grid of cells."""
    name = filename.lower()
    if data[:4] == b"PK\x03\x04":
        check_archive(data, part)
    try:
        if name.endswith((".csv", ".tsv", ".txt")):
            return [_csv_grid(data)]
        if name.endswith(".xls"):
            return _xls_grids(data)
        if name.endswith((".ods", ".fods")) or is_flat_ods(data):
            from parsers.documents.ods import ods_grids

            sheets = ods_grids(data, Cell, MAX_ROWS, MAX_COLUMNS)
            return [Grid(s.name, s.rows, s.hidden_rows, s.hidden_columns) for s in sheets]
        return _xlsx_grids(data)
    except DocumentReadError:
        raise
    except Exception as exc:  # readers raise many kinds of errors on damaged files
        raise DocumentReadError.because(
            part, "sheet_unreadable", detail=f"{type(exc).__name__}: {exc}"
        ) from exc


def check_archive(data: bytes, part: str, *, max_unpacked: int = MAX_UNPACKED_BYTES) -> None:
    """DocumentReadError when a zip-based spreadsheet would unpack beyond the limits."""

    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise DocumentReadError.because(part, "sheet_damaged", detail=exc) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise DocumentReadError.because(
            part, "sheet_too_many_files", count=len(members), limit=MAX_ZIP_MEMBERS
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > max_unpacked:
        raise DocumentReadError.because(
            part, "sheet_bomb", size=unpacked // 2**20, limit=max_unpacked // 2**20
        )


def is_flat_ods(data: bytes) -> bool:
    """A flat OpenDocument sheet (.fods) whatever its name: one XML document of the spreadsheet."""
    head = data[:2048]
    return head.lstrip().startswith(b"<?xml") and b"opendocument.spreadsheet" in head


def _xlsx_grids(data: bytes) -> list[Grid]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # A sheet the workbook hides (a list feeding a drop-down, old prices) is none a clerk reads.
    shown = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"] or book.worksheets
    grids = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for sheet in shown:
            rows_off, columns_off = _xlsx_hidden(archive, getattr(sheet, "_worksheet_path", "").lstrip("/"))
            rows = []
            for r, row in enumerate(
                sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True), 1
            ):
                if r not in rows_off:
                    cells = [
                        Cell(None if c in columns_off else v, f"{get_column_letter(c)}{r}")
                        for c, v in enumerate(row, 1)
                    ]
                    rows.append(cells)
            grids.append(Grid(sheet.title, rows, len(rows_off), len(columns_off)))
    if grids:
        grids[0].hidden_sheets = tuple(sheet.title for sheet in book.worksheets if sheet not in shown)
    book.close()
    return grids


_HIDDEN_ROW = re.compile(
    rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"|<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*?\br="(\d+)"'
)
_HIDDEN_COLUMNS = re.compile(rb"<(?:\w+:)?col\b[^>]*>")


def _xlsx_hidden(archive: zipfile.ZipFile, path: str) -> tuple[set[int], set[int]]:
    """The numbers of the rows and columns a worksheet hides (1-based), read from its XML."""
    try:
        xml = archive.read(path)
    except KeyError:
        return set(), set()
    if b'hidden="1"' not in xml and b'hidden="true"' not in xml:
        return set(), set()
    rows = {int(found[1] or found[2]) for found in _HIDDEN_ROW.finditer(xml)}
    columns: set[int] = set()
    for found in _HIDDEN_COLUMNS.finditer(xml[: xml.find(b"sheetData")]):
        tag = found[0]
        low, high = re.search(rb'\bmin="(\d+)"', tag), re.search(rb'\bmax="(\d+)"', tag)
        if re.search(rb'\bhidden="(?:1|true)"', tag) and low and high:
            columns.update(range(int(low[1]), min(int(high[1]), MAX_COLUMNS) + 1))
    return rows, columns


def _xls_grids(data: bytes) -> list[Grid]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, on_demand=True)
    grids = []
    for sheet in book.sheets():
        rows = []
        for r in range(min(sheet.nrows, MAX_ROWS)):
            cells = []
            for c in range(min(sheet.ncols, MAX_COLUMNS)):
                cell = sheet.cell(r, c)
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    value = None
                cells.append(Cell(value, f"{get_column_letter(c + 1)}{r + 1}"))
            rows.append(cells)
        grids.append(Grid(sheet.name, rows))
    return grids


def decode_text(data: bytes) -> str:
    """Text of a CSV in any common encoding: UTF-8 (with or without BOM), UTF-16, else detected."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    # UTF-16 written without its mark: every other byte of a Western text is a zero.
    if data[1::2].count(0) * 3 > len(data):
        return data.decode("utf-16-le", errors="replace")
    if data[0::2].count(0) * 3 > len(data):
        return data.decode("utf-16-be", errors="replace")
    # Western European exports are UTF-8 or Windows-1252 nearly always; a detector
    # guesses worse than that order on short files (° read as a Vietnamese letter).
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best and best.encoding not in ("ascii", "utf_8") else "cp1252"
    return data.decode(encoding, errors="replace")


def _csv_grid(data: bytes) -> Grid:
    text = decode_text(data)
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")  # rows ended by a carriage return alone (a Macintosh CSV)
    sample = "\n".join(text.splitlines()[:50])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        delimiter = max(";,\t|", key=sample.count)
    rows = []
    for r, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        if r > MAX_ROWS:
            break
        rows.append(
            [Cell(v or None, f"{get_column_letter(c)}{r}") for c, v in enumerate(row[:MAX_COLUMNS], 1)]
        )
    return Grid("csv", rows)
