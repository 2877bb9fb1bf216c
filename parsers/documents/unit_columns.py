"""Quantity columns headed by the unit they count ('Colis' | 'Pièces', 'Cartons', 'Kg', 'Boxes').

Customers who order some articles by the case and others by the piece give each unit a
column of its own instead of a 'Quantité' column: every filled cell of such a column is
one line, its quantity in the unit of its heading.
"""

from __future__ import annotations

from decimal import Decimal

from parsers.documents.grid import Grid, cell_number
from parsers.documents.rows import Cells
from parsers.values.units import normalise_unit, unit_vocabulary
from parsers.vocabulary.layout import default_vocabulary
from parsers.vocabulary.phrases import normalize

# A heading may name the unit with a word of a letter or two ('U', 'P', 'L'): those name a
# unit column as often as a quantity one, and are left to the column vocabulary.
_MIN_HEADING = 2


def unit_quantity_columns(
    grid: Grid, header: int, texts: list[tuple[int, str]], roles: dict[str, int]
) -> None:
    """With no quantity column, the columns headed by a unit word and holding numbers become the
    quantity columns ('quantity', 'quantity_2', ...), in the order of the sheet."""
    if "quantity" in roles:
        return
    unit_role = roles.get("unit")
    columns = [
        column
        for column, text in texts
        if (column not in roles.values() or column == unit_role)
        and counts_in(text)
        and _numbers_below(grid, header, column)
    ]
    if not columns:
        return
    if unit_role in columns:
        del roles["unit"]
    for rank, column in enumerate(columns, 1):
        roles["quantity" if rank == 1 else f"quantity_{rank}"] = column


def quantity_columns(roles: dict[str, int]) -> list[int]:
    """Every quantity column of the table, the first one first."""
    return [
        roles[key] for key in sorted(roles, key=_rank) if key == "quantity" or key.startswith("quantity_")
    ]


def unit_headings(grid: Grid, header: int, roles: dict[str, int]) -> dict[str, str]:
    """The unit each quantity column of the table counts, by role, when its heading is a unit word."""
    if header < 0 or len(quantity_columns(roles)) < 1:
        return {}
    row = grid.rows[header]
    headings = {
        key: row[column].text
        for key, column in roles.items()
        if (key == "quantity" or key.startswith("quantity_"))
        and column < len(row)
        and counts_in(row[column].text)
    }
    return headings if "quantity" in headings else {}


def heading_unit(text: str) -> str | None:
    """The unit a quantity heading counts in beside its quantity word ('Qté colis', 'Nb cartons',
    'Quantité (colis)', 'Qty in cases'), as written; None for a bare quantity heading. The words
    that name the unit column itself ('Qté / Unité') count in no unit."""
    columns = default_vocabulary().columns
    tokens = [t for t in normalize(text).split() if t not in _LINKS]
    units = [t for t in tokens if t not in columns["unit"] and counts_in(t)]
    if len(units) != 1 or len(tokens) < 2:
        return None
    rest = " ".join(t for t in tokens if t != units[0])
    return units[0] if rest in columns["quantity"] or rest in NUMBER_WORDS else None


# 'Nb colis', 'Nombre de cartons', 'No. of cases': the words that number what the heading names.
NUMBER_WORDS = {"nb", "nbre", "nombre", "number", "no"}


_LINKS = {"de", "d", "en", "in", "of", "par", "per", "x"}


def per_unit(cells: Cells, headings: dict[str, str]) -> list[Cells]:
    """The row's cells once for each filled quantity column, the quantity in that column's unit."""
    if not headings:
        return [cells]
    rows = []
    for key in sorted(headings, key=_rank):
        if key not in cells or not str(cells[key][0]).strip():
            continue
        one = {role: value for role, value in cells.items() if role not in headings}
        one["quantity"] = cells[key]
        one["unit"] = (headings[key], cells[key][1])
        rows.append(one)
    return rows


def _rank(key: str) -> int:
    return int(key.rpartition("_")[2]) if key.startswith("quantity_") else 1 if key == "quantity" else 0


def counts_in(text: str) -> bool:
    """Does the heading name a unit things are counted or ordered by ('Cartons', 'Kg')?"""
    unit = normalise_unit(text) if len(text.strip(" .")) >= _MIN_HEADING else None
    if unit is None:
        return False
    spec = unit_vocabulary().units[unit]
    return spec.kind == "count" or spec.ordered_by


def _numbers_below(grid: Grid, header: int, column: int) -> bool:
    values = [
        cell_number(row[column].value)
        for row in grid.rows[header + 1 : header + 201]
        if column < len(row) and row[column].text
    ]
    return bool(values) and all(_is_number(v) for v in values)


def _is_number(value: str | Decimal) -> bool:
    return isinstance(value, Decimal) or value.replace(",", ".", 1).replace(".", "", 1).isdigit()
