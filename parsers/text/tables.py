"""Line tables: a header row naming columns, then one order line per row.

Reads tab-, pipe- or space-aligned tables written in a text body, and the
`models.Table` rows of an HTML body. A header row names a quantity column and
a code or designation column (the [columns] of parsers/data/layout.toml); rows whose quantity
is empty or 0 (procurement templates) and total rows are not lines.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedLine, Provenance, Table, TableCell
from parsers.documents.rows import MEASURED_COUNT_CONFIDENCE
from parsers.documents.rows import carry_article as carry_row_article
from parsers.documents.unit_columns import heading_unit
from parsers.text.count_grid import read_count_grid
from parsers.text.line_noise import opens_no_item
from parsers.text.packs import counted_packs, measured, pieces_by_total, read_pack
from parsers.text.quantity_groups import counted_columns, heading_rows
from parsers.text.table_roles import column_role, roles_of, split_joined_headings
from parsers.values.numbers import ERP_ITEM, NUMBER, erp_quantity, parse_number, without_spelled_count
from parsers.values.units import count_of_measures, normalise_unit
from parsers.vocabulary.grouped import joined_headings
from parsers.vocabulary.layout import DESIGNATION_ROLES, default_vocabulary
from parsers.vocabulary.phrases import starts_with

_TAB, _PIPE, _SPACES = re.compile(r"\t"), re.compile(r"[ \t]*\|[ \t]*"), re.compile(r"\s{2,}")
# Tabs typed to line columns up on screen: as many as the width of each cell needs, a run of them one cut.
_TABS = re.compile(r"\t+")
_SEPARATORS = (_TAB, _PIPE, _SPACES)
# A count as a quantity cell writes it: '4', '4 btes', 'x 4', '4x' (the 'x' of a count, never a unit).
_QTY_CELL = re.compile(
    rf"^\s*(?:[x×]\s*)?(?P<qty>{NUMBER})\s*(?:[x×](?![\w²])\s*)?(?P<unit>[^\W\d_][\w²]*\.?)?\s*$", re.I
)

Cell = tuple[str, tuple[int, int]]  # text, (start, end) within its line


class Header:
    """The columns a header row names: role -> column index, and each column's start."""

    def __init__(
        self,
        roles: dict[str, int],
        starts: list[int],
        separator: re.Pattern[str],
        *,
        outer: bool = True,
        texts: tuple[str, ...] = (),
    ) -> None:
        self.roles, self.starts, self.separator, self.texts = roles, starts, separator, texts
        self.outer = outer  # the header row opens with a pipe: so do its rows
        self.article: dict[str, Cell] = {}  # the article cells of the last row that wrote them
        quantity = roles.get("quantity")
        # the unit the quantity's heading names ('Nb cartons')
        self.counted_in = (
            heading_unit(texts[quantity]) if quantity is not None and quantity < len(texts) else None
        )
        self.aligned: tuple[dict[str, int], int] | None = None  # roles and cells with runs of tabs one cut


def _tab_aligned(line: str, header: Header) -> Header:
    """A tab header padded with runs of tabs ('Article\t\tDésignation\t\t\tQuantité'): its rows pad
    each cell with as many tabs as its width needs, so a run of tabs is one cut there."""
    if header.separator is _TAB and re.search(r"\t\t", line.strip("\t")):
        texts = [text for text, _ in split_cells(line.strip("\t"), _TABS)]
        roles = roles_of(texts)
        if roles is not None:
            header.aligned = (roles, len(texts))
    return header


def split_cells(line: str, separator: re.Pattern[str], *, outer: bool = True) -> list[Cell]:
    """The cells of one row with their character spans.

    Tab and pipe rows keep their empty cells (a blank code column); space-aligned
    rows drop them and are placed by column position instead.
    """
    cells, at = [], 0
    for sep in separator.finditer(line):
        cells.append((line[at : sep.start()], (at, sep.start())))
        at = sep.end()
    cells.append((line[at:], (at, len(line))))
    if separator is _PIPE:
        # "| a | b |": the outer pipes open and close the row; under a header "a | b" an empty first
        # cell is a blank code column.
        if outer and cells and not cells[0][0].strip():
            cells = cells[1:]
        if cells and not cells[-1][0].strip():
            cells = cells[:-1]
        return [(t.strip(), span) for t, span in cells]
    if separator is _SPACES:
        return [(t.strip(), span) for t, span in cells if t.strip()]
    return cells


