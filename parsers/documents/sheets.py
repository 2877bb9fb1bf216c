"""Spreadsheet orders: XLSX, XLS, ODS and CSV read as grids, then the same table rules as PDFs.

The header row is found anywhere in the first rows by its words (data/layout.toml);
rows whose quantity is 0 or blank are not ordered; total rows are skipped;
header fields are read from a label and the cell to its right or below it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from models import DocumentKind, ExtractedLine, ExtractedOrder, Provenance, SourceRow
from parsers.documents.grid import Grid, cell_number
from parsers.documents.kinds import kind_of_title
from parsers.documents.rows import Cells, build_line, carry_article
from parsers.documents.sheet_fields import HEADER_SEARCH_ROWS, delivery_column_date, header_fields
from parsers.documents.sheet_files import MAX_ROWS, load_grids
from parsers.documents.sheet_header import CODE, column_role, find_header_row, header_by_contents
from parsers.documents.sheet_sizes import count_grid_at, find_size_header, read_size_grid
from parsers.documents.totals import check_order
from parsers.documents.unit_columns import (
    heading_unit,
    per_unit,
    quantity_columns,
    unit_headings,
)
from parsers.text.corrections import cancels, noted_count
from parsers.values.numbers import parse_number
from parsers.vocabulary.layout import LayoutVocabulary, default_vocabulary
from parsers.vocabulary.phrases import starts_with

SHEET_CONFIDENCE = 0.92
GUESSED_CONFIDENCE = 0.7
SHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods", ".fods", ".csv", ".tsv")
# A sheet beside the table's that holds the order's fields is short: a cover, not a list.
COVER_ROWS = 15


def read_sheet(
    data: bytes,
    filename: str,
    part: str,
    *,
    vocab: LayoutVocabulary | None = None,
    grids: list[Grid] | None = None,
) -> ExtractedOrder:
    """The order a spreadsheet holds: the first sheet with a line table. Raises DocumentReadError."""
    vocab = vocab or default_vocabulary()
    grids = grids if grids is not None else load_grids(data, filename, part)
    order = ExtractedOrder(source="spreadsheet", part=part, confidence=SHEET_CONFIDENCE)
    order.notes += [note for grid in grids if (note := grid.hidden_note())]
    tables = [(grid, header) for grid in grids if (header := find_header_row(grid, vocab)) is not None]
    for grid, (row_index, roles) in tables:
        _read_table(order, grid, row_index, roles, part, vocab)
    if tables:
        _cover_fields(order, [g for g in grids if all(g is not t for t, _ in tables)], part, vocab)
        order.rows += other_sheets(grids, order.rows, part, vocab)
        grid, (row_index, _roles) = tables[0]
        titles = [(c.text, 1.0) for row in grid.rows[:row_index] for c in row if isinstance(c.value, str)]
        order.document_kind = kind_of_title(titles, vocab)
        if order.document_kind == DocumentKind.UNKNOWN:
            order.document_kind = DocumentKind.PURCHASE_ORDER
        return check_order(order)
    for grid in grids:
        sizes = find_size_header(grid, vocab, HEADER_SEARCH_ROWS, column_role)
        if sizes is not None:
            order.rows = sheet_rows(grid, sizes.row, part, None)
            order.rows += other_sheets(grids, order.rows, part, vocab)
            read_size_grid(order, grid, sizes, part, vocab.rows["total"])
            header_fields(
                order,
                grid,
                sizes.row,
                {c for c, _ in sizes.sizes} | set(sizes.articles.values()),
                part,
                vocab,
            )
            order.document_kind = DocumentKind.PURCHASE_ORDER
            order.notes.append("a size grid: one line per filled size cell")
            return order
    for grid in grids:
        counts = count_grid_at(grid, part, HEADER_SEARCH_ROWS)
        if counts is not None:
            header, order.lines = counts
            order.rows = sheet_rows(grid, header, part, None)
            order.rows += other_sheets(grids, order.rows, part, vocab)
            header_fields(order, grid, header, set(range(len(grid.rows[header]))), part, vocab)
            order.document_kind = DocumentKind.PURCHASE_ORDER
            order.notes.append("a grid of counts: one line per filled cell")
            return order
    for grid in grids:
        counted = header_by_contents(grid, vocab)
        if counted is not None:
            _read_table(order, grid, counted[0], counted[1], part, vocab)
            order.confidence = GUESSED_CONFIDENCE
            order.notes.append("a column no heading names was told by its contents (counts, codes or names)")
            order.document_kind = DocumentKind.PURCHASE_ORDER
            return check_order(order)
    guessed = guess_columns(grids[0]) if grids else None
    if guessed:
        order.rows = sheet_rows(grids[0], -1, part, guessed.get("quantity"))
        order.rows += other_sheets(grids, order.rows, part, vocab)
        _read_lines(order, grids[0], -1, guessed, part, vocab.rows["total"])
        order.confidence = GUESSED_CONFIDENCE
        order.notes.append(
            "no header row: the code, designation and quantity columns were told by their contents"
        )
        return check_order(order)
    order.notes.append("no sheet has a table with a quantity column")
    order.document_kind = DocumentKind.UNKNOWN
    return order


def _cover_fields(order: ExtractedOrder, covers: list[Grid], part: str, vocab: LayoutVocabulary) -> None:
    """What the table's sheet leaves blank, from a short sheet of its own ('Infos': 'Commande' |
    'JV-7781', 'Adresse de livraison' | ...); never a sheet named as no order ('Historique')."""
    not_the_order = vocab.sheets.get("not_the_order", ())
    for grid in covers:
        filled = [row for row in grid.rows if any(cell.text for cell in row)]
        if filled and len(filled) <= COVER_ROWS and not starts_with(grid.name or "", not_the_order):
            header_fields(order, grid, len(grid.rows), set(), part, vocab)


def read_workbook(
    data: bytes, filename: str, part: str, *, vocab: LayoutVocabulary | None = None, grids: list[Grid]
) -> list[ExtractedOrder]:
    """The orders a workbook holds: one, or one per sheet when each sheet's table has its own order
    number above it (a group's sites, one tab each: 'Nantes' | 'N° commande OBTP-N-0331')."""
    vocab = vocab or default_vocabulary()
    tables = [grid for grid in grids if find_header_row(grid, vocab) is not None]
    if len(tables) > 1:
        orders = [read_sheet(data, filename, part, vocab=vocab, grids=[grid]) for grid in tables]
        numbers = {order.po_number.value for order in orders if order.po_number is not None}
        if len(numbers) == len(orders) and all(order.lines for order in orders):
            return orders
    return [read_sheet(data, filename, part, vocab=vocab, grids=grids)]


def _read_table(
    order: ExtractedOrder, grid: Grid, header: int, roles: dict[str, int], part: str, vocab: LayoutVocabulary
) -> None:
    """One sheet's line table into the order. An order may be spread over several sheets ('EPI' and
    'Signalisation'); a later sheet naming an article already read (a summary, a copy, past orders)
    or whose rows carry dates of their own (a log of past orders) adds none."""
    sheet = ExtractedOrder(source="spreadsheet", part=part)
    _read_lines(sheet, grid, header, roles, part, vocab.rows["total"])
    if order.rows and (
        any(_named(a) == _named(b) for a in sheet.lines for b in order.lines) or _dated_rows(grid, header)
    ):
        order.notes.append(f"sheet '{grid.name}' is no part of the order (past orders, a copy): not read")
        return
    # What a pack holds is written beside the number of packs, a corrected count in the remark: the
    # checks read them with the quantity.
    beside = [roles[role] for role in ("pack", "comment") if role in roles]
    order.rows += sheet_rows(grid, header, part, quantity_columns(roles), beside=beside)
    for line in sheet.lines:
        order.lines.append(line.model_copy(update={"line_no": len(order.lines) + 1}))
    header_fields(order, grid, header, set(roles.values()), part, vocab)
    delivery_column_date(order, grid, header, roles.get("delivery"), part)


def _named(line: ExtractedLine) -> str:
    named = line.code or line.description
    return named.value.lower() if named else ""


def _dated_rows(grid: Grid, header: int) -> bool:
    """A column holding two different dates below the header: each row is dated, a log, not one order."""
    dates: dict[int, set[str]] = {}
    for row in grid.rows[header + 1 : header + 201]:
        for column, cell in enumerate(row):
            if isinstance(cell.value, dt.date) or _DATE_CELL.match(cell.text):
                dates.setdefault(column, set()).add(cell.text)
    return any(len(found) > 1 for found in dates.values())


_DATE_CELL = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:[ T][\d:]+)?$")


