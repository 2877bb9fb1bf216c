"""A reply that takes every item our quoted offer sets out, or the one it names by its place.

"Yes to both, but 10 instead of 6 for the first one", "oui pour les deux, mais 10 au lieu de 6 pour le
premier", "only the first one please": the quoted offer numbers or bullets its items ('1) 6 x yellow
parka XL (PAR-HV-500-JA-XL) at 65.00 EUR', '- 24 x Gel hydroalcoolique 500 ml à 5,20 € HT'), each with
one code or a name the catalogue knows for sure, and the count it offers; the reply takes them at those
counts, but for the count it changes on the item it names by its place or by the count it replaces
('8 bidons au lieu de 12'). An item read otherwise, or a change not read for sure, is a doubt for a clerk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from intake.followups.answers import ANSWER_RULE, offers_a_choice
from intake.followups.order_article import SURE_MARGIN, SURE_SCORE
from matchers import CatalogIndex, match_article
from matchers.normalize import fold
from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.text.codes import code_spans
from parsers.text.thread import QUOTED_PART, latest_quoted, quotes_an_offer
from parsers.values.numbers import parse_number, word_quantity
from parsers.values.units import normalise_unit, unit_kind

# "yes to both", "both please", "oui pour les deux", "ok pour les 2", "on prend les trois", "all of them".
_ALL = re.compile(
    r"\b(?:both|all\s+(?:of\s+them|three|four)|(?:tous|toutes)\s+les\s+(?:deux|trois|quatre)"
    r"|les\s+(?:deux|trois|quatre)|(?:(?<=pour\s)les|(?<=for\s)the|(?<=to\s)the)\s+[23](?=\s*(?:[,.!;\n]|$|of\s+them|options?|propositions?)))(?!\w)",
    re.I,
)
# "only the first one", "just the second", "le premier seulement", "uniquement la deuxième".
_ORDINAL = r"first|second|third|1st|2nd|3rd|premi[eè]re?|seconde?|deuxi[eè]me|troisi[eè]me"
_ONLY = re.compile(
    rf"\b(?:only|just)\s+the\s+(?P<a>{_ORDINAL})\b(?:\s+one)?|\bthe\s+(?P<b>{_ORDINAL})\s+(?:one\s+)?only\b"
    rf"|\b(?:seulement|uniquement|juste)\s+(?:le|la)\s+(?P<c>{_ORDINAL})\b"
    rf"|\b(?:le|la)\s+(?P<d>{_ORDINAL})\s+(?:seulement|uniquement)\b"
    r"|\b(?:only|just)\s+(?:item|line|number|no\.?|#)\s*(?P<e>[1-9])\b"
    r"|\b(?:seulement|uniquement|juste)\s+(?:l['’]article|la\s+ligne|le\s+n°|le\s+num[ée]ro)\s*(?P<f>[1-9])\b",
    re.I,
)
# An item the offer numbers ('1) ', '2. ', '3 - ') or bullets ('- ', '* ', '• ') at the start of its line.
_ITEM = re.compile(r"^[ \t]*(?:(?P<no>[1-9])\s*[.)\-–]|[-*•·])\s+(?P<text>\S.*)$", re.M)
# Its count: '6 x ...', '6 pcs', '2 pièces', '12 bidons' (a counted unit: never a size, '5 L', '30W').
_COUNT = re.compile(r"(?<![\w.,-])(?P<n>\d{1,4})\s*(?:[x×](?=\s)|(?P<unit>[^\W\d_]+))", re.I)
# Or after its x: '... CUK 2243 x4 - disponible', '... x 2 jeux' (never a size, '600x400', 'x 15 m').
_X_COUNT = re.compile(
    r"(?<![\w.,])[x×][ \t]?(?P<n>\d{1,4})(?![\w.,]|[.,]\d|[ \t]*(?:mm|cm|m|ml|cl|l|kg|g|m2|m²|m3)\b)", re.I
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
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "troisième": 3,
    "troisieme": 3,
}
# "8 bidons de 5 L au lieu de 12": the item whose offered count it replaces.
_CHANGED = re.compile(
    r"(?<![\w.,])(?P<new>\d{1,4})(?:\s[^\n.;!?]{0,40}?)?\s(?:instead\s+of|au\s+lieu\s+d[eu]|rather\s+than"
    r"|plut[ôo]t\s+que)\s+(?P<old>\d{1,4})(?![\w]|[.,]\d)"
    r"(?:\s+(?:for|pour|on|sur)\s+(?:the|le|la|l['’])\s*(?P<place>[^\W\d_]+))?",
    re.I,
)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?![\w.,]\d)")
ALL_DOUBT = "the reply takes items of the quoted offer: an item or the change asked was not read for sure"


def read_all_offered(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> ExtractedOrder:
    """The body's order, or a line per item of the quoted offer the reply takes (all, or one by place)."""
    own = parsed.text
    if order.source != "email" or not parsed.quoted.strip():
        return order
    said, places = _taking(own)
    if said is None:
        return order
    quoted = latest_quoted(parsed.quoted)
    if places is not None and not _words_an_offer(quoted):
        return order  # 'only the first one arrived' under our confirmation takes nothing
    items = _items(quoted)
    wanted = _how_many(said.group(0).split()[-1]) if places is None else None
    if len(items) < 2 or (wanted is not None and wanted != len(items)) or max(places or [0]) > len(items):
        return order
    where = Provenance(part=order.part, span=said.span(), rule=ANSWER_RULE)
    offered = [_item_line(item, index, number, where) for number, item in enumerate(items, start=1)]
    taken = offered if places is None else [offered[place - 1] for place in places]
    if any(not item.counts for item in taken):
        return order  # the offer counts nothing ('dites-moi combien'): the reply's own counts are the order
    lines = [item.line for item in taken]
    sure = all(_names_an_article(line, index) for line in lines)
    rest = own[said.end() :]
    changed = _changes(rest, said.end(), taken, order.part)
    added, read = _added(rest, said.end(), quoted, index, order.part)
    lines += added
    counts = [m.start() for m in _NUMBER.finditer(rest) if _is_count(rest, m)]
    read |= changed or set()
    sure = sure and changed is not None and all(start in read for start in counts)
    sure = sure and all(line.quantity is not None for line in lines)
    doubts = [] if sure else [ALL_DOUBT]
    for number, line in enumerate(lines, start=1):
        line.line_no = number
    order = order.model_copy(update={"lines": lines, "doubts": [*order.doubts, *doubts]})
    # The sentence taking the items is read, as requests on the quoted lines.
    start, end = own.rfind("\n", 0, said.start()) + 1, own.find("\n", said.end())
    span = Provenance(part=order.part, span=(start, end if end >= 0 else len(own)), rule=ANSWER_RULE)
    order.read_spans = [*order.read_spans, span]
    order.notes.append("the reply takes items of the quoted offer, at the counts it offers")
    return order


