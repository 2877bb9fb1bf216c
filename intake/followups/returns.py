"""The lines of a return: the articles sent back, how many of each, against the linked order."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from intake.followups.clause import VOCABULARY_FILE, catalogue_words, quantity_of
from intake.followups.diff import clauses, parts
from intake.followups.order_article import OrderLines, article_of
from matchers import CatalogIndex
from models.datafiles import read_toml
from models.followups import ReturnReason, ReturnRequest, SkuQuantity
from parsers.values.numbers import parse_number, quantity_words_pattern, word_quantity


@lru_cache(maxsize=2)
def _sending_back(path: Path = VOCABULARY_FILE) -> re.Pattern[str]:
    return re.compile(read_toml(path)["operations"]["send_back"], re.I)


@lru_cache(maxsize=1)
def _too_many() -> re.Pattern[str]:
    """'reçu trois soupapes au lieu de deux', 'we got 12 instead of 10': the count sent, the count ordered."""
    # A count, never a size's digits ('3/4', '1,5').
    count = rf"(?<![\w/.,-])(\d+|{quantity_words_pattern()})(?![\d/.,]\d)"
    instead = r"(?:au lieu d(?:e|es|u)|instead of|rather than)"
    return re.compile(rf"\b{count}\b[^\n]{{0,60}}?\b{instead}\s+(?:les\s+|the\s+)?{count}\b", re.I)


def _count(text: str) -> float | None:
    value = parse_number(text)
    if value is None and (said := word_quantity(text)) is not None and not said[1]:
        value = said[0]
    return float(value) if value is not None else None


def surplus_of(clause: str) -> float | None:
    """How many came too many when the clause says 'N instead of M' (N above M)."""
    found = _too_many().search(clause)
    if not found:
        return None
    sent, ordered = _count(found.group(1)), _count(found.group(2))
    if sent is None or ordered is None or sent <= ordered:
        return None
    return sent - ordered


def returned_lines(
    text: str, reason: ReturnReason | None, index: CatalogIndex, customer: str | None, order: OrderLines
) -> ReturnRequest:
    """The articles the text sends back, each with its quantity.

    The count the sending-back sentence gives ('we return the 2 surplus heads') wins over the one
    beside the article ('too many heads: we need 2 of the 4'); 'three instead of two' sends one
    back; nothing counted: all that was ordered of it.
    """
    pieces = [piece for c in clauses(text) for piece in parts(c)]
    counted = [found for c in pieces if (found := quantity_of(c, index)) is not None and found[1]]
    sent_back = {
        float(found[0])
        for c in pieces
        if _sending_back().search(c) and (found := quantity_of(c, index)) is not None
    }
    named: dict[str, tuple[float | None, str]] = {}
    for clause in pieces:
        # No order linked (or an order from before Intake): the article is the catalogue's.
        found = article_of(
            catalogue_words(clause, index), order, index, customer_id=customer, anywhere=not order.lines
        )
        if found is not None and found[0] not in named:
            named[found[0]] = (found[2], clause)
    lines: dict[str, float] = {}
    for sku, (quantity, clause) in named.items():
        surplus = surplus_of(clause) if reason == ReturnReason.SURPLUS else None
        if surplus is not None:
            quantity = surplus
        elif len(sent_back) == 1 and len(named) == 1:  # one count sent back for several: none's
            quantity = next(iter(sent_back))
        elif quantity is None and len(counted) == 1:
            quantity = float(counted[0][0])
        lines[sku] = quantity if quantity is not None else order.quantity(sku) or 0.0
    return ReturnRequest(lines=[SkuQuantity(sku=s, quantity=q) for s, q in lines.items()], reason=reason)
