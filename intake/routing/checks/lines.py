"""Checks on each line: matched, unambiguous, a plausible quantity, nothing left unread."""

from __future__ import annotations

import re
from decimal import Decimal

from intake.routing.checks.context import (
    CheckContext,
    lead_over_runner_up,
    line_reason,
    numbered,
    quantity_of,
    quantity_text,
    wording,
)
from intake.routing.checks.rules import CheckRules, default_rules
from matchers import decided_by_habit, left_untold, twin_left_untold
from models import LineMatch, ProductRow, ReviewReason, Severity
from parsers.values.units import same_unit, unit_key, unit_kind, unit_vocabulary

# Two articles whose scores differ by less than this are a tie: the text does
# not say which one is meant, however high both scores are.
ARTICLE_TIE = 0.02
# A lead smaller than this over a twin the customer's words do not tell apart is a guess.
TWIN_LEAD = 0.1
# The usual range is judged only once this many earlier quantities are known.
USUAL_RANGE_MIN_ORDERS = 3


def check_lines_matched(ctx: CheckContext) -> list[ReviewReason]:
    """Every line must name one catalogue article, not two equally."""
    reasons = []
    for number, line in numbered(ctx.matched):
        said = wording(line)
        if line.sku is None:
            reasons += _unmatched(number, line, said)
            continue
        if ctx.products and line.sku not in ctx.products:
            reasons.append(
                line_reason("sku_unknown", number, f"article {line.sku} is not in the catalogue", field="sku")
            )
            continue
        chosen = next((c for c in line.candidates if c.key == line.sku), None)
        if chosen is not None and decided_by_habit(chosen):
            reasons.append(_by_habit(number, line, said))
            continue
        has_rival = any(c.key != line.sku for c in line.candidates)
        lead = lead_over_runner_up(line.sku, line.score, line.margin, line.candidates) if has_rival else 1.0
        if lead < ARTICLE_TIE:
            reasons.append(
                line_reason("line_ambiguous", number, f'two articles match "{said}" equally', field="sku")
            )
        elif lead < TWIN_LEAD and ctx.catalogue is not None:
            reasons += _twin_untold(ctx, number, line, said)
    return reasons


def _unmatched(number: int, line: LineMatch, said: str) -> list[ReviewReason]:
    """A line without an article, and, when twins the text does not tell apart left it so, which two:
    the clerk picks between them (no approval passes a line without an article)."""
    unmatched = line_reason("line_unmatched", number, f'no catalogue article matches "{said}"', field="sku")
    untold = left_untold(line)
    if untold is None:
        return [unmatched]
    text = f'"{said}" fits {untold[0]} and its twin {untold[1]} alike: what tells them apart is not written'
    return [line_reason("line_twin_untold", number, text, field="sku"), unmatched]


def _twin_untold(ctx: CheckContext, number: int, line: LineMatch, said: str) -> list[ReviewReason]:
    """A close runner-up that is the article's twin, told apart by words the customer wrote none of
    ('harnais antichute XL' between the 2-point and the 3-point one): a small lead is a guess, held in
    every mode."""
    mine = next((c.score for c in line.candidates if c.key == line.sku), line.score)
    close = [c.key for c in line.candidates if c.key != line.sku and mine - c.score < TWIN_LEAD]
    stated = line.line.unit.value if line.line.unit else None
    twin = twin_left_untold(said, line.sku or "", close, ctx.catalogue, stated)
    if twin is None:
        return []
    text = f'"{said}" fits {line.sku} and its twin {twin} alike: what tells them apart is not written'
    return [line_reason("line_twin_untold", number, text, field="sku")]


def _by_habit(number: int, line: LineMatch, said: str) -> ReviewReason:
    rival = next((c.key for c in line.candidates if c.key != line.sku), "another article")
    return line_reason(
        "line_by_habit",
        number,
        f'"{said}" fits {line.sku} and {rival} alike: {line.sku} is the one this customer usually orders',
        field="sku",
    )


def check_quantities(ctx: CheckContext, *, rules: CheckRules | None = None) -> list[ReviewReason]:
    """A quantity must be there, positive, and whole for articles sold by the piece."""
    counted = (rules or default_rules()).counted_units
    reasons = []
    for number, line in numbered(ctx.matched):
        quantity = line.quantity
        if quantity is None or not quantity.is_finite():
            reasons.append(line_reason("quantity_missing", number, "no quantity was found", field="quantity"))
        elif quantity <= 0:
            reasons.append(
                line_reason(
                    "quantity_not_positive", number, f"quantity {quantity_text(quantity)}", field="quantity"
                )
            )
        elif _is_a_code(quantity, line):
            reasons.append(
                line_reason(
                    "quantity_is_code",
                    number,
                    f"the quantity {quantity_text(quantity)} is the article's code: misread",
                    field="quantity",
                )
            )
        elif quantity != quantity.to_integral_value() and _unit(ctx, line) in counted:
            reasons.append(
                line_reason(
                    "quantity_not_whole",
                    number,
                    f"{quantity_text(quantity)} {_unit(ctx, line)} is not a whole number",
                    field="quantity",
                )
            )
    return reasons


