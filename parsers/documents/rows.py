"""An order line from the texts of one table row, by column role (PDF and spreadsheets alike)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypeVar

from models import Extracted, ExtractedLine, Provenance
from parsers.values.numbers import parse_number, split_quantity, without_spelled_count, word_quantity
from parsers.values.units import count_of_measures, normalise_unit
from parsers.vocabulary.layout import DESIGNATION_ROLES

# A line's amount is printed to the cent: quantity x net price within this of it.
CENT = Decimal("0.01")
# A pack and what it holds: 'carton de 6', 'bte 10', 'carton 4 bidons', 'boîtes de 10', 'pack x6'.
_PACK = re.compile(
    r"^(?P<unit>[^\W\d][\w.]*)\s*(?:(?:de|of|à|a|x|von)\s*)?(?P<size>\d+(?:[.,]\d+)?)"
    r"(?:\s*(?P<inner>[^\W\d][\w.]*))?",
    re.I,
)

# A count of cans or bags written with what each holds ('2 x 5 L'): a clerk confirms it counts cans.
MEASURED_COUNT_CONFIDENCE = 0.7
# A count typed with a times sign in a quantity cell: 'x12', '12x', '× 3'.
_TIMES = re.compile(r"^[x×*]\s*(?=\d)|(?<=\d)\s*[x×*]$", re.I)


def _typed_quantity(text: str, *, decimal_comma: bool) -> tuple[Decimal | None, str]:
    """The count a quantity cell holds: a number and its unit, the number with a times sign, or a
    number word typed alone ('douze', 'two'); the words spelling the count again are none of its unit."""
    text = without_spelled_count(text)
    quantity, unit = split_quantity(_TIMES.sub("", text.strip()), decimal_comma=decimal_comma)
    if quantity is None:
        worded = word_quantity(text.strip())
        return (worded[0], "") if worded and not worded[1] else (None, unit)
    return quantity, unit


# Texts as printed, or numbers already typed (spreadsheet cells), by column role.
Cells = dict[str, tuple[str | Decimal, Provenance]]


def build_line(line_no: int, cells: Cells, *, decimal_comma: bool, confidence: float) -> ExtractedLine | None:
    """The line a row describes, or None when it orders nothing (no quantity, or zero)."""
    qty_text, qty_prov = cells.get("quantity", ("", None))
    filled = None if isinstance(qty_text, Decimal) else count_of_measures(qty_text)
    if isinstance(qty_text, Decimal):
        quantity, qty_unit = qty_text, ""
    elif filled:  # '2 x 5 L': two of the 5 L article, the measure naming which one
        quantity, qty_unit = Decimal(filled[0]), ""
    else:
        quantity, qty_unit = _typed_quantity(qty_text, decimal_comma=decimal_comma)
    if quantity is None or quantity <= 0:
        return None
    codes = [
        (str(cells[r][0]), cells[r][1]) for r in ("code", "supplier_code", "ean") if cells.get(r, ("",))[0]
    ]
    line = ExtractedLine(line_no=line_no, confidence=confidence)
    codes = _sized_code(codes, cells)
    if codes:
        line.code = Extracted[str](
            value=codes[0][0].replace(" ", ""), confidence=confidence, provenance=codes[0][1]
        )
        line.alt_codes = [
            Extracted[str](value=text.replace(" ", ""), confidence=confidence, provenance=prov)
            for text, prov in codes[1:]
        ]
    if cells.get("description", ("",))[0]:
        text, prov = cells["description"]
        written = _with_variant(str(text), cells)
        line.description = Extracted[str](
            value=f"{written} {filled[1]}" if filled else written, confidence=confidence, provenance=prov
        )
    sure = min(confidence, MEASURED_COUNT_CONFIDENCE) if filled else confidence
    line.quantity = Extracted[Decimal](value=quantity, confidence=sure, provenance=qty_prov)
    line.provenance = qty_prov
    _unit_and_pack(line, cells, qty_unit, confidence)
    for role in ("unit_price", "amount"):
        if cells.get(role, ("",))[0]:
            text, prov = cells[role]
            value = text if isinstance(text, Decimal) else parse_number(text, decimal_comma=decimal_comma)
            if value is not None:
                setattr(line, role, Extracted[Decimal](value=value, confidence=confidence, provenance=prov))
    _net_price(line, cells.get("discount", ("", None))[0], decimal_comma)
    return line


ARTICLE_ROLES = ("code", "supplier_code", "ean", "description")


V = TypeVar("V")
W = TypeVar("W")  # where a cell stands: a sheet's provenance, a body table's span


def carry_article(
    cells: dict[str, tuple[V, W]], last: dict[str, tuple[V, W]]
) -> dict[str, tuple[V, W]] | None:
    """The non-blank cells of a row by role, its article carried down from the row above when it writes
    only a size or colour and a count ('GN-100 | Gants nitrile | M | 10' then ' |  | L | 6'), placed
    where the size or colour stands; None for a row that names no article. `last` keeps the article
    cells of the last row that wrote them. Sheets and body tables both read rows with it."""
    written = {r: cells[r] for r in ARTICLE_ROLES if r in cells}
    if written:
        last.clear()
        last.update(written)
        return cells
    variant = next((cells[r][1] for r in ("size", "colour") if r in cells), None)
    if not last or variant is None or "quantity" not in cells:
        return None
    return {**cells, **{role: (value, variant) for role, (value, _) in last.items()}}


def _sized_code(codes: list[tuple[str, Provenance]], cells: Cells) -> list[tuple[str, Provenance]]:
    """A family code and the size in a column of its own ('CHS-S1P-310' | '44'): the article's code is
    likely the two joined ('CHS-S1P-310-44'), tried first; the family code stays an alternative."""
    size = _written(cells.get("size", ("",))[0])
    if not codes or not size or len(size) > 4 or not size.isalnum():
        return codes
    code, prov = codes[0]
    if not any(ch.isalpha() for ch in code) or code.upper().endswith(size.upper()):
        return codes
    return [(f"{code}-{size}", prov), *codes]


def _with_variant(designation: str, cells: Cells) -> str:
    """The designation with the size, colour and vehicle its row gives in columns of their own ('Veste |
    L | noir', 'Front pads | Toyota Yaris III'), and the packaging that tells two sizes of one product
    apart ('Haricots verts' | 'sac 2,5 kg'), unless it already writes them."""
    words = designation.lower().split()
    extra = [_written(cells.get(role, ("",))[0]) for role in DESIGNATION_ROLES]
    said = f" {' '.join(words)} "
    extra = [e for e in extra if e and f" {' '.join(e.lower().split())} " not in said]
    pack = str(cells.get("pack", ("",))[0]).strip()
    if any(ch.isdigit() for ch in pack) and any(ch.isalpha() for ch in pack):
        extra += [pack] if " ".join(pack.lower().split()) not in " ".join(words) else []
    return " ".join([designation, *extra])


def _written(value: str | Decimal) -> str:
    # A size typed as a number in a sheet ('42', read 42.0) is written as the customer sees it.
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    return str(value).strip()


def _net_price(line: ExtractedLine, discount: str | Decimal, decimal_comma: bool) -> None:
    """The unit price after the line's discount, when the printed amount says it is the one charged.

    A column of discounts beside a gross price ('Discount %', 'Rem.%', 'Rabatt'): the
    amount is quantity x price x (1 - discount). A price already net, or a discount
    the amount does not bear out, is left as printed.
    """
    if not (line.unit_price and line.amount and line.quantity) or discount in ("", None):
        return
    rate = (
        discount
        if isinstance(discount, Decimal)
        else parse_number(str(discount).strip(" %"), decimal_comma=decimal_comma)
    )
    if rate is None or not 0 < rate < 100:
        return
    quantity, price, amount = line.quantity.value, line.unit_price.value, line.amount.value
    net = (price * (1 - rate / 100)).quantize(Decimal("0.0001"))
    if abs(quantity * price - amount) > CENT and abs(quantity * net - amount) <= CENT:
        line.unit_price = line.unit_price.model_copy(update={"value": net})


def _unit_and_pack(line: ExtractedLine, cells: Cells, qty_unit: str, confidence: float) -> None:
    unit_text, unit_prov = cells.get("unit", ("", None))
    pack_text, pack_prov = cells.get("pack", ("", None))
    unit_text, pack_text = str(unit_text), str(pack_text).strip()
    qty_prov = line.quantity.provenance if line.quantity else None
    if not pack_text and not unit_text and _PACK.match(qty_unit):
        pack_text, pack_prov, qty_unit = qty_unit, qty_prov, ""  # '2 boîtes de 10' in the quantity cell
    pack = _PACK.match(pack_text) if pack_text else None
    bare = parse_number(pack_text) if pack_text and pack is None else None
    size = parse_number(pack["size"]) if pack else bare if bare is not None and bare > 1 else None
    if size is not None and size > 0:
        line.pack_size = Extracted[Decimal](value=size, confidence=confidence, provenance=pack_prov)
        inner = normalise_unit(pack["inner"]) if pack and pack["inner"] else None
        if inner is not None:
            line.pack_unit = Extracted[str](value=inner, confidence=confidence, provenance=pack_prov)
    unit, prov = (unit_text, unit_prov) if unit_text else (qty_unit, qty_prov)
    if not unit and pack_text and bare is None:
        unit, prov = (pack["unit"] if pack else pack_text.split()[0]), pack_prov
    if not unit and bare != 1 and cells.get("heading_unit", ("",))[0]:
        unit, prov = str(cells["heading_unit"][0]), cells["heading_unit"][1]
    if unit:
        line.unit = Extracted[str](value=unit.strip(" ."), confidence=confidence, provenance=prov)