def _taking(own: str) -> tuple[re.Match[str] | None, list[int] | None]:
    """The words taking every item ('both': no place), one by its place ('only the first one': [1]) or
    several by their numbers ('ok pour 1, 2 et 4': [1, 2, 4])."""
    only = _ONLY.search(own)
    if only is not None:
        word = next(w for w in only.groups() if w)
        place = int(word) if word.isdigit() else _PLACES.get(word.lower())
        return (only, [place]) if place else (None, None)
    for listed in _LISTED.finditer(own):
        after = own[listed.end() :].split(maxsplit=1)
        if not after or not _counted_unit(after[0].strip(".,;:!")):
            return listed, _numbers_listed(listed["range"] or listed["list"])
    return _ALL.search(own), None


# "ok pour 1, 2 et 4", "yes to items 1 and 3", "on prend les 2 et 3", "OK pour les lignes 1 à 3": the items
# taken by their numbers, two or more, one figure each (never '1 et 2 cartons', a count then); a range
# only after the word naming the items ('lines 1 to 3', never '1 à 3 cartons').
_LISTED = re.compile(
    r"\b(?:ok(?:ay)?|oui|yes|d['’]accord|fine|go|prenez|prenons|on\s+prend|we(?:['’]ll|\s+will)?\s+take)\b"
    r"[ \t,]*(?:(?:pour|for|with|to|ahead\s+with)\s+)?(?:les?\s+|the\s+)?(?:(?:items?|lines?|lignes?|articles?"
    r"|n[°o]s?\.?|numbers?|#)\s*(?P<range>[1-9][ \t]*(?:[àa]|to|-|–)[ \t]*[1-9](?![\w.,]\d|\d))?)?"
    r"(?(range)|(?P<list>[1-9](?:[ \t]*(?:,|\bet\b|\band\b|&|\+)[ \t]*(?:le\s+|la\s+|the\s+"
    r"|#|n[°o]\s*)?[1-9])+)(?![\w.,]\d|\d))",
    re.I,
)


def _numbers_listed(listed: str) -> list[int]:
    """The item numbers a list writes ('1, 2 et 4') or its range spans ('1 à 3')."""
    numbers = sorted({int(n) for n in re.findall(r"\d", listed)})
    if re.search(r"\d[ \t]*(?:[àa]|to|-|–)[ \t]*\d", listed):
        return list(range(numbers[0], numbers[-1] + 1))
    return numbers


