"""The quantity an order line states, in the unit the catalogue sells: packs of the sales unit
('2 cartons de 6 bouteilles' = 12 bottles), the article's own pack under another word, a count or a
measure of what a pack holds ('10 kg' of the 'carton 5 kg' = 2 cartons). Each returns the evidence a
clerk reads and updates the match's quantity and unit, or returns None when it does not apply."""

from __future__ import annotations

import re
from decimal import Decimal

from matchers.index import CatalogIndex
from matchers.packs import counted_in_count_packs, counted_in_packs, is_pack_word, pieces_in_pack
from models import Evidence, ExtractedLine, LineMatch, ProductRow
from parsers.values.units import normalise_unit, same_case, same_unit, unit_key


def own_pack(
    line: ExtractedLine, match: LineMatch, product: ProductRow, index: CatalogIndex
) -> Evidence | None:
    """'12 colis de 100' of gloves sold by the 'boîte de 100': the pack written is the article's own,
    what it holds the count its name gives; 12 boxes. So are '2 packs' of water sold by the carton
    whose name calls it the 'pack de 24': the customer counts in the name's word for what is sold; and
    '3 cases' of one sold by the 'colis', the case it ships in under another name."""
    pack = line.pack_size
    if not (product.unit and match.unit) or line.pack_unit is not None:
        return None
    if match.unit == index.sales_unit(product.unit) or not is_pack_word(match.unit):
        return None
    if not is_pack_word(product.unit):
        return None
    if pack and pack.value:
        features = index.designations.wordings[index.positions[product.sku]].features
        if f"pack:{pack.value.normalize():f}" not in features:
            return None
        detail = f"{match.unit} of {pack.value.normalize():f} = {product.unit}"
    elif names_its_pack(product.name, match.unit, product.unit):
        detail = f"the {match.unit} its name sells = {product.unit}"
    elif same_case(match.unit, product.unit):
        detail = f"the {match.unit} it ships in = {product.unit}"
    elif holds_a_length(product.name, product.unit):
        # '2 boxes of Cat6 (305 m)' of a cable sold by the 'carton 305 m': a length is packed in no smaller box.
        detail = f"the {match.unit} of cable or tube its name sells = {product.unit}"
    else:
        return None
    match.unit = product.unit
    return Evidence(kind="unit_conversion", detail=detail, weight=0.0)


_LENGTH_PACKED = re.compile(r"([^\W\d_]+)\s+(?:de\s+|of\s+)?\d+(?:[.,]\d+)?\s*m(?![\w²³])", re.I)


def holds_a_length(name: str, sales_unit: str) -> bool:
    """Does the article's name sell a length in its pack ('Câble ... - carton 305 m', 'Gaine - couronne
    de 50 m')? Such a pack holds one run of cable or tube, no smaller pack the customer may count in."""
    return any(
        (word := normalise_unit(found[1])) is not None and same_unit(word, sales_unit)
        for found in _LENGTH_PACKED.finditer(name)
    )


def names_its_pack(name: str, stated: str, sales_unit: str) -> bool:
    """Does the article's name call what is sold by the word the customer counted in ('Eau 50 cl - pack
    de 24' sold by the carton, counted in packs)? Not when the name also prints the sales unit's own
    word: then the word counted is what the case holds ('carton de 10 boîtes')."""
    written = {unit_key(word) for word in re.findall(r"[^\W\d_]+", name)}
    return unit_key(stated) in written and not any(same_unit(word, sales_unit) for word in written)


def in_packs(match: LineMatch, name: str, sales_unit: str | None) -> Evidence | None:
    """'10 kg' of an article sold by the 'carton 5 kg': 2 cartons, the count the catalogue sells; so are
    '12 paires' of one sold by the 'lot de 3 paires' 4 lots."""
    if match.quantity is None:
        return None
    packs = counted_in_packs(match.quantity, match.unit, name, sales_unit) or counted_in_count_packs(
        match.quantity, match.unit, name, sales_unit
    )
    if packs is None or sales_unit is None:
        return None
    detail = f"{match.quantity:f} {match.unit} = {packs:f} {sales_unit}"
    match.quantity, match.unit = packs, sales_unit
    return Evidence(kind="unit_conversion", detail=detail, weight=0.0)


def packs_of_sales_unit(
    line: ExtractedLine, match: LineMatch, product: ProductRow, index: CatalogIndex
) -> Evidence | None:
    """'2 cartons de 6 bouteilles' of an article sold by the bottle: 12 bottles, the count the
    catalogue sells, since the customer wrote what a pack holds in the article's own unit ('2 boîtes
    de 10' of an article sold by the piece: ten pieces, `pieces_in_pack`)."""
    pack, sales_unit = line.pack_size, product.unit
    if not (sales_unit and match.unit and match.quantity is not None and pack and pack.value):
        return None
    inner = line.pack_unit.value if line.pack_unit else pieces_in_pack(product.name, sales_unit, match.unit)
    if line.pack_unit is None and inner and _sold_in_that_pack(product, match.unit, pack.value, index):
        return None  # '3 cartons de 12' where the catalogue sells that carton too: which one is unsaid
    unit = index.sales_unit(sales_unit)
    if not inner or index.sales_unit(inner) != unit or match.unit == unit:
        return None
    total = match.quantity * pack.value
    detail = f"{match.quantity:f} {match.unit} x {pack.value:f} {inner} = {total:f} {sales_unit}"
    match.quantity, match.unit = total.normalize(), sales_unit
    return Evidence(kind="unit_conversion", detail=detail, weight=0.0)


def _sold_in_that_pack(product: ProductRow, unit: str, size: Decimal, index: CatalogIndex) -> bool:
    """Does the catalogue sell an article of the same name in the pack written ('carton de 12 cartouches'
    beside the cartridge)? Looked up only for a pack of pieces written against the piece."""
    head = index.designations.wordings[index.positions[product.sku]].words[:2]
    pack = f"pack:{size.normalize():f}"
    for sku, other in index.products.items():
        if sku == product.sku or not other.unit or index.sales_unit(other.unit) != unit:
            continue
        wording = index.designations.wordings[index.positions[sku]]
        if pack in wording.features and wording.words[:2] == head:
            return True
    return False


def conversion(
    line: ExtractedLine, match: LineMatch, sales_unit: str | None, index: CatalogIndex
) -> Evidence | None:
    """'3 cartons de 12' of an article sold by the piece: the clerk sees it means 36 pieces."""
    if not (
        sales_unit and match.unit and match.quantity is not None and line.pack_size and line.pack_size.value
    ):
        return None
    if match.unit == index.sales_unit(sales_unit):
        return None
    total = match.quantity * line.pack_size.value
    detail = f"{match.quantity:f} {match.unit} x {line.pack_size.value:f} = {total:f} {sales_unit}"
    return Evidence(kind="unit_conversion", detail=detail, weight=0.0)
