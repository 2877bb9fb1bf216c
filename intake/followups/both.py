"""A reply that takes every item our quoted offer numbers, a count changed on one of them.

"Yes to both, but 10 instead of 6 for the first one", "oui pour les deux, mais 10 au lieu de 6 pour le
premier": the quoted offer numbers its items ('1) 6 x yellow parka XL (PAR-HV-500-JA-XL) at 65.00 EUR',
'2. Filtre à air Purflux A1280 - 2 pièces à 11,70 € HT'), each with the one code and the one count it
offers; the reply takes them all at those counts, but for the count it changes on the item it names by
its place. An item read otherwise, or a change not read for sure, is a doubt for a clerk.
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.answers import ANSWER_RULE
from matchers import CatalogIndex
from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.text.codes import code_spans
from parsers.text.thread import QUOTED_PART, latest_quoted
from parsers.values.numbers import parse_number, word_quantity

# "yes to both", "both please", "oui pour les deux", "ok pour les 2", "on prend les trois", "all of them".
_ALL = re.compile(
    r"\b(?:both|all\s+(?:of\s+them|three|four)|(?:tous|toutes)\s+les\s+(?:deux|trois|quatre)"
    r"|les\s+(?:deux|trois|quatre)|(?:(?<=pour\s)les|(?<=for\s)the|(?<=to\s)the)\s+[23](?=\s*(?:[,.!;\n]|$|of\s+them|options?|propositions?)))(?!\w)",
    re.I,
)
# An item the offer numbers: '1) ', '2. ', '3 - ' at the start of its line.
_ITEM = re.compile(r"^[ \t]*(?P<no>[1-9])\s*[.)\-–]\s+(?P<text>\S.*)$", re.M)
# Its count: '6 x ...', '6 pcs', '2 pièces', '6 paires' (never a size: '4-in-1', '30W').
_COUNT = re.compile(
    r"(?<![\w.,-])(?P<n>\d{1,4})\s*(?:[x×](?=\s)|(?:pcs?|pces?|pi[èe]ces?|pieces?|units?|paires?|pairs?"
    r"|bo[iî]tes?|boxes|rouleaux|rolls?|cartons?|packs?|lots?|sachets?|bags?|sacs?|cases?)\b)",
    re.I,
)
_PRICE = re.compile(r"(?<![\w.,])(\d{1,6}[.,]\d{2})\s*(?:€|eur\b|euros?\b)", re.I)
# "10 instead of 6 for the first one", "10 au lieu de 6 pour le premier", "make the second one 4".
_PLACES = {
    "first": 1,
    "premier": 1,
    "première": 1,
    "premiere": 1,
    "second": 2,
    "seconde": 2,
    "deuxième": 2,
    "deuxieme": 2,
    "third": 3,
    "troisième": 3,
    "troisieme": 3,
}
_CHANGED = re.compile(
    r"(?P<new>\d{1,4})\s+(?:instead\s+of|au\s+lieu\s+d[eu]|rather\s+than|plut[ôo]t\s+que)\s+(?P<old>\d{1,4})"
    r"\s+(?:for|pour|on|sur)\s+(?:the|le|la|l['’])\s*(?P<place>[^\W\d_]+)",
    re.I,
)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?![\w.,]\d)")
ALL_DOUBT = (
    "the reply takes every item of the quoted offer: an item or the change asked was not read for sure"
)


def read_all_offered(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> ExtractedOrder:
    """The body's order, or a line per numbered item of the quoted offer when the reply takes them all."""
    own = parsed.text
    said = _ALL.search(own)
    if order.source != "email" or said is None or not parsed.quoted.strip():
        return order
    quoted = latest_quoted(parsed.quoted)
    items = list(_ITEM.finditer(quoted))
    wanted = _how_many(said.group(0).split()[-1])
    if len(items) < 2 or (wanted is not None and wanted != len(items)):
        return order
    lines, sure = [], True
    for number, item in enumerate(items, start=1):
        line = _item_line(
            item, index, number, Provenance(part=order.part, span=said.span(), rule=ANSWER_RULE)
        )
        sure = sure and line.code is not None and line.quantity is not None
        lines.append(line)
    changed, read = _changes(own, said.end(), lines, order.part)
    doubts = [] if sure and read else [ALL_DOUBT]
    order = order.model_copy(update={"lines": changed, "doubts": [*order.doubts, *doubts]})
    # The sentence taking the items is read, as requests on the quoted lines.
    start, end = own.rfind("\n", 0, said.start()) + 1, own.find("\n", said.end())
    taken = Provenance(part=order.part, span=(start, end if end >= 0 else len(own)), rule=ANSWER_RULE)
    order.read_spans = [*order.read_spans, taken]
    order.notes.append("the reply takes every item of the quoted offer, at the counts it offers")
    return order