def _is_a_code(quantity: Decimal, line: LineMatch) -> bool:
    """A quantity spelt like one of the line's codes ('245711' read twice) was read from the code."""
    read = line.line
    codes = [line.sku, line.customer_ref, read.code.value if read.code else None]
    codes += [c.value for c in read.alt_codes]
    return quantity >= 100 and any(c and c.strip().lstrip("0") == quantity_text(quantity) for c in codes)


def _unit(ctx: CheckContext, line: LineMatch) -> str:
    product = ctx.products.get(line.sku or "")
    return unit_key(line.unit or (product.unit if product else None))


def check_units(ctx: CheckContext) -> list[ReviewReason]:
    """A line ordered in another unit than the article's sales unit is probably another pack."""
    reasons = []
    for number, line in numbered(ctx.matched):
        product = ctx.products.get(line.sku or "")
        if product is None or not product.unit or not line.unit:
            continue
        if not same_unit(line.unit, product.unit):
            reasons.append(
                line_reason(
                    "unit_mismatch",
                    number,
                    f"ordered by the {line.unit}, but {line.sku} is sold by the {product.unit}",
                    severity=Severity.ERROR if _measured_apart(line.unit, product) else Severity.WARNING,
                    field="unit",
                )
            )
    return reasons


def _measured_apart(ordered: str, product: ProductRow) -> bool:
    """A weight or volume against a count, or a closed pack against the piece ('10 kg' of an
    article sold by the carton, '2 boîtes de 10' of one sold by the piece): the quantity cannot
    stand without a conversion nobody printed. A pack the article's name calls itself is its
    piece ('3 sacs' of a 'colle sac 25 kg' sold by the piece). Shipping units hold several of
    what is sold by a count; pairs of an article sold by the pack or the piece may be what a
    pack holds or twice the pieces (a clerk knows a pair of glasses is one piece, a pair of brake
    discs two); two measures ('ml' for 'm') and other counts ('pce' of a roll) stay a doubt."""
    if _PACK_CONTENT.search(ordered):
        return True
    kinds = unit_kind(unit_key(ordered)), unit_kind(unit_key(product.unit))
    if None in kinds:
        return False
    if kinds[0] != kinds[1]:
        return True
    units = unit_vocabulary().units
    spec, sold = units.get(unit_key(ordered)), unit_key(product.unit)
    if spec is None:
        return False
    named = {unit_key(word) for word in re.findall(r"[^\W\d_]+", product.name)}
    if spec.shipping:
        # A carton or a colis holds several of what the article is sold by (pieces, cans); an
        # article sold in its own pack is what customers call a colis as often as not.
        bigger = sold in units and (units[sold].package or units[sold].shipping)
        return not bigger and not any(key in units and units[key].shipping for key in named)
    if unit_key(ordered) == _PAIR and (sold == _PIECE or (sold in units and units[sold].package)):
        # '12 pairs' of socks sold by the pack of 3 pairs, 'a pair' of brake discs sold by the disc:
        # the count may be of what the pack holds, or twice the pieces.
        return True
    if sold != _PIECE or not spec.package:
        return False
    return not any(key in units and units[key].package for key in named)


_PIECE = "pce"
_PAIR = "paire"
# A unit written with its content ('boîtes de 10', 'cartons x 12'): a pack of several.
_PACK_CONTENT = re.compile(r"[^\W\d_]\s*(?:de|of|x|×)\s*\d", re.I)


def check_usual_quantities(ctx: CheckContext) -> list[ReviewReason]:
    """A quantity far outside what this customer usually orders of the article, in the same unit."""
    if ctx.history is None:
        return []
    factor = Decimal(str(ctx.settings.quantity_range_factor))
    reasons = []
    for number, line in numbered(ctx.matched):
        past = _usual(ctx, line)
        quantity = quantity_of(line)
        if quantity is None or quantity <= 0 or len(past) < USUAL_RANGE_MIN_ORDERS:
            continue
        low, high = Decimal(str(min(past))), Decimal(str(max(past)))
        if quantity > high * factor or quantity * factor < low:
            side = "above" if quantity > high else "below"
            reasons.append(
                line_reason(
                    "quantity_unusual",
                    number,
                    f"{quantity_text(quantity)} is far {side} what this customer usually orders of "
                    f"{line.sku} ({quantity_text(low)} to {_counted(high, _unit(ctx, line))})",
                    severity=Severity.WARNING,
                    field="quantity",
                )
            )
    return reasons


def _counted(quantity: Decimal, unit: str) -> str:
    return f"{quantity_text(quantity)} {unit}" if unit else quantity_text(quantity)


def _usual(ctx: CheckContext, line: LineMatch) -> list[float]:
    """The customer's earlier quantities of the line's article counted in the line's unit: '2 cartons'
    is not compared with 24 pieces. A past line with no unit was in the article's sales unit."""
    if ctx.history is None or line.sku is None:
        return []
    product = ctx.products.get(line.sku)
    sales = product.unit if product else None
    unit = line.unit or sales
    return [
        quantity
        for quantity, past_unit in ctx.history.quantities_by_unit(line.sku)
        if same_unit(past_unit or sales, unit)
    ]