def _items(quoted: str) -> list[re.Match[str]]:
    """The items the offer numbers, else those it bullets when it words an offer or a choice."""
    found = list(_ITEM.finditer(quoted))
    numbered = [m for m in found if m["no"]]
    if len(numbered) >= 2 or not _words_an_offer(quoted):
        return numbered
    return [m for m in found if not m["no"]]


def _words_an_offer(quoted: str) -> bool:
    return quotes_an_offer(quoted) or offers_a_choice(quoted)


def _names_an_article(line: ExtractedLine, index: CatalogIndex) -> bool:
    """The item's code is known, or its words name one article for sure."""
    if line.code is not None:
        return True
    found = match_article(line, index, customer_id=None)
    return found.sku is not None and found.score >= SURE_SCORE and found.margin >= SURE_MARGIN


def _how_many(word: str) -> int | None:
    """How many items the reply's word takes ('both', 'les deux', 'the 3'); None for 'all of them'."""
    if word.isdigit():
        return int(word)
    if word.lower() == "both":
        return 2
    said = word_quantity(word)
    return int(said[0]) if said else None


@dataclass
class _Offered:
    """An item of the offer: its place, the line read of it, every count it writes."""

    place: int
    line: ExtractedLine
    counts: list[re.Match[str]]
    begin: int


def _item_line(item: re.Match[str], index: CatalogIndex, number: int, where: Provenance) -> _Offered:
    """One offered item, taken by the reply's words (`where`): its one code, its name, its one count and
    its price (nothing when it writes several), each pointing where the quoted offer writes it."""
    text, begin = item.group("text"), item.start("text")
    codes = code_spans(text, index)
    if len(codes) > 1:  # our code beside the maker's ('Makita B-12712 ... (DIS-DIA-125)'): ours names it
        codes = [m for m in codes if m.group(0) in index.products]
    counts = _counts(text)
    prices = list(_PRICE.finditer(text))
    line = ExtractedLine(line_no=number, provenance=where)
    if len(codes) == 1:
        line.code = Extracted[str](value=codes[0].group(0), confidence=0.9, provenance=_at(codes[0], begin))
    name = _name(text, [*counts, *codes], prices)
    if name:
        line.description = Extracted[str](value=name, confidence=0.8, provenance=_at(item, 0, "text"))
    if len(counts) == 1:
        _set_count(line, Decimal(counts[0]["n"]), _at(counts[0], begin, "n"))
    if prices:
        value = parse_number(prices[0].group(1))
        line.unit_price = Extracted[Decimal](value=value, confidence=0.8, provenance=_at(prices[0], begin, 1))
    return _Offered(number, line, counts, begin)


def _counts(text: str) -> list[re.Match[str]]:
    """The counts an item writes: a number before 'x' or before a unit goods are counted in."""
    counts = [m for m in _COUNT.finditer(text) if not m["unit"] or _counted_unit(m["unit"])]
    return counts or list(_X_COUNT.finditer(text))


def _name(text: str, marks: list[re.Match[str]], prices: list[re.Match[str]]) -> str:
    """The item's words: its count and code taken out, up to its price ('24 x Gel ... 500 ml à 5,20 €')."""
    end = prices[0].start() if prices else len(text)
    kept = list(text[:end])
    for mark in marks:
        kept[mark.start() : min(mark.end(), end)] = " " * max(0, min(mark.end(), end) - mark.start())
    words = " ".join("".join(kept).split())
    return re.sub(r"^[\s,:;\-–()]+|[\s,:;\-–(à@]+$|\(\s*\)", "", words).strip()


def _set_count(line: ExtractedLine, value: Decimal, where: Provenance) -> None:
    line.quantity = Extracted[Decimal](value=value, confidence=0.9, provenance=where)


def _at(found: re.Match[str], begin: int, group: int | str = 0) -> Provenance:
    start, end = found.span(group)
    return Provenance(part=QUOTED_PART, span=(begin + start, begin + end), rule=ANSWER_RULE)