def read_header(line: str, above: str = "") -> Header | None:
    """The header a line is, when its cells name a quantity and a code or designation; with the row
    above it when that one groups its headings ('Article' over 'N° | Libellé') and names more so."""
    for separator in _SEPARATORS:
        cells = split_cells(line, separator)
        cells = split_joined_headings(cells, line) if separator is _SPACES else cells
        if len(cells) < 2:
            continue
        roles = roles_of([text for text, _ in cells])
        upper = [text for text, _ in split_cells(above, separator)] if separator is not _SPACES else []
        if len(upper) >= 2 and len(upper) <= len(cells):
            grouped = roles_of(joined_headings(upper, [text for text, _ in cells], column_role))
            roles = grouped if grouped is not None and _named(grouped) > _named(roles or {}) else roles
        if roles is not None:
            outer = separator is not _PIPE or line.lstrip().startswith("|")
            texts = tuple(text for text, _ in cells)
            header = Header(roles, [span[0] for _, span in cells], separator, outer=outer, texts=texts)
            return _tab_aligned(line, header)
    return None


def stacked(above: Header | None, below: Header) -> Header:
    """A heading row right under another ('Article' merged over 'No.' | 'Text', 'Quantity' over 'Qty' |
    'UoM'): each of its headings that names no column alone, or a number alone ('No.': the article's
    under 'Article'), is named with the one above it."""
    if above is None or above.separator is not below.separator or len(above.texts) != len(below.texts):
        return below
    texts = [
        f"{up} {low}" if up.strip() and column_role(low) in (None, "line") else low
        for up, low in zip(above.texts, below.texts, strict=True)
    ]
    roles = roles_of(texts)
    if roles is None or len(set(roles) - {"line"}) <= len(set(below.roles) - {"line"}):
        return below
    return Header(roles, below.starts, below.separator, outer=below.outer, texts=tuple(texts))


def _named(roles: dict[str, int]) -> int:
    return len(roles.keys() - {"line"})  # a line number names no column of the article


_WORDS = re.compile(r"[^\W\d_]{3,}")


def read_row(line: str, header: Header, *, part: str, start: int) -> ExtractedLine | None:
    """The order line a table row carries, or None (blank quantity, total row, not a row)."""
    cells = split_cells(line, header.separator, outer=header.outer)
    roles = header.roles
    if header.separator is _SPACES and len(cells) != len(header.starts):
        # A row with a cell for every column is read in order, however its cells line up with the
        # header's words (a header padded wider than its rows); a row with fewer is placed by position.
        cells = _align(cells, header.starts)
    elif header.aligned is not None:
        padded = [(text, span) for text, span in split_cells(line, _TABS) if text or span[0]]
        if len(padded) == header.aligned[1]:
            cells, roles = padded, header.aligned[0]
    if len(cells) < 2:
        return None
    cells, carried = carry_article(cells, roles, header.article)
    found = line_from_cells(
        cells, roles, part=part, start=start, rule="text-table", counted_in=header.counted_in
    )
    return found.model_copy(update={"confidence": CARRIED_CONFIDENCE}) if found and carried else found


# A row naming its article by the row above names it less surely than one writing it out.
CARRIED_CONFIDENCE = 0.8


def carry_article(cells: list[Cell], roles: dict[str, int], last: dict[str, Cell]) -> tuple[list[Cell], bool]:
    """A row that leaves its code and designation blank and fills a size or colour column orders the
    article of the row above in that size or colour ('Veste softshell | M | 2' then ' | L | 3'), as a
    sheet's row does (`parsers.documents.rows.carry_article`); returns the cells and whether the
    article was carried down."""
    by_role = {role: cell for role in roles if (cell := _cell(cells, roles, role))}
    carried = carry_row_article(by_role, last)
    if carried is None or carried is by_role:
        return cells, False
    filled = list(cells) + [("", (0, 0))] * (max(roles.values()) + 1 - len(cells))
    for role in last:
        filled[roles[role]] = carried[role]
    return filled, True


def is_uncounted_row(line: str, header: Header) -> bool:
    """A row of the table that names an article and leaves its count blank ('| Black tea | box 100 |',
    a remark 'still in stock' beside it), or a heading merged across over a group of rows: no line, and
    the table goes on under it. Only cells cut by tabs or pipes are placed surely enough to tell a
    blank count from a sentence."""
    if header.separator is _SPACES:
        return False
    cells = split_cells(line, header.separator, outer=header.outer)
    if not 2 <= len(cells) <= len(header.starts):
        return False
    filled = [text for text, _ in cells if text.strip()]
    if len(filled) == 1 and cells[0][0].strip() and not re.search(r"\d", filled[0]):
        return True  # 'Front of house |  |  |': a heading merged across, over the rows of one group
    named = _cell(cells, header.roles, "description") or _cell(cells, header.roles, "code")
    if named is None or starts_with(named[0], default_vocabulary().rows["total"]):
        return False
    return _cell(cells, header.roles, "quantity") is None


