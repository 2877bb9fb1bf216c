"""A reply that takes the substitute our quoted note offers, by its name or by agreeing.

"The 6 x ball valves PN25 are out of stock. We can offer instead the PN40 lever valve (PLB-37865) at
14.60 EUR each." answered "The PN40 is fine, 6 as planned", "Va pour la poignée levier", "yes, send
the PN40 ones instead": an order of the article offered, at the count the answer writes or the count
that was missing, at the price offered. Never taken alone: a clerk confirms the substitution.
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.completes import without_added
from intake.followups.proposed import declines, names_proposal, proposals
from matchers import CatalogIndex
from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.text.agrees import agrees
from parsers.text.fields import po_number
from parsers.text.reader import extract_from_text
from parsers.text.thread import QUOTED_PART, latest_quoted
from parsers.values.numbers import parse_number

SUBSTITUTE_RULE = "answer-takes-substitute"
SUBSTITUTE_DOUBT = (
    "the reply takes the substitute our note offered: a clerk confirms the article and its count"
)
# How far after 'votre commande' its number is looked for.
_NUMBER_REACH = 40
# An answer is a few lines: a longer text orders in words of its own.
ANSWER_CHARS = 300
# A count the answer writes: a figure standing alone, not inside a code or a PO ('6 as planned').
_COUNT = re.compile(r"(?<![\w/.,-])(\d{1,4})(?![\w/-]|[.,]\d)")
# The count of the line that is missing: '6 x PLB-37699', 'the 3 x LAV2302B', 'Les 6 x ...'; never a model's
# mark ('the HP 26X is out of stock').
_MISSING = re.compile(r"(?<![\w.,])(\d{1,4})(?:\s+[xX×]|[x×])\s")

# The missing article written in the singular with no count: 'le kit de distribution ... est en rupture', 'the
# pump you ordered is out of stock'; its count is one.
_ONE_MISSING = re.compile(
    r"^(?!.*\b(?:sont|are|were|les|the\s+\w+s)\b).*\b(?:le|la|l['’]|the|this|ce|cet|cette)\s*[^\W\d_](?:[^.;!?\n]|\.(?=\d))*?"
    r"\b(?:est|is|n['’]est|isn['’]t|was)\b",
    re.I | re.S,
)


def takes_substitute(parsed: ParsedMessage, index: CatalogIndex) -> ExtractedOrder | None:
    """The order of the substitute the quoted note offers, when the answer takes it; None otherwise."""
    own = parsed.text.strip()
    if not own or len(own) > ANSWER_CHARS or not parsed.quoted.strip():
        return None
    latest = latest_quoted(parsed.quoted)
    offered = proposals(latest, index)
    if len(offered) != 1:
        return None
    before, sku, price, span = offered[0]
    if declines(own, before, latest[span[0] : span[1]]):
        return None
    if not (agrees(own) or names_proposal(own, before, latest[span[0] : span[1]])):
        return None
    missing = _MISSING.findall(before) or _MISSING.findall(latest[: span[0]])
    written = set(_COUNT.findall(latest))
    said = _COUNT.findall(without_added(own))  # 'et rajoutez 4 ...' its own
    # A figure of our note is no count of the answer ('the 26X'), but the count missing said again ('les 8').
    counts = [m for m in said if m not in written] or [
        m for m in said if re.search(rf"(?<![\w.,]){m}\s+[^\W\d_]", before)
    ]
    count = counts[0] if len(counts) == 1 else (missing[-1] if missing else None)
    value = parse_number(count) if count else (Decimal(1) if _ONE_MISSING.search(before) else None)
    if not value:
        return None
    where = Provenance(part=QUOTED_PART, span=span, rule=SUBSTITUTE_RULE)
    line = ExtractedLine(
        line_no=1,
        code=Extracted[str](value=sku, confidence=0.8, provenance=where),
        quantity=Extracted[Decimal](value=value, confidence=0.8, provenance=where),
        unit_price=Extracted[Decimal](value=price, confidence=0.8, provenance=where) if price else None,
        provenance=where,
    )
    order = extract_from_text(parsed, codes=index)
    po = order.po_number or _order_named(latest)
    update = {"lines": [line], "doubts": [*order.doubts, SUBSTITUTE_DOUBT], "po_number": po}
    order = order.model_copy(update=update)
    order.notes.append("the reply takes the substitute our note offered")
    return order


# 'Votre commande MDS/2026/377 est partie hier, à l'exception des 8 ...': our note names the order it is about.
_YOUR_ORDER = re.compile(
    r"\b(?:votre|your)\s+(?:commande|order|purchase\s+order|bon\s+de\s+commande)\b", re.I
)


def _order_named(note: str) -> Extracted[str] | None:
    """The customer's order number our quoted note names as theirs: the answer taking our substitute is
    a line of that order, under its PO."""
    found = _YOUR_ORDER.search(note)
    if found is None:
        return None
    return po_number("", note[found.start() : found.end() + _NUMBER_REACH], part=QUOTED_PART)
