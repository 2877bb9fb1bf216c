"""A reply that takes a count of each article our quoted offer names, less those it turns down.

"6 of each size, but not the Valeo ones - Bosch only", "Nous prenons les distributeurs en inox, 6
pièces de chaque modèle, pas les blancs": the quoted offer names its articles by their codes; the
reply keeps those whose catalogue name carries the words that tell the offered articles apart
('Bosch', 'inox') and drops those carrying the words it turns down ('Valeo', 'blancs'). What the
words keep is read, never surely: a clerk confirms the articles (a doubt holds the order).
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.clause import english_to_catalogue
from intake.followups.offered import denied, offered_in_words
from matchers import CatalogIndex, match_article
from matchers.normalize import fold
from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.text.codes import code_spans
from parsers.text.thread import latest_quoted

# "6 of each size", "6 pièces de chaque modèle", "2 of each", "6 each".
_EACH = re.compile(
    r"(?<![\w.,])(?P<count>\d+)\s+(?:[^\W\d_]+\s+){0,2}?(?:de\s+chaque|of\s+each|each)\b[^,.;\n]*", re.I
)
# What the reply turns down: "not the Valeo ones", "pas les blancs", "sans les blancs", "except the ...".
_NOT = re.compile(
    r"\b(?:not|pas|sans|except|sauf|hormis|no|none\s+of|aucun(?:e|s)?\s+(?:de|des|du))\s+(?:the\s+|les?\s+|la\s+|des?\s+|d['’]\s*)?"
    r"(?P<what>[^,.;:\n()\-–]{2,40})",
    re.I,
)
# Words, and numbers as a size ('sauf le 12'); 'Ø12x1,1' carries 12.
_WORD = re.compile(r"[^\W\d_]{3,}|\d+")
_STEM = 5
EACH_RULE = "thread-each"
EACH_DOUBT = "the reply orders a count of each article the quoted offer names: a clerk confirms which"


def read_each_offered(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> ExtractedOrder:
    """The body's order, or a line per article of the quoted offer the reply takes 'N of each'."""
    own = parsed.text
    found = list(_EACH.finditer(own))
    if order.source != "email" or len(found) != 1 or not parsed.quoted.strip():
        return order
    each = found[0]
    offered = _offered(latest_quoted(parsed.quoted), index)
    groups = [offered]
    if len(offered) < 2:
        groups = offered_in_words(latest_quoted(parsed.quoted), index)
        offered = list(dict.fromkeys(sku for group in groups for sku in group))
    if len(offered) < 2:
        return order
    names = {sku: _stems(index.products[sku].name) for sku in offered}
    shared = set.intersection(*names.values())
    # The sentence saying it, its remarks left out: 'and the refills: 4 cases of the Z-fold white' after
    # it, '(we still have plenty of white)' inside it tell nothing of what each is counted for.
    begin, end = _sentence(own, each.start(), each.end())
    sentence = _REMARK.sub(" ", own[begin : each.start("count")] + own[each.end("count") : end])
    # Words read as the catalogue writes them: 'not the grey ones' against French names.
    refused = {w for m in _NOT.finditer(sentence) for w in _stems(english_to_catalogue(m["what"]))} - shared
    said = _stems(english_to_catalogue(_NOT.sub(" ", sentence)))
    telling = {w for w in said if any(w in n for n in names.values())} - shared
    # 'the vented one' is never the 'non ventilé' one, though both names write the word.
    kept = [
        sku
        for sku in offered
        if telling <= names[sku] and not refused & names[sku] and not denied(index.products[sku].name) & said
    ]
    # 'Also in cartons of 10' after the article's colours: what the words keep of the first such list.
    kept = next(([sku for sku in kept if sku in group] for group in groups if set(kept) & set(group)), kept)
    return _ordered(order, kept, each, own) if kept else order


_REMARK = re.compile(r"\([^()]*\)?")


def _sentence(own: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding `start`..`end` begins and ends."""
    begin = max(own.rfind(stop, 0, start) for stop in ".!?\n") + 1
    ends = [i for i in (own.find(stop, end) for stop in ".!?\n") if i >= 0]
    return begin, min(ends) if ends else len(own)


def _offered(quoted: str, index: CatalogIndex) -> list[str]:
    """The catalogue articles the quoted offer names by a code, in its order, once each."""
    skus: dict[str, None] = {}
    for line in quoted.splitlines():
        for found in code_spans(line, index):
            code = Extracted[str](value=found.group(0), confidence=1.0)
            match = match_article(ExtractedLine(line_no=1, code=code), index, customer_id=None)
            if match.sku is not None and match.sku in index.products:
                skus.setdefault(match.sku, None)
    return list(skus)


def _ordered(order: ExtractedOrder, kept: list[str], each: re.Match[str], own: str) -> ExtractedOrder:
    """The kept articles at the count, beside the lines read outside the sentence that says it."""
    start, end = each.span()
    where = Provenance(part=order.part, span=(start, end), rule=EACH_RULE)
    count = Extracted[Decimal](
        value=Decimal(each["count"]),
        confidence=0.8,
        provenance=Provenance(part=order.part, span=each.span("count"), rule=EACH_RULE),
    )
    lines = [
        ExtractedLine(
            line_no=0,
            code=Extracted[str](value=sku, confidence=0.8, provenance=where),
            quantity=count,
            provenance=where,
        )
        for sku in kept
    ]
    outside = [line for line in order.lines if not _inside(line, own, start, end)]
    lines += outside
    for number, line in enumerate(lines, start=1):
        line.line_no = number
    order = order.model_copy(update={"lines": lines, "doubts": [*order.doubts, EACH_DOUBT]})
    order.notes.append("a count of each article of the quoted offer the reply keeps")
    return order


def _inside(line: ExtractedLine, own: str, start: int, end: int) -> bool:
    """The line was read from the sentence that says 'N of each' (its count or its span there)."""
    where = line.quantity.provenance if line.quantity and line.quantity.provenance else line.provenance
    if where is None or where.span is None:
        return False
    sentence_start = max(own.rfind(".", 0, start), own.rfind("\n", 0, start)) + 1
    stops = [i for i in (own.find(".", end), own.find("\n", end)) if i >= 0]
    return sentence_start <= where.span[0] < (min(stops) if stops else len(own))


def _stems(text: str) -> set[str]:
    return {fold(word).lower()[:_STEM] for word in _WORD.findall(text)}
