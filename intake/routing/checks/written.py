"""Is the quantity written on the line it was read from?

A reader that computes a quantity ('4 x 250' read as 1000, '2 500' split in
two) produces a number the customer never wrote. When a line was read from a
span of text, its quantity must be one of the numbers of that span, written
in digits (with French or English separators) or in words.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from intake.routing.checks.context import (
    CheckContext,
    line_reason,
    numbered,
    quantity_of,
    quantity_text,
    span_text,
)
from intake.routing.checks.places import Rows
from intake.routing.checks.rules import CheckRules, default_rules
from matchers.packs import counted_in_count_packs, counted_in_packs, pieces_in_pack
from models import LineMatch, ParsedMessage, ReviewReason
from parsers.values.units import normalise_unit, same_unit, unit_kind

_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ .\u00a0\u202f']\d{3})+(?:,\d+)?(?!\d)")
_PLAIN = re.compile(r"(?<![\d])\d+(?:[.,]\d+)?(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")
_HALVES = frozenset({"demi", "demie", "half"})
_SEPARATORS = str.maketrans("", "", " .\u00a0\u202f'")


def written_values(text: str, rules: CheckRules) -> set[Decimal]:
    """Every number a text may mean: digits as written, grouped thousands, number words."""
    values: set[Decimal] = set()
    for token in _GROUPED.findall(text):
        whole, _, decimals = token.partition(",")
        values.add(_decimal(whole.translate(_SEPARATORS) + ("." + decimals if decimals else "")))
    for token in _PLAIN.findall(text):
        values.add(_decimal(token.replace(",", ".")))
    words = _WORD.findall(text.lower())
    for word in words:
        if word in rules.number_words:
            values.add(_decimal(str(rules.number_words[word])))
    if _HALVES.intersection(words):  # 'un kilo et demi', 'one and a half', 'un demi-colis'
        values |= {v + Decimal("0.5") for v in values if not v.is_nan()} | {Decimal("0.5")}
    if any(_counted(m[1]) for m in _THE_ONE.finditer(text)):  # 'la paire', 'the box': one of them
        values.add(Decimal(1))
    values |= _containers(text)
    return {v.normalize() for v in values if not v.is_nan()}


# 'la paire', 'le carton', 'the pair': the one unit the article names.
_THE_ONE = re.compile(r"(?<!\w)(?:la|le|l['’]|the)\s*([^\W\d_]+)", re.I)
# '20 litres, en bidons de 5 L': a measure, then the containers of a size it is ordered in.
_CONTAINED = re.compile(
    r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*([^\W\d_]+)\.?\s*,?\s+(?:en|in)\s+([^\W\d_]+)\s+(?:de|of|d['’])\s*"
    r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]+)",
    re.I,
)


def _counted(word: str) -> bool:
    unit = normalise_unit(word)
    return unit is not None and unit_kind(unit) == "count"


def _containers(text: str) -> set[Decimal]:
    """The count of containers a measure written in containers of a size makes, when it is whole."""
    found = set()
    for match in _CONTAINED.finditer(text):
        whole, each = _decimal(match[1].replace(",", ".")), _decimal(match[4].replace(",", "."))
        same = normalise_unit(match[2]) is not None and normalise_unit(match[2]) == normalise_unit(match[5])
        if same and _counted(match[3]) and each and not each.is_nan() and not (whole / each) % 1:
            found.add(whole / each)
    return found


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal("NaN")


def _written_where(parsed: ParsedMessage, rows: Rows, line: LineMatch) -> str | None:
    """The text the quantity was read from: its own span (a later correction), else its line's,
    else the document's row under its quantity column, else the whole row."""
    quantity = line.line.quantity
    own = span_text(parsed, quantity.provenance) if quantity else None
    if own is None:
        own = span_text(parsed, line.line.provenance)
    if own is not None or not rows:
        return own
    places = [p for p in (line.line.provenance, quantity.provenance if quantity else None) if p is not None]
    under = rows.at(places)
    cells = [r.quantity for r in under if r.quantity is not None]
    return (
        " ".join(cells) if cells and len(cells) == len(under) else (" ".join(r.text for r in under) or None)
    )


def check_quantity_written(ctx: CheckContext, *, rules: CheckRules | None = None) -> list[ReviewReason]:
    """A quantity that none of the numbers of its line's text says."""
    rules = rules or default_rules()
    reasons = []
    rows = Rows(ctx.matched.order.rows, "lines")
    for number, line in numbered(ctx.matched):
        text = _written_where(ctx.parsed, rows, line)
        quantity = quantity_of(line)
        if text is None or quantity is None:
            continue
        written = written_values(text, rules)
        if quantity.normalize() not in written and not (
            _written_in_packs(ctx, line, written) or _written_as_packs_of(ctx, line, written)
        ):
            reasons.append(
                line_reason(
                    "quantity_not_written",
                    number,
                    f'the quantity {quantity_text(quantity)} is not written where it was read ("{text.strip()}")',
                    field="quantity",
                )
            )
    return reasons


def _written_in_packs(ctx: CheckContext, line: LineMatch, written: set[Decimal]) -> bool:
    """'10 kg' written, 2 cartons of the article's 'carton 5 kg' read ('12 paires', 4 of its 'lot de 3
    paires'): the measure or count written is that many packs by the catalogue's own name of the article."""
    read, product = line.line, ctx.products.get(line.sku or "")
    if product is None or read.quantity is None or read.unit is None or line.quantity is None:
        return False
    if read.quantity.value.normalize() not in written:
        return False
    packs = counted_in_packs(
        read.quantity.value, read.unit.value, product.name, product.unit
    ) or counted_in_count_packs(read.quantity.value, read.unit.value, product.name, product.unit)
    return packs is not None and packs == line.quantity.normalize() and same_unit(line.unit, product.unit)


def _written_as_packs_of(ctx: CheckContext, line: LineMatch, written: set[Decimal]) -> bool:
    """'2 cartons de 6 bouteilles' written, 12 bottles read: both counts are written, what one pack
    holds is counted in the unit the catalogue sells the article by, and their product is the quantity."""
    read, product = line.line, ctx.products.get(line.sku or "")
    if product is None or read.quantity is None or read.pack_size is None:
        return False
    stated = read.unit.value if read.unit else None
    inner = read.pack_unit.value if read.pack_unit else pieces_in_pack(product.name, product.unit, stated)
    packs, size = read.quantity.value.normalize(), read.pack_size.value.normalize()
    return (
        inner is not None
        and packs in written
        and size in written
        and line.quantity is not None
        and (packs * size).normalize() == line.quantity.normalize()
        and same_unit(inner, product.unit)
        and same_unit(line.unit, product.unit)
    )