def other_sheets(
    grids: list[Grid], read: list[SourceRow], part: str, vocab: LayoutVocabulary
) -> list[SourceRow]:
    """The rows of the sheets no line was read from: an order may go on there, and the checks must
    see what was not read; a sheet named as no order ('Historique', 'Tarifs') is left."""
    seen = {row.provenance.sheet for row in read if row.provenance is not None}
    not_the_order = vocab.sheets.get("not_the_order", ())
    return [
        row.model_copy(update={"region": "other"})
        for grid in grids
        if grid.name not in seen and not starts_with(grid.name or "", not_the_order)
        for row in sheet_rows(grid, len(grid.rows), part, None)
    ]


def sheet_rows(
    grid: Grid, header: int, part: str, quantity: int | list[int] | None, *, beside: list[int] | None = None
) -> list[SourceRow]:
    """Every non-empty row of the sheet read, its header row and what is above it or below it, for the checks;
    a row's quantity is what its quantity columns write, with the `beside` cells (what a pack holds, a remark)."""
    columns = [quantity] if isinstance(quantity, int) else quantity or []
    rows = []
    for index, row in enumerate(grid.rows[:MAX_ROWS]):
        cells = [c for c in row if c.text]
        if not cells:
            continue
        below = index > header
        written = " ".join(row[c].text for c in columns if c < len(row) and row[c].text)
        if _ordered(written):
            written = " ".join(
                [written, *(row[c].text for c in beside or [] if c < len(row) and row[c].text)]
            )
        rows.append(
            SourceRow(
                text=" | ".join(c.text for c in cells),
                region="lines" if below else "header",
                provenance=Provenance(part=part, sheet=grid.name, cell=cells[0].ref, rule="sheet-row"),
                quantity=written if below and columns else None,
            )
        )
    return rows


