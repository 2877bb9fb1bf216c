"""Header fields of a spreadsheet order: the cells above its table or beside it.

Small customers' sheets label their fields every way: a label and the cell to
its right or below it ('N° de commande' | 'SB-43'), the label and the value in
one cell ('N° : ACH-26-2911'), or the title followed by the number
('Commande' | 'EPI-26-553', 'Commande 0458/2026'). A per-line delivery column
that gives every line the same date is the order's delivery date.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from models import Extracted, ExtractedOrder, Provenance
from parsers.documents.grid import Cell, Grid, cell_number
from parsers.documents.kinds import ends_title, titled_number
from parsers.text.ship_to import address_end, names_a_place_only
from parsers.values.dates import find_date
from parsers.values.numbers import parse_number
from parsers.vocabulary.layout import REQUEST_RULE, LayoutVocabulary
from parsers.vocabulary.phrases import match_phrases, normalize

HEADER_SEARCH_ROWS = 40
_PO = re.compile(r"^(?=.*\d)[A-Z0-9][A-Z0-9\-/_.]{2,39}$", re.I)
_DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{1,4})?$")
# A bare number sign labels the order's number when it sits above the table.
_BARE_PO_LABELS = {"n", "no", "nr", "numero", "num", "number"}
# A sheet's title block labels the order's own number 'Ref' | 'LR-2112' (kept only in that shape: the
# label opening its cell above the table, an order number after its colon or beside it).
_REFERENCE_LABELS = {"ref", "reference"}
_BUYER_LABELS = {"client", "customer", "kunde", "acheteur", "buyer", "commune"}
# A works site named above the table ('Site' | 'Trenching works, ZAC des Gaulnes, 69330 Meyzieu'): where the
# goods go when its value is an address with its postcode and town (a web site's label is no delivery).
_SITE_LABELS = {
    "site",
    "chantier",
    "job site",
    "jobsite",
    "site address",
    "adresse chantier",
    "adresse du chantier",
}
_SITE = "site"


def header_fields(
    order: ExtractedOrder,
    grid: Grid,
    header: int,
    table_columns: set[int],
    part: str,
    vocab: LayoutVocabulary,
) -> None:
    """Fill the order's PO, dates, ship-to, VAT and total from labelled cells."""
    # Labels sit above the table or beside it (never inside its columns below the header).
    for r, row in enumerate(grid.rows[: HEADER_SEARCH_ROWS + header]):
        for c, cell in enumerate(row):
            if not isinstance(cell.value, str) or (r >= header and c in table_columns):
                continue
            found = labelled_value(grid, r, c, vocab, above_table=r < header)
            if found is not None:
                set_field(order, found[0], found[1], grid.name, part)
    if order.buyer_name is None:
        _buyer_name(order, grid, header, part)


def labelled_value(
    grid: Grid, r: int, c: int, vocab: LayoutVocabulary, *, above_table: bool
) -> tuple[str, Cell] | None:
    """(field, value cell) when the cell at (r, c) labels a field, its value in it or beside it."""
    cell = grid.rows[r][c]
    label, colon, rest = cell.text.partition(":")
    label_tokens = normalize(label).split()
    inline = Cell(rest.strip(), cell.ref) if colon and rest.strip() else None
    numbered = number_after_label(cell, vocab, above_table=above_table)
    if numbered is not None:
        return ("po_number", numbered)
    if above_table and " ".join(label_tokens) in _REFERENCE_LABELS:
        value = inline or value_beside(grid, r, c)
        return ("po_number", value) if value is not None and is_po(value) else None
    field = _field_of(label_tokens, vocab, above_table=above_table)
    if field is not None:
        value = inline or _after_label(cell, vocab) or _value_of_label(grid, r, c, vocab, above_table)
        return (field, value) if value is not None else None
    if colon:
        # 'Purchase order: CR-2026-051': a title as the label, its number in the cell or beside it
        # ('Commande :' | 'CG-2711').
        titled = titled_number(label.split(), vocab) == len(label.split())
        value = (inline or value_beside(grid, r, c)) if titled else None
        return ("po_number", value) if value is not None and is_po(value) else None
    # A title and the number that follows it, in the cell or beside it: 'Commande 0458/2026'.
    words = cell.text.split()
    at = titled_number(words, vocab)
    if at is None:
        return _titled_after_name(cell, vocab)
    if len(words) > at + 1 and not ends_title(words, at):
        return None
    value = Cell(words[at], cell.ref) if at < len(words) else value_beside(grid, r, c)
    return ("po_number", value) if value is not None and is_po(value) else None


