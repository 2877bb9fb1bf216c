"""Which article of the question quoted an answer's option names: the one candidate of the question
carrying the option's words where the others do not, or a doubt for a clerk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from intake.followups.clause import english_to_catalogue
from intake.followups.order_article import SURE_SCORE
from matchers import CatalogIndex, match_article
from matchers.normalize import fold
from models import Candidate, Extracted, ExtractedLine

# The candidate carrying the option must lead the next one carrying it by this much.
LEAD = 0.1
# A size is one word, its unit glued or not ('5L', '5 L', '20 kg', '16A'): the option it names.
TOKEN = re.compile(r"\d+(?:[.,]\d+)?\s?(?:l|cl|ml|kg|g|m|mm|cm|a|w|v)(?![^\W_])|[^\W_]+(?:[.,]\d+)?", re.I)
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_MIN_PREFIX = 4
_SIZE_KEY = re.compile(r"^(\d+(?:[.,]\d+)?)[^\W\d_]+$")
_CODE = re.compile(r"(?<![\w-])[A-Za-z0-9](?:[\w./-]*\d[\w./-]*)(?<![.,/-])")


@dataclass(frozen=True)
class Answer:
    text: str  # the answer's sentence
    start: int  # where it starts in the sender's text
    quantity: tuple[Decimal, tuple[int, int]]
    options: list[tuple[str, tuple[int, int]]]  # the words the question also writes, with their spans
    units: frozenset[str]  # the units the answer counts in ('10 pièces': pce)
    # Options said once for every count, before the first ('The box of 50 then - 3 of the black, ...').
    shared: tuple[tuple[str, tuple[int, int]], ...] = ()


def option_article(
    answer: Answer, question: str, index: CatalogIndex
) -> tuple[str | None, str | None, list[str]]:
    """(sku, None, telling words) for the one candidate of the question carrying the answer's
    option words, else (None, why, telling words)."""
    wording = Extracted[str](value=" ".join(question.split()), confidence=1.0)
    candidates = match_article(
        ExtractedLine(line_no=1, description=wording), index, customer_id=None
    ).candidates
    written = _written_skus(question, index)
    if len(written) >= 2:  # "the packs of 10 (OS-25730) or the boxes of 50 (OS-21136)": the options are these
        candidates = [Candidate(key=sku, score=1.0) for sku in written]
    found = _pick(answer, candidates, _names(candidates, index, {}))
    if not found[3] and any(written.values()):
        # 'pink' and 'yellow' of an English offer the French catalogue writes otherwise: its own words too.
        found = _pick(answer, candidates, _names(candidates, index, written))
    sku, doubt, telling, carrying = found
    if sku is not None or not carrying:
        return sku, doubt, telling
    offered = [c for c in carrying if c.key in written]
    if len(carrying) > 1 and len(offered) == 1:
        # "nous avons la boîte de 25 (607152), la voulez-vous ?": the option the question names by its code.
        return offered[0].key, None, telling
    if len(carrying) > 1 and carrying[0].score - carrying[1].score < LEAD:
        # 'la blanche, 10 pièces': of the white cartridge and the white carton, the one sold by the piece.
        sold = [c for c in carrying if index.products[c.key].unit in answer.units]
        if len(sold) == 1:
            return sold[0].key, None, telling
        # 'For the 130 L black sacks we have two weights': of the 70 µ ones, the black the question names.
        described = most_described(sold or carrying, question, index)
        if described is not None:
            return described, None, telling
        return (
            None,
            f"the answer's option fits several articles: {', '.join(c.key for c in carrying[:3])}",
            telling,
        )
    return carrying[0].key, None, telling


def most_described(carrying: list[Candidate], question: str, index: CatalogIndex) -> str | None:
    """The one candidate whose name carries more of the question's words (read as the catalogue writes
    them) than any other, or None."""
    said = {key(t) for t in TOKEN.findall(english_to_catalogue(question))}
    scored = sorted(
        ((sum(key(t) in said for t in TOKEN.findall(index.products[c.key].name)), c.key) for c in carrying),
        reverse=True,
    )
    if len(scored) > 1 and scored[0][0] > scored[1][0]:
        return scored[0][1]
    return None


def _names(candidates: list[Candidate], index: CatalogIndex, written: dict[str, str]) -> dict[str, set[str]]:
    """Each candidate's words: its catalogue name's, and those of the offer's line writing it."""
    return {
        c.key: {key(t) for t in TOKEN.findall(f"{index.products[c.key].name} {written.get(c.key, '')}")}
        for c in candidates
        if c.key in index.products
    }


def _pick(
    answer: Answer, candidates: list[Candidate], names: dict[str, set[str]]
) -> tuple[str | None, str | None, list[str], list[Candidate]]:
    """(sku, why not, telling words, candidates carrying them): the one candidate carrying the answer's
    telling words, or those carrying them when several do (sku None, no reason yet)."""
    # Read as the catalogue writes them too: 'the black' of an English answer is 'noir'.
    options = [key(english_to_catalogue(w)) for w, _ in answer.options]
    # The option's words that tell the candidates apart ('500', 'latex', 'blanche'), not those all share.
    telling = [w for w in options if 0 < sum(is_named(w, n) for n in names.values()) < len(names)]
    carrying = [c for c in candidates if c.key in names and all(is_named(w, names[c.key]) for w in telling)]
    if not telling or not carrying:
        return None, "the answer's option names no article of the question for sure", telling, []
    if len(carrying) == 1:
        return carrying[0].key, None, telling, carrying
    return None, None, telling, carrying


def _written_skus(question: str, index: CatalogIndex) -> dict[str, str]:
    """The catalogue articles the question names by a code, in its order, once each, with the words
    of the line writing it alone ('LR-35-20  Coolant -35°C pink, 20 L can': the offer's own words;
    a line naming two ('en boîte de 25 (607152) et en boîte de 50 (607138)') tells neither apart)."""
    found: dict[str, str] = {}
    for line in question.splitlines():
        named = [sku for token in _CODE.findall(line) if (sku := _sku_of(token, index)) is not None]
        for sku in named:
            found[sku] = f"{found.get(sku, '')} {line}" if len(set(named)) == 1 else found.get(sku, "")
    return found


def _sku_of(token: str, index: CatalogIndex) -> str | None:
    if not index.knows_code(token):
        return None
    code = Extracted[str](value=token, confidence=1.0)
    match = match_article(ExtractedLine(line_no=1, code=code), index, customer_id=None)
    return match.sku if match.sku is not None and match.score >= SURE_SCORE else None


def key(word: str) -> str:
    return fold(word).lower().replace(" ", "")


def is_named(word: str, words: set[str]) -> bool:
    """The word is among `words`, or shares a long enough stem with one ('blanche' and 'blanc')."""
    if word in words:
        return True
    sized = _SIZE_KEY.match(word)  # 'the 38 mm' of '19, 25, 38 and 50 mm widths'
    if sized and sized.group(1) in words:
        return True
    if NUMBER.match(word) or len(word) < _MIN_PREFIX:
        return False
    return any(
        len(w) >= _MIN_PREFIX and not NUMBER.match(w) and (w.startswith(word) or word.startswith(w))
        for w in words
    )
