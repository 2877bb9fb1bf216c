"""Line tables: a header row naming columns, then one order line per row.

Reads tab-, pipe- or space-aligned tables written in a text body, and the
`models.Table` rows of an HTML body. A header row names a quantity column and
a code or designation column (the [columns] of parsers/data/layout.toml); rows whose quantity
is empty or 0 (procurement templates) and total rows are not lines.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from models import Extracted, ExtractedLine, Provenance, Table, TableCell
from parsers.documents.rows import carry_article as carry_row_article
from parsers.text.line_noise import opens_no_item
from parsers.values.numbers import NUMBER, parse_number
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.layout import default_vocabulary, numbered_heading
from parsers.vocabulary.phrases import normalize, starts_with

_TAB, _PIPE, _SPACES = re.compile(r"\t"), re.compile(r"[ \t]*\|[ \t]*"), re.compile(r"\s{2,}")
# Tabs typed to line columns up on screen: as many as the width of each cell needs, a run of them one cut.
_TABS = re.compile(r"\t+")
_SEPARATORS = (_TAB, _PIPE, _SPACES)
# A count as a quantity cell writes it: '4', '4 btes', 'x 4', '4x' (the 'x' of a count, never a unit).
_QTY_CELL = re.compile(
    rf"^\s*(?:[x×]\s*)?(?P<qty>{NUMBER})\s*(?:[x×](?![\w²])\s*)?(?P<unit>[^\W\d_][\w²]*\.?)?\s*$", re.I
)

Cell = tuple[str, tuple[int, int]]  # text, (start, end) within its line

# The layout vocabulary's column roles as a body table reads them: any article code
# is the code; a packaging column ("Cond.") gives the unit and what a pack holds.
_TEXT_ROLES = {
    "line_no": "line",
    "code": "code",
    "supplier_code": "code",
    "ean": "code",
    "description": "description",
    "quantity": "quantity",
    "unit": "unit",
    "pack": "pack",
    "unit_price": "unit_price",
    "amount": "amount",
    "size": "size",
    "colour": "colour",
    "fits": "fits",
}
_CODE_WORDS = {"code", "ref", "reference"}


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


def read_header(line: str) -> Header | None:
    """The header a line is, when its cells name a quantity and a code or designation."""
    for separator in _SEPARATORS:
        cells = split_cells(line, separator)
        if len(cells) < 2:
            continue
        roles = roles_of([text for text, _ in cells])
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


def roles_of(texts: list[str]) -> dict[str, int] | None:
    """Column role -> index for header cells, or None when they do not make a line table."""
    roles: dict[str, int] = {}
    known = 0
    for index, text in enumerate(texts):
        role = column_role(text)
        if role and role not in roles:
            roles[role] = index
            known += 1
        elif role == "description" and "code" not in roles and roles.get("description") is not None:
            roles["code"] = roles["description"]  # "Article | Désignation": the first is the code
            roles["description"] = index
            known += 1
    filled = sum(1 for t in texts if t.strip())
    # Columns a line table carries beside the line's own ('Livraison', 'Commentaire') name it too.
    named = max(known, sum(1 for t in texts if normalize(t) in _phrase_roles()))
    if "quantity" not in roles or not ({"code", "description"} & set(roles)) or named * 3 < filled * 2:
        return None
    return roles


def column_role(header: str) -> str | None:
    """The role of a header cell in a body table ("Qté" -> quantity), None when it names none."""
    key = normalize(header)
    if not key:
        return "line" if header.strip() == "#" else None
    if numbered_heading(header, default_vocabulary()):
        return "code"  # 'Part #', 'Item No.': the article's number
    role = _phrase_roles().get(key)
    if role is None and " " in key and key.split(" ", 1)[0] in _CODE_WORDS:
        return "code"  # "Code CH", "Réf. Hôpital": a code column qualified by whose code it is
    if role is None and not re.search(r"[\d:]", header):  # 'Qté : 5' is a label and its value
        role = _qualified(normalize(re.sub(r"\([^)]*\)", " ", header)))
    return _TEXT_ROLES.get(role or "")


def _qualified(key: str) -> str | None:
    """The role of a heading that qualifies its naming words ('Qté demandée', 'Quantity required',
    'Qté (boîtes)', 'Libellé article'), as a PDF's heading reads: its longest opening phrase's."""
    words = key.split()
    for size in range(len(words), 0, -1):
        role = _phrase_roles().get(" ".join(words[:size]))
        if role is not None:
            return role if role in ("quantity", "description") else None
    return None


@cache
def _phrase_roles() -> dict[str, str]:
    vocabulary = default_vocabulary()
    roles: dict[str, str] = {}
    for table in (vocabulary.body_columns, vocabulary.columns):
        for role, phrases in table.items():
            for phrase in phrases:
                roles.setdefault(phrase, role)
    return roles


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
    found = line_from_cells(cells, roles, part=part, start=start, rule="text-table")
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
    cells: list[Cell], roles: dict[str, int], *, part: str, start: int, rule: str
) -> ExtractedLine | None:
    """An order line from the cells of one row, each value keeping its cell span."""
    qty_cell = _cell(cells, roles, "quantity")
    desc_cell, code_cell = _cell(cells, roles, "description"), _cell(cells, roles, "code")
    if qty_cell is None or (desc_cell is None and code_cell is None):
        return None
    if opens_no_item((desc_cell or code_cell)[0]):
        return None
    qty_match = _QTY_CELL.match(qty_cell[0])
    quantity = parse_number(qty_match["qty"]) if qty_match else None
    if not quantity:
        return None
    unit_cell, pack_cell = _cell(cells, roles, "unit"), _cell(cells, roles, "pack")
    unit = normalise_unit(unit_cell[0]) if unit_cell else None
    if unit is None and qty_match["unit"]:
        unit, unit_cell = normalise_unit(qty_match["unit"]), qty_cell
    pack_unit, pack_size = read_pack(pack_cell[0]) if pack_cell else (None, None)
    if unit is None and pack_unit is not None:
        unit, unit_cell = pack_unit, pack_cell
    price_cell = _cell(cells, roles, "unit_price")

    def value(found: Cell | None, data, kind):
        if found is None or data is None:
            return None
        prov = Provenance(part=part, span=(start + found[1][0], start + found[1][1]), rule=rule)
        return Extracted[kind](value=data, confidence=0.95, provenance=prov)

    variants = [_cell(cells, roles, role) for role in ("size", "colour", "fits")]
    # The packaging tells two sizes of one product apart ('paquet de 10', '5 L can'), as in documents.
    told = pack_cell if pack_cell and re.search(r"\d", pack_cell[0]) and desc_cell else None
    desc_cell = _with_variant(desc_cell, [*variants, told])
    return ExtractedLine(
        line_no=0,
        code=value(code_cell, code_cell[0] if code_cell else None, str),
        description=value(desc_cell, desc_cell[0] if desc_cell else None, str),
        quantity=value(qty_cell, quantity, Decimal),
        unit=value(unit_cell, unit, str),
        unit_price=value(price_cell, _money(price_cell[0]) if price_cell else None, Decimal),
        pack_size=value(pack_cell, pack_size, Decimal),
        provenance=Provenance(part=part, span=(start + cells[0][1][0], start + cells[-1][1][1]), rule=rule),
        confidence=0.95,
    )


# A packaging cell: the unit a pack is counted in, then what it holds ('paquet de 10', 'case of 6',
# 'case 4 x 5 L', 'single bottles', '5 L can').
_PACK_SIZE = re.compile(r"^\s*(?:de|of|x|à|a)?\s*(\d+)(?![.,]?\d)\s*(?![.,]\d)", re.I)


def read_pack(text: str) -> tuple[str | None, Decimal | None]:
    """The unit a packaging cell counts in (its first word naming a count unit, never a measure like
    the 'L' of '5 L can') and the count a pack holds, written after that word."""
    for word in re.finditer(r"[^\W\d_][\w.]*", text):
        unit = normalise_unit(word[0].rstrip("."))
        if unit is None or unit_kind(unit) != "count":
            continue
        size = _PACK_SIZE.match(text[word.end() :])
        count = parse_number(size[1]) if size else None
        return unit, count if count is not None and count > 1 else None
    return None, None


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
        lines, last = [], {}
        for cells_row in table.rows[index + 1 :]:
            cells = [(" ".join(c.text.split()), (0, 0)) for c in cells_row]
            cells, _ = carry_article(cells, roles, last)
            found = line_from_cells(cells, roles, part=part, start=0, rule="html-table")
            if found is not None:
                lines.append(_with_cell_provenance(found, cells_row, roles, table.provenance, part))
        return lines
    return []


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