def is_unread_row(line: str, header: Header) -> bool:
    """A row of the table, a cell under each heading, that names an article and writes a count the row
    reader cannot read ('2 x 5 L', 'à voir'): the table goes on under it, and the row, left unread, holds
    the order for a clerk instead of ending the table and losing the rows after it."""
    if header.separator is _SPACES:
        return False
    cells = split_cells(line, header.separator, outer=header.outer)
    if len(cells) != len(header.starts):
        return False
    named = _cell(cells, header.roles, "description") or _cell(cells, header.roles, "code")
    return (
        named is not None
        and _cell(cells, header.roles, "quantity") is not None
        and not opens_no_item(named[0])
    )


def _align(cells: list[Cell], starts: list[int]) -> list[Cell]:
    """Space-aligned rows: put each cell in the column whose start is nearest."""
    aligned: list[Cell] = [("", (0, 0))] * len(starts)
    for text, span in cells:
        column = min(range(len(starts)), key=lambda i: abs(starts[i] - span[0]))
        if aligned[column][0]:
            text = f"{aligned[column][0]} {text}"
            span = (aligned[column][1][0], span[1])
        aligned[column] = (text, span)
    return aligned


def line_from_cells(
    cells: list[Cell],
    roles: dict[str, int],
    *,
    part: str,
    start: int,
    rule: str,
    counted_in: str | None = None,
) -> ExtractedLine | None:
    """An order line from the cells of one row, each value keeping its cell span; a bare count counts in
    the unit its heading names (`counted_in`, 'Qté colis')."""
    qty_cell = _cell(cells, roles, "quantity")
    desc_cell, code_cell = _cell(cells, roles, "description"), _cell(cells, roles, "code")
    if qty_cell is None or (desc_cell is None and code_cell is None):
        return None
    if desc_cell is None and "description" in roles and len(_WORDS.findall(code_cell[0])) >= 2:
        desc_cell, code_cell = code_cell, None  # a designation written across the code's cell, merged
    if opens_no_item((desc_cell or code_cell)[0]):
        return None
    qty_text = without_spelled_count(qty_cell[0])
    qty_match = _QTY_CELL.match(qty_text)
    counted = None if qty_match else counted_packs(qty_text)  # '2 boîtes de 100', '3 lots of 10'
    filled = None if qty_match or counted else count_of_measures(qty_text)  # '2 x 5 L'
    quantity = parse_number(qty_match["qty"]) if qty_match else counted[0] if counted else None
    quantity = Decimal(filled[0]) if filled else quantity
    item = _cell(cells, roles, "line")
    if qty_match and item and ERP_ITEM.fullmatch(item[0]):
        quantity = erp_quantity(qty_match["qty"]) or quantity
    if not quantity:
        return None
    unit_cell, pack_cell = _cell(cells, roles, "unit"), _cell(cells, roles, "pack")
    unit = normalise_unit(unit_cell[0]) if unit_cell else None
    if unit is None and (counted or (qty_match and qty_match["unit"])):
        unit, unit_cell = counted[1] if counted else normalise_unit(qty_match["unit"]), qty_cell
    pack_unit, pack_size = read_pack(pack_cell[0]) if pack_cell else (None, None)
    # The packaging tells two sizes of one product apart ('paquet de 10', '5 L can'), as in documents.
    told = pack_cell if pack_cell and re.search(r"\d", pack_cell[0]) and desc_cell else None
    if pack_cell is None and counted:
        pack_cell, pack_size = qty_cell, counted[2]
        told = (counted[3], qty_cell[1]) if desc_cell else None  # 'boîtes de 100', after the count
    if filled and desc_cell:
        told = (filled[1], qty_cell[1])  # the 5 L can of a product sold in several sizes
    if unit is None and pack_unit is not None:
        unit, unit_cell = pack_unit, pack_cell
    if unit is None and counted_in is not None:
        unit, unit_cell = normalise_unit(counted_in), qty_cell
    price_cell, total_cell = _cell(cells, roles, "unit_price"), _cell(cells, roles, "amount")
    price = _money(price_cell[0]) if price_cell else None
    pieces = pieces_by_total(quantity, unit, price, _money(total_cell[0]) if total_cell else None)
    if pieces is not None:  # the line total counts the pieces of the pair written: the article's own unit
        quantity, unit, unit_cell = pieces, None, None

    def value(found: Cell | None, data, kind):
        if found is None or data is None:
            return None
        prov = Provenance(part=part, span=(start + found[1][0], start + found[1][1]), rule=rule)
        return Extracted[kind](value=data, confidence=0.95, provenance=prov)

    variants = [_cell(cells, roles, role) for role in DESIGNATION_ROLES]
    # A column no heading names that gives a measure ('Contenance | 30 L', 'Épaisseur | 50 µ') tells the
    # article's size as a size column does; one of words ('Zone | Hall') is the customer's own.
    named = set(roles.values())
    variants += [cell for i, cell in enumerate(cells) if i not in named and cell[0] and measured(cell[0])]
    desc_cell = _with_variant(desc_cell, [*variants, told])
    read = value(qty_cell, quantity, Decimal)
    if filled and read is not None:
        read.confidence = (
            MEASURED_COUNT_CONFIDENCE  # '2 x 5 L' may count litres where the catalogue sells them
        )
    return ExtractedLine(
        line_no=0,
        code=value(code_cell, code_cell[0] if code_cell else None, str),
        description=value(desc_cell, desc_cell[0] if desc_cell else None, str),
        quantity=read,
        unit=value(unit_cell, unit, str),
        unit_price=value(price_cell, price, Decimal),
        pack_size=value(pack_cell, pack_size, Decimal),
        provenance=Provenance(part=part, span=(start + cells[0][1][0], start + cells[-1][1][1]), rule=rule),
        confidence=0.95,
    )