def _how_many(word: str) -> int | None:
    """How many items the reply's word takes ('both', 'les deux', 'the 3'); None for 'all of them'."""
    if word.isdigit():
        return int(word)
    if word.lower() == "both":
        return 2
    said = word_quantity(word)
    return int(said[0]) if said else None


def _item_line(item: re.Match[str], index: CatalogIndex, number: int, where: Provenance) -> ExtractedLine:
    """One offered item, taken by the reply's words (`where`): its one code, its one count and its price
    (nothing when it writes several), each pointing where the quoted offer writes it."""
    text, begin = item.group("text"), item.start("text")
    codes = code_spans(text, index)
    if len(codes) > 1:  # our code beside the maker's ('Makita B-12712 ... (DIS-DIA-125)'): ours names it
        codes = [m for m in codes if m.group(0) in index.products]
    counts = list(_COUNT.finditer(text))
    prices = list(_PRICE.finditer(text))
    line = ExtractedLine(line_no=number, provenance=where)
    if len(codes) == 1:
        line.code = Extracted[str](value=codes[0].group(0), confidence=0.9, provenance=_at(codes[0], begin))
    if len(counts) == 1:
        count = counts[0]
        line.quantity = Extracted[Decimal](
            value=Decimal(count["n"]), confidence=0.9, provenance=_at(count, begin, "n")
        )
    if prices:
        value = parse_number(prices[0].group(1))
        line.unit_price = Extracted[Decimal](value=value, confidence=0.8, provenance=_at(prices[0], begin, 1))
    return line


def _at(found: re.Match[str], begin: int, group: int | str = 0) -> Provenance:
    start, end = found.span(group)
    return Provenance(part=QUOTED_PART, span=(begin + start, begin + end), rule=ANSWER_RULE)


def _changes(own: str, after: int, lines: list[ExtractedLine], part: str) -> tuple[list[ExtractedLine], bool]:
    """The lines with the counts the reply changes on the items it names by place; whether every number
    the reply writes after taking them was read so (a count said otherwise is not read for sure)."""
    rest = own[after:]
    read: set[int] = set()
    for found in _CHANGED.finditer(rest):
        place = _PLACES.get(found["place"].lower())
        line = lines[place - 1] if place is not None and place <= len(lines) else None
        if line is None or line.quantity is None or line.quantity.value != Decimal(found["old"]):
            return lines, False
        span = (after + found.start("new"), after + found.end("new"))
        line.quantity = Extracted[Decimal](
            value=Decimal(found["new"]),
            confidence=0.9,
            provenance=Provenance(part=part, span=span, rule=ANSWER_RULE),
        )
        line.notes.append("quantity changed by the reply")
        read |= {found.start("new"), found.start("old")}
    counts = [m.start() for m in _NUMBER.finditer(rest) if _is_count(rest, m)]
    return lines, all(start in read for start in counts)


def _is_count(text: str, number: re.Match[str]) -> bool:
    """A number of the reply that may be a count: not inside a reference ('ESE-PO-0912') or a date."""
    before = text[max(0, number.start() - 1) : number.start()]
    after = text[number.end() : number.end() + 1]
    long = number.end() - number.start() > 4  # a PO or a phone number, no count
    return not long and not (before and before in "-/:") and not (after and after in "-/:h")
