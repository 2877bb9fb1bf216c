"""A packaging as a table cell writes it: the unit a pack is counted in and what it holds ('paquet de 10'),
or a count of packs ('2 boîtes de 100'), for body and HTML tables (parsers/text/tables.py)."""

from __future__ import annotations

import re
from decimal import Decimal

from parsers.values.numbers import parse_number, split_quantity
from parsers.values.units import normalise_unit, unit_kind

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


def counted_packs(text: str) -> tuple[Decimal, str, Decimal | None, str] | None:
    """A count of packs and what each holds, in one cell ('2 boîtes de 100', '3 lots of 10'): the count,
    its unit, the pack's size (none when a measure follows it: '1 rouleau de 50 m' is 50 metres) and the
    words after the count."""
    quantity, rest = split_quantity(text)
    first = re.match(r"[^\W\d_][\w.]*", rest)
    if quantity is None or first is None or normalise_unit(first[0].rstrip(".")) is None:
        return None
    unit, size = read_pack(rest)
    if unit is None or unit != normalise_unit(first[0].rstrip(".")):
        return None
    measured = re.search(r"\d\s*([^\W\d_]+)", rest)
    if measured and unit_kind(normalise_unit(measured[1]) or "") not in ("count", None):
        size = None
    return quantity, unit, size, rest


# Units of a measure the units vocabulary does not count in: electrical, thickness, light, pressure.
_MEASURE_UNITS = frozenset(
    {"µ", "µm", "mic", "w", "kw", "v", "a", "ah", "ma", "kva", "k", "lm", "bar", "mm²", "°c"}
)
_MEASURE = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?\s*([^\W\d_]+[²³]?|µ\w*|°c)(?!\w)|\d\s*[x×]\s*\d|[Øø]\s*\d", re.I
)


def measured(text: str) -> bool:
    """Does a cell give a measure ('30 L', '50 µ', '600x600', 'Ø 16', '2,5 mm²'), not a count or a place?"""
    for found in _MEASURE.finditer(text):
        unit = found[1]
        if (
            unit is None
            or unit.lower() in _MEASURE_UNITS
            or unit_kind(normalise_unit(unit) or "") == "measure"
        ):
            return True
    return False


# The units that name a set number of pieces ('1 pair' of brake discs sold singly is two discs).
_PIECES_IN = {"paire": Decimal(2)}
_CENT = Decimal("0.01")


def pieces_by_total(
    quantity: Decimal, unit: str | None, price: Decimal | None, total: Decimal | None
) -> Decimal | None:
    """The count of pieces a row means when it counts in a unit of set pieces and its line total is those
    pieces at its unit price ('Brake disc | 1 pair | 139.00 | 278.00': 2); None when the total agrees with
    the count as written (a pair priced as one: gloves, boots) or says nothing."""
    size = _PIECES_IN.get(unit or "")
    if size is None or not price or not total or abs(quantity * price - total) <= _CENT:
        return None
    pieces = quantity * size
    return pieces if abs(pieces * price - total) <= _CENT else None