def _titled_after_name(cell: Cell, vocab: LayoutVocabulary) -> tuple[str, Cell] | None:
    # 'Syndicat des Eaux - Bon de commande n° SET-BC-311': the title after the buyer's name, in one cell.
    words = _SEPARATOR.split(cell.text)[-1].split()
    at = titled_number(words, vocab)
    if at is None or at != len(words) - 1 or len(words) == len(cell.text.split()):
        return None
    value = Cell(words[at], cell.ref)
    return ("po_number", value) if is_po(value) else None


_SEPARATOR = re.compile(r"\s+[-–—|]\s+")


def _after_label(cell: Cell, vocab: LayoutVocabulary) -> Cell | None:
    # 'Purchase order no. PO-10455': one word after the label, in the label's own cell, or followed by the
    # order's date ('Bon de commande n° CG-2711 du 28/11/2026').
    words = cell.text.split()
    spans = match_phrases(normalize(cell.text).split(), vocab.fields)
    if not spans:
        return None
    for size in range(1, len(words)):
        if len(normalize(" ".join(words[:size])).split()) == spans[0][2]:
            rest = Cell(words[size], cell.ref) if size == len(words) - 1 or ends_title(words, size) else None
            return rest if rest is not None and (is_po(rest) or as_date(rest.value)) else None
    return None


def number_after_label(cell: Cell, vocab: LayoutVocabulary, *, above_table: bool) -> Cell | None:
    """The number in 'N° BC-7781' or 'No. PO-88123': an order label, then one number whose own letters
    may read as a label ('BC', 'PO') once the cell is normalised."""
    words = cell.text.split()
    if len(words) < 2 or not is_po(number := Cell(words[-1], cell.ref)):
        return None
    tokens = normalize(" ".join(words[:-1])).split()
    spans = match_phrases(tokens, vocab.fields)
    labelled = bool(spans) and spans[0] == ("po_number", 0, len(tokens))
    return number if labelled or (above_table and " ".join(tokens) in _BARE_PO_LABELS) else None


def _field_of(tokens: list[str], vocab: LayoutVocabulary, *, above_table: bool) -> str | None:
    if not tokens:
        return None
    if above_table and " ".join(tokens) in _BARE_PO_LABELS:
        return "po_number"
    if above_table and " ".join(tokens) in _SITE_LABELS:
        return _SITE
    spans = match_phrases(tokens, vocab.fields)
    return spans[0][0] if spans and spans[0][1] == 0 else None


def is_po(cell: Cell) -> bool:
    """Does the cell hold an order number ('AEF/26/329', '4500012877'), not a date or a phrase?"""
    if isinstance(cell.value, (dt.date, dt.datetime)):
        return False
    text = cell.text
    return bool(_PO.match(text)) and not _DATE_LIKE.match(text)


def _value_of_label(grid: Grid, r: int, c: int, vocab: LayoutVocabulary, above_table: bool) -> Cell | None:
    """The value beside a label; in a row of labels ('N° de commande' | 'Date' | 'Délai' over their values),
    the cell below it, since the cell to its right is the next label."""
    value, below = value_beside(grid, r, c), _below(grid, r, c)
    if value is None or value is below or not isinstance(value.value, str) or is_po(value):
        return value
    numbered = number_after_label(value, vocab, above_table=above_table)
    if numbered is not None:
        return numbered
    labels_next = _field_of(normalize(value.text.partition(":")[0]).split(), vocab, above_table=above_table)
    return value if labels_next is None else below


def _below(grid: Grid, r: int, c: int) -> Cell | None:
    below = grid.rows[r + 1][c] if r + 1 < len(grid.rows) and c < len(grid.rows[r + 1]) else None
    return below if below is not None and below.text else None


