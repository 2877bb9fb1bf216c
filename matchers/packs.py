"""A measure ordered of an article sold in packs of that measure: '10 kg' of a 'carton 5 kg' is 2 cartons.

The article's name states what its pack holds, the measure written right after its own packaging
word ('carton 5 kg', 'sac de 2,5 kg', 'bidon 5 L'); a measure elsewhere in the name is the piece's
('Cordon bleu 100 g carton 5 kg': the carton holds 5 kg). Only a whole number of packs is a count.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from parsers.values.units import normalise_unit, same_unit, unit_key, unit_vocabulary

# The measures a pack may hold, in grams, millilitres and millimetres.
_CONTENT = {
    "g": ("mass", Decimal(1)),
    "gr": ("mass", Decimal(1)),
    "kg": ("mass", Decimal(1000)),
    "ml": ("vol", Decimal(1)),
    "cl": ("vol", Decimal(10)),
    "l": ("vol", Decimal(1000)),
    # A run of tube or cable sold in its coil ('couronne de 50 m'), in millimetres.
    "m": ("len", Decimal(1000)),
}
_PACKED = re.compile(
    r"([^\W\d_]+)\s+(?:de\s+|d['’]\s*|of\s+)?(\d+(?:[.,]\d+)?)\s*(kg|gr|g|ml|cl|l|m)(?![\w²³])", re.I
)


def pack_content(name: str, sales_unit: str | None) -> tuple[str, Decimal] | None:
    """What one pack of the article holds (kind, amount in g or ml), from the measure after its packaging word."""
    if not sales_unit:
        return None
    for found in _PACKED.finditer(name):
        word = normalise_unit(found[1])
        if word is not None and same_unit(word, sales_unit):
            kind, factor = _CONTENT[found[3].lower()]
            amount = Decimal(found[2].replace(",", ".")) * factor
            return (kind, amount) if amount > 0 else None
    return None


def counted_in_packs(
    quantity: Decimal, unit: str | None, name: str, sales_unit: str | None
) -> Decimal | None:
    """The number of packs `quantity` `unit` makes, when it is a measure and a whole number of them."""
    ordered = _CONTENT.get(unit_key(unit)) if unit else None
    content = pack_content(name, sales_unit)
    if ordered is None or content is None or ordered[0] != content[0] or same_unit(unit, sales_unit):
        return None
    try:
        packs = quantity * ordered[1] / content[1]
    except InvalidOperation:
        return None
    return packs.normalize() if packs > 0 and packs == packs.to_integral_value() else None


# A pack and the count of pieces it holds, as a name prints them ('lot de 3 paires', 'box of 12 rolls').
_PACKED_COUNT = re.compile(r"([^\W\d_]+)\s+(?:de\s+|of\s+)?(\d+)\s+([^\W\d_]+)", re.I)


def counted_in_count_packs(
    quantity: Decimal, unit: str | None, name: str, sales_unit: str | None
) -> Decimal | None:
    """'12 paires' of socks sold by the 'lot de 3 paires': 4 lots, when the article's name says what
    its pack holds in the very unit the customer counted, and the count fills whole packs."""
    if not unit or not sales_unit or same_unit(unit, sales_unit) or not is_pack_word(sales_unit):
        return None
    units = unit_vocabulary().units
    counted = units.get(unit_key(unit))
    if counted is None or counted.kind != "count" or counted.package or counted.shipping:
        return None
    for found in _PACKED_COUNT.finditer(name):
        if unit_key(found[1]) != unit_key(sales_unit) or unit_key(found[3]) != unit_key(unit):
            continue
        size = Decimal(found[2])
        packs = quantity / size if size else Decimal(0)
        return packs.normalize() if packs > 0 and packs == packs.to_integral_value() else None
    return None


def is_pack_word(unit: str | None) -> bool:
    """A package or a shipping unit ('boîte', 'colis', 'carton'), not a piece or a measure."""
    spec = unit_vocabulary().units.get(unit_key(unit)) if unit else None
    return spec is not None and (spec.package or spec.shipping)


def pieces_in_pack(name: str, sales_unit: str | None, stated: str | None) -> str | None:
    """What the bare count of a pack counts ('2 boîtes de 10', 'colis 10'): the article's own unit when
    it is sold by the piece (or the pair, the roll) and its name calls no pack its own, since a box of
    ten of an article sold by the piece holds ten pieces; None when that is unsaid."""
    if not sales_unit or not stated or same_unit(stated, sales_unit):
        return None
    units = unit_vocabulary().units
    sold = units.get(unit_key(sales_unit))
    if sold is None or sold.kind != "count" or sold.package or sold.shipping:
        return None
    if not is_pack_word(stated):
        return None
    named = {unit_key(word) for word in re.findall(r"[^\W\d_]+", name)} - {unit_key(sales_unit)}
    if any(key in units and (units[key].package or units[key].shipping) for key in named):
        return None  # 'Gants nitrile boîte de 100' sold by the piece: which count is the piece is unsaid
    return sales_unit