def _with_variant(desc: Cell | None, variants: list[Cell | None]) -> Cell | None:
    """The designation with the size and colour the row gives in columns of their own ('BOT-S5-200 |
    42 | 10': the code names a family, the size its article), spanning them all."""
    cells = [c for c in (desc, *variants) if c is not None]
    if not cells or cells == [desc]:
        return desc
    words = " ".join(text for text, _ in cells)
    return words, (min(span[0] for _, span in cells), max(span[1] for _, span in cells))


def _cell(cells: list[Cell], roles: dict[str, int], role: str) -> Cell | None:
    index = roles.get(role)
    if index is None or index >= len(cells) or not cells[index][0].strip():
        return None
    return cells[index][0].strip(), cells[index][1]


def _money(text: str) -> Decimal | None:
    cleaned = re.sub(r"[€$£]|\b(?:EUR|HT|TTC)\b", "", text, flags=re.I).strip()
    return parse_number(cleaned) if cleaned else None


def read_table(table: Table, *, part: str) -> list[ExtractedLine]:
    """Order lines of one HTML/spreadsheet table: the first row naming columns is the header."""
    rows = table.texts()
    for index, row in enumerate(rows):
        roles = roles_of([" ".join(text.split()) for text in row])
        if roles is None:
            continue
        roles, below = _under_group_headings(roles, row, rows[index + 1 : index + 2])
        counts = counted_columns(rows, index, roles)
        lines, last, counted_in = [], {}, heading_unit(row[roles["quantity"]])
        for cells_row in table.rows[index + 1 + max(below, heading_rows(counts)) :]:
            cells = [(" ".join(c.text.split()), (0, 0)) for c in cells_row]
            cells, _ = carry_article(cells, roles, last)
            for counted in ({**roles, "quantity": column} for column in counts):
                found = line_from_cells(
                    cells, counted, part=part, start=0, rule="html-table", counted_in=counted_in
                )
                if found is not None:
                    lines.append(_with_cell_provenance(found, cells_row, counted, table.provenance, part))
        return lines
    return read_count_grid(table, part=part)


def _under_group_headings(
    roles: dict[str, int], row: list[str], next_rows: list[list[str]]
) -> tuple[dict[str, int], int]:
    """A header over two rows ('Article | Détail | | Qté' over 'Modèle | Coloris', merged cells laid out):
    the roles of both read together when they name more columns, and how many heading rows follow the first."""
    if not next_rows or any(re.search(r"\d", text) for text in next_rows[0]):
        return roles, 0
    upper = [" ".join(text.split()) for text in row]
    lower = [" ".join(text.split()) for text in next_rows[0]]
    grouped = roles_of(joined_headings(upper, lower, column_role))
    if grouped is None or _named(grouped) <= _named(roles):
        return roles, 0
    return grouped, 1


_FIELD_ROLES = {
    "code": "code",
    "description": "description",
    "quantity": "quantity",
    "unit_price": "unit_price",
}


def _with_cell_provenance(
    line: ExtractedLine, row: list[TableCell], roles: dict[str, int], fallback: Provenance | None, part: str
) -> ExtractedLine:
    """Each value of a table line points at its own cell (as the table reader placed it)."""
    table_prov = fallback or Provenance(part=part, rule="html-table")

    def cell_prov(role: str) -> Provenance:
        index = roles.get(role)
        found = row[index].provenance if index is not None and index < len(row) else None
        return found or table_prov

    for field, role in {**_FIELD_ROLES, "unit": "unit" if "unit" in roles else "quantity"}.items():
        value = getattr(line, field)
        if value is not None:
            value.provenance = cell_prov(role)
    line.provenance = row[0].provenance or table_prov
    return line