def value_beside(grid: Grid, r: int, c: int) -> Cell | None:
    """The first filled cell to the right of (r, c) within three columns, else the one below it."""
    row = grid.rows[r]
    right = next((cell for cell in row[c + 1 : c + 4] if cell.text), None)
    return right if right is not None else _below(grid, r, c)


def _buyer_name(order: ExtractedOrder, grid: Grid, header: int, part: str) -> None:
    for r, row in enumerate(grid.rows[:header]):
        label = next((cl for cl in row if cl.text), None)
        if label and normalize(label.text) in _BUYER_LABELS:
            value = value_beside(grid, r, row.index(label))
            if value is not None:
                order.buyer_name = Extracted[str](
                    value=value.text, confidence=0.7, provenance=_prov(part, grid.name, value)
                )
                return


def _prov(part: str, sheet: str, cell: Cell) -> Provenance:
    return Provenance(part=part, sheet=sheet, cell=cell.ref, rule="sheet-field")


def set_field(order: ExtractedOrder, field: str, cell: Cell, sheet: str, part: str) -> None:
    """Set one header field from its value cell, unless the order already has it."""
    prov = _prov(part, sheet, cell)
    if field in ("order_date", "delivery_date"):
        attr = "order_date" if field == "order_date" else "requested_delivery_date"
        date = as_date(cell.value)
        if date and getattr(order, attr) is None:
            setattr(order, attr, Extracted[dt.date](value=date, confidence=0.95, provenance=prov))
    elif field == "po_number" and _open_po(order) and any(ch.isdigit() for ch in cell.text):
        order.po_number = Extracted[str](value=cell.text, confidence=0.95, provenance=prov)
    elif field == "request_number" and order.po_number is None and is_po(cell):
        request = prov.model_copy(update={"rule": REQUEST_RULE})
        order.po_number = Extracted[str](value=cell.text, confidence=0.85, provenance=request)
    elif field == "ship_to" and order.ship_to is None and not names_a_place_only(cell.text):
        order.ship_to = Extracted[str](value=cell.text, confidence=0.9, provenance=prov)
    elif field == _SITE and order.ship_to is None and address_end(cell.text) is not None:
        order.ship_to = Extracted[str](value=cell.text, confidence=0.8, provenance=prov)
    elif field == "buyer_vat" and order.buyer_vat is None:
        order.buyer_vat = Extracted[str](value=cell.text.replace(" ", ""), confidence=0.9, provenance=prov)
    elif field == "total_excl_vat" and order.total_excl_vat is None:
        raw = cell_number(cell.value)
        value = raw if isinstance(raw, Decimal) else parse_number(raw)
        if value is not None:
            order.total_excl_vat = Extracted[Decimal](value=value, confidence=0.9, provenance=prov)


def _open_po(order: ExtractedOrder) -> bool:
    """No order number yet, or only a purchase request's, which an order number printed anywhere replaces."""
    read = order.po_number
    return read is None or (read.provenance is not None and read.provenance.rule == REQUEST_RULE)


def as_date(value: object) -> dt.date | None:
    """The date a cell holds: a real date cell, or a date written in its text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    found = find_date(str(value)) if value is not None else None
    return found[0] if found else None


def delivery_column_date(
    order: ExtractedOrder, grid: Grid, header: int, column: int | None, part: str
) -> None:
    """The order's delivery date from a per-line delivery column when every ordered line says the same."""
    if column is None or order.requested_delivery_date is not None or not order.lines:
        return
    rows = {line.provenance.cell for line in order.lines if line.provenance and line.provenance.cell}
    cells = [
        row[column]
        for row in grid.rows[header + 1 :]
        if column < len(row) and any(cell.ref in rows for cell in row)
    ]
    dates = {as_date(cell.value) for cell in cells}
    if len(cells) == len(order.lines) and len(dates) == 1 and None not in dates:
        prov = Provenance(part=part, sheet=grid.name, cell=cells[0].ref, rule="sheet-line-dates")
        order.requested_delivery_date = Extracted[dt.date](value=dates.pop(), confidence=0.9, provenance=prov)