def _ordered(written: str) -> bool:
    count = parse_number(written) if written else None
    return count is not None and count > 0


def guess_columns(grid: Grid) -> dict[str, int] | None:
    """Roles of a headerless table ('VIS-440-200;12'), from what its columns hold; None when unclear.

    One column of quantities (small numbers), a column of codes (one word with a digit,
    or a number of five digits or more) or of designations; every row filled alike.
    """
    rows = [row for row in grid.rows[:200] if any(c.text for c in row)]
    if len(rows) < 2 or len({sum(1 for c in row if c.text) for row in rows}) != 1:
        return None
    kinds = [_column_kind([row[i].text for row in rows if i < len(row)]) for i in range(len(rows[0]))]
    roles: dict[str, int] = {}
    for index, kind in enumerate(kinds):
        if kind and kind not in roles:
            roles[kind] = index
    if kinds.count("quantity") != 1 or not roles.keys() & {"code", "description"}:
        return None
    return roles


def _column_kind(values: list[str]) -> str | None:
    filled = [v for v in values if v]
    if not filled:
        return None
    if all(parse_number(v) is not None and len(v.replace(",", "").replace(".", "")) < 5 for v in filled):
        return "quantity"
    if all(CODE.match(v) and any(ch.isdigit() for ch in v) for v in filled):
        return "code"
    return "description" if all(any(ch.isalpha() for ch in v) for v in filled) else None


def _noted_quantity(cells: Cells) -> None:
    # 'corriger : 2 au lieu de 1' in the row's comment column: the count that stands, when it
    # replaces the one in the quantity column.
    comment, quantity = cells.get("comment"), cells.get("quantity")
    noted = noted_count(str(comment[0])) if comment and quantity else None
    if noted is not None and _as_number(quantity[0]) == noted[1]:
        cells["quantity"] = (noted[0], comment[1])


def _as_number(value: str | Decimal) -> Decimal | None:
    return value if isinstance(value, Decimal) else parse_number(value)


def _counted_in(grid: Grid, header: int, roles: dict[str, int]) -> str | None:
    # 'Qté colis' | 'Nb cartons': the quantity column says what it counts.
    column = roles.get("quantity")
    row = grid.rows[header] if header >= 0 else []
    return heading_unit(row[column].text) if column is not None and column < len(row) else None


def _read_lines(
    order: ExtractedOrder, grid: Grid, header: int, roles: dict[str, int], part: str, totals: tuple[str, ...]
) -> None:
    texts = [c.text for row in grid.rows[header + 1 :] for c in row if isinstance(c.value, str)]
    decimal_comma = sum(t.count(",") for t in texts) >= sum(t.count(".") for t in texts)
    headings = unit_headings(grid, header, roles)
    counted = _counted_in(grid, header, roles) if not headings else None
    last: Cells = {}
    for row in grid.rows[header + 1 :]:
        first = next((c.text for c in row if c.text), "")
        if not first or starts_with(first, totals):
            continue
        cells = {}
        for role, column in roles.items():
            if column < len(row) and row[column].text:
                cell = row[column]
                prov = Provenance(part=part, sheet=grid.name, cell=cell.ref, rule="sheet-table")
                cells[role] = (cell_number(cell.value), prov)
        cells = carry_article(cells, last)
        if cells is None:
            continue
        if cancels(str(cells.get("comment", ("",))[0])):
            continue  # 'annulé' in the row's comment column: the customer struck the row
        _noted_quantity(cells)
        if counted and "quantity" in cells:
            cells["heading_unit"] = (counted, cells["quantity"][1])
        for one in per_unit(cells, headings):
            line = build_line(
                len(order.lines) + 1, one, decimal_comma=decimal_comma, confidence=SHEET_CONFIDENCE
            )
            if line is not None:
                order.lines.append(line)
