"""Which article of an order a request names: the order's own articles first, then the catalogue,
by a line number, a count replaced or a size written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from intake.followups.clause import CODE_SHAPED, NUMBER, Operations, line_of, load_operations
from intake.followups.left_out import size_said_in_words
from matchers import CatalogIndex, match_article
from matchers.normalize import fold
from models import ExtractedLine, LineMatch
from parsers.values.numbers import parse_number

SURE_SCORE = 0.8
SURE_MARGIN = 0.1
# An article of the order among the matcher's candidates is taken at this score.
ORDER_CANDIDATE_SCORE = 0.55
ORDER_LOW_SCORE = 0.3
# A size written in a request: '25-40', '3/4"', '4x30', 'Ø16', '19 mm' (never a bare count).
_SIZE_WRITTEN = re.compile(
    r"(?<![\w.,])(?:ø\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?(?:\s*[x×/-]\s*\d+(?:[.,]\d+)?)+\"?|\d+(?:[.,]\d+)?\s*(?:mm|cm)\b)",
    re.I,
)


@dataclass(frozen=True)
class OrderLines:
    """The linked order as the diff needs it: its lines in order, and a catalogue of its articles only.

    "les robinets d'arrêt" names one of the order's articles: matched among those, near
    twins elsewhere in the catalogue do not blur it.
    """

    lines: Sequence[tuple[str, float]]
    index: CatalogIndex | None = None

    @property
    def skus(self) -> set[str]:
        return {sku for sku, _ in self.lines}

    def quantity(self, sku: str) -> float | None:
        return next((q for s, q in self.lines if s == sku), None)


def order_index(index: CatalogIndex, skus: Sequence[str]) -> CatalogIndex:
    """The catalogue restricted to `skus` (and the customers' own codes for them)."""
    return index.subset(tuple(skus))


def as_float(text: str) -> float | None:
    value = parse_number(text)
    return float(value) if value is not None else None


def numbers_in(text: str) -> list[float]:
    return [v for v in (as_float(m.group(1)) for m in NUMBER.finditer(text)) if v is not None]


def clause_article(
    clause: str,
    order: OrderLines,
    index: CatalogIndex,
    ops: Operations,
    *,
    customer_id: str | None,
    op: str,
) -> tuple[str, bool, float | None] | None:
    """(sku, read surely, quantity in the sale unit) of the article the clause names.

    The order's own articles first; an added article may be anywhere in the catalogue.
    """
    numbered = ops.line_number.search(clause)
    if numbered and 0 < int(numbered.group(1)) <= len(order.lines):
        return order.lines[int(numbered.group(1)) - 1][0], True, None
    line = line_of(clause, index)
    quantity = float(line.quantity.value) if line.quantity else None
    if line.code is not None:  # a code names its article in the whole catalogue, without doubt
        coded = match_article(line, index, customer_id=customer_id)
        if coded.sku is not None and (op == "add" or coded.sku in order.skus):
            sure = coded.score >= SURE_SCORE and (quantity is not None or op != "add")
            return coded.sku, sure, quantity
    if order.index is not None:
        mine = match_article(line, order.index, customer_id=customer_id)
        sku, sure = _choose(mine, order.skus)
        if sku is not None and op == "add" and sure:
            sku = _added_elsewhere(line, index, customer_id=customer_id) or sku
        if sku is not None and (op != "add" or sure):
            return sku, sure and (quantity is not None or op != "add"), quantity
    if op != "add" and order.index is not None:
        sized = _by_size(clause, order, index)
        return (sized, False, quantity) if sized else None
    match = match_article(line, index, customer_id=customer_id)
    sku, sure = _choose(match, order.skus if op != "add" else set())
    if sku is None:
        return None
    return sku, sure and (quantity is not None or op != "add"), quantity


def _added_elsewhere(line: ExtractedLine, index: CatalogIndex, *, customer_id: str | None) -> str | None:
    """The article the whole catalogue names for sure for an added line ('rajoutez 2 boîtes de 10 GU10
    4000K' is no more of the order's 'Tube LED T8 4000K', which a few articles alone make look sure)."""
    found = match_article(line, index, customer_id=customer_id)
    sure = found.score >= SURE_SCORE and found.margin >= SURE_MARGIN
    return found.sku if sure else None


def by_old_count(
    clause: str, sku: str, order: OrderLines, ops: Operations, *, customer_id: str | None
) -> str:
    """'les vis en boîte de 500 : mettez-en 6 au lieu de 4': of the order's articles the clause's words
    fit, the one that held the count replaced (when the words alone chose another)."""
    replaced = ops.instead_of.search(clause)
    old = numbers_in(replaced.group(0)) if replaced else []
    if len(old) != 1 or order.quantity(sku) == old[0] or order.index is None:
        return sku
    mine = match_article(line_of(clause, order.index), order.index, customer_id=customer_id)
    fits = {c.key for c in mine.candidates if c.score >= ORDER_LOW_SCORE} | {sku}
    held = [s for s, quantity in order.lines if quantity == old[0] and s in fits]
    return held[0] if len(held) == 1 else sku


def holding_replaced(clause: str, order: OrderLines, ops: Operations) -> str | None:
    """The one line of the order holding the count a request replaces ('8 au lieu de 5'), never surely:
    the words did not name it."""
    replaced = ops.instead_of.search(clause)
    old = numbers_in(clause[replaced.start() :]) if replaced else []
    held = [sku for sku, quantity in order.lines if old and quantity == old[0] and sku]
    return held[0] if len(held) == 1 else None


def _by_size(clause: str, order: OrderLines, index: CatalogIndex) -> str | None:
    """The one article of the order whose designation prints every size the clause writes
    ('supprimez le 25-40', 'the 3/4" ones', 'the large': size L), never surely: the words did not name it."""
    sizes = {_squeeze(m.group(0)) for m in _SIZE_WRITTEN.finditer(CODE_SHAPED.sub(" ", clause))}
    letter = size_said_in_words(clause)
    if not sizes and letter is None:
        return None
    holding = [
        sku
        for sku in order.skus
        if sku in index.products
        and all(size in _squeeze(index.products[sku].name) for size in sizes)
        and (letter is None or _prints_letter(index.products[sku].name, letter))
    ]
    return holding[0] if len(holding) == 1 else None


def _prints_letter(name: str, letter: str) -> bool:
    """The name prints the letter size as a word of its own, never a litre after a figure ('bidon 5 L')."""
    return re.search(rf"(?<![\w/.,])(?<!\d )(?<!\d){letter}(?![\w/'’])", name, re.I) is not None


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", fold(text)).replace("×", "x").replace(",", ".")


def _choose(match: LineMatch, within: set[str]) -> tuple[str | None, bool]:
    """The matched sku; limited to the order's articles when the clause is about one of them."""
    sure = match.score >= SURE_SCORE and match.margin >= SURE_MARGIN
    if not within:
        return (match.sku, sure) if match.sku and match.score >= ORDER_CANDIDATE_SCORE else (None, False)
    if match.sku in within:
        return match.sku, match.score >= SURE_SCORE
    inside = sorted((c for c in match.candidates if c.key in within), key=lambda c: -c.score)
    # Among the order's few articles the best one is taken when it leads clearly (never surely).
    runner_up = inside[1].score if len(inside) > 1 else 0.0
    if inside and inside[0].score >= ORDER_LOW_SCORE and inside[0].score - runner_up >= SURE_MARGIN:
        return inside[0].key, False
    return None, False


def sure_sku(clause: str, index: CatalogIndex, customer_id: str | None) -> str | None:
    """The article a clause names without doubt, else None."""
    match = match_article(line_of(clause, index), index, customer_id=customer_id)
    return match.sku if match.score >= SURE_SCORE and match.margin >= SURE_MARGIN else None


def article_of(
    clause: str, order: OrderLines, index: CatalogIndex, *, customer_id: str | None, anywhere: bool = False
) -> tuple[str, bool, float | None] | None:
    """The order's article a clause names (a return, a removal), its certainty and quantity;
    `anywhere`: any article of the catalogue (no order to look in)."""
    op = "add" if anywhere else "return"
    return clause_article(clause, order, index, load_operations(), customer_id=customer_id, op=op)