def _changes(rest: str, after: int, taken: list[_Offered], part: str) -> set[int] | None:
    """The taken lines with the counts the reply changes on the items it names by place or by the count
    replaced; where, in `rest`, the numbers so read are (None when a change names no item for sure)."""
    read: set[int] = set()
    for found in _CHANGED.finditer(rest):
        old = Decimal(found["old"])
        if found["place"]:
            place = _PLACES.get(found["place"].lower())
            target = [item for item in taken if item.place == place]
        else:
            target = [item for item in taken if any(Decimal(c["n"]) == old for c in item.counts)]
        if len(target) != 1 or not any(Decimal(c["n"]) == old for c in target[0].counts):
            return None
        span = (after + found.start("new"), after + found.end("new"))
        _set_count(target[0].line, Decimal(found["new"]), Provenance(part=part, span=span, rule=ANSWER_RULE))
        target[0].line.notes.append("quantity changed by the reply")
        read |= {m.start() + found.start() for m in _NUMBER.finditer(found.group(0))}
    return read


# "and add 2 drums", "et rajoutez 3 boîtes de chevilles": an article added to the items taken.
_ADDED = re.compile(
    r"\b(?:add|plus|also|ajoutez|rajoutez|ajouter|rajouter)\s+(?P<n>\d{1,4})\s+(?P<what>[^\W\d_][^.,;!?\n]{1,40})",
    re.I,
)


def _added(
    rest: str, after: int, quoted: str, index: CatalogIndex, part: str
) -> tuple[list[ExtractedLine], set[int]]:
    """The articles the reply adds, each by the one code it writes the catalogue knows ('rajoutez 2 jeux de
    balais VL-0140'), else named by the one line of the offer that shares a word with it and writes one code
    ('The DR-2400 drum is 89.00 EUR net'), at the price it gives; where their counts are. One named
    otherwise is left unread (a doubt)."""
    lines, read = [], set()
    for found in _ADDED.finditer(rest):
        where = Provenance(part=part, span=(after + found.start(), after + found.end()), rule=ANSWER_RULE)
        named = _own_code(found, after, index, part) or _naming_line(found["what"], quoted, index)
        if named is None:
            continue
        code, price = named
        line = ExtractedLine(line_no=0, provenance=where, code=code, unit_price=price)
        count = (after + found.start("n"), after + found.end("n"))
        _set_count(line, Decimal(found["n"]), Provenance(part=part, span=count, rule=ANSWER_RULE))
        line.notes.append("added by the reply, as the quoted offer names it")
        lines.append(line)
        read.add(found.start("n"))
    return lines, read


def _own_code(
    found: re.Match[str], after: int, index: CatalogIndex, part: str
) -> tuple[Extracted[str], None] | None:
    """The one code the catalogue knows among the added article's own words, where the reply writes it."""
    codes = code_spans(found["what"], index)
    if len(codes) != 1:
        return None
    begin = after + found.start("what")
    span = (begin + codes[0].start(), begin + codes[0].end())
    where = Provenance(part=part, span=span, rule=ANSWER_RULE)
    return Extracted[str](value=codes[0].group(0), confidence=0.8, provenance=where), None


def _naming_line(
    what: str, quoted: str, index: CatalogIndex
) -> tuple[Extracted[str], Extracted[Decimal] | None] | None:
    """The code and price of the one quoted line that writes one code and a word of the added article:
    its unit aside first ('12 boxes of elbows'), then any ('2 drums', a unit word naming the article)."""
    coded = [
        (line, codes[0])
        for line in re.finditer(r"[^\n]+", quoted)
        if len(codes := code_spans(line.group(0), index)) == 1
    ]
    named = [w for w in what.split() if not _counted_unit(w)]
    for words in (named, what.split()):
        wanted = {stem for word in words for stem in _stems(word)}
        found = [(line, code) for line, code in coded if wanted & _stems(line.group(0))]
        if found:
            break
    if len(found) != 1:
        return None
    line, code = found[0]
    begin = line.start()
    prices = list(_PRICE.finditer(line.group(0)))
    price = None
    if len(prices) == 1:
        value = parse_number(prices[0].group(1))
        price = Extracted[Decimal](value=value, confidence=0.8, provenance=_at(prices[0], begin, 1))
    return Extracted[str](value=code.group(0), confidence=0.8, provenance=_at(code, begin)), price


def _counted_unit(word: str) -> bool:
    unit = normalise_unit(word)
    return unit is not None and unit_kind(unit) == "count"


def _stems(text: str) -> set[str]:
    return {fold(word).lower()[:4] for word in re.findall(r"[^\W\d_]{4,}", text)}


def _is_count(text: str, number: re.Match[str]) -> bool:
    """A number of the reply that may be a count: not inside a reference ('ESE-PO-0912') or a date."""
    before = text[max(0, number.start() - 1) : number.start()]
    after = text[number.end() : number.end() + 1]
    long = number.end() - number.start() > 4  # a PO or a phone number, no count
    return not long and not (before and before in "-/:") and not (after and after in "-/:h")
