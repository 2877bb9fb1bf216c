"""A short answer to our question that completes the customer's own order quoted under it.

"Les Valeo, merci." under "Pour les balais 600 mm : Bosch ou Valeo ?", itself over the customer's
order ("- 3 balais essuie-glace 600 mm ..."): the order is the one quoted further down, each line the
question asked about told apart by the answer's words, under the PO and date the answer restates or the
quoted order writes. Never taken alone: a clerk confirms which article each word chose.
"""

from __future__ import annotations

import re

from intake.followups.order_article import SURE_MARGIN, SURE_SCORE
from intake.followups.proposed import best_line, proposed_swaps, swapped, takes_proposal
from matchers import CatalogIndex, match_article
from matchers.normalize import fold
from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.text.reader import extract_from_text, read_lines
from parsers.text.thread import QUOTED_PART, latest_quoted, quoted_text

COMPLETES_RULE = "answer-completes-order"
COMPLETED_DOUBT = "the answer to our question completes the order quoted under it: a clerk confirms the lines"
# An answer is a few words: a longer text says more than which option.
ANSWER_CHARS = 300
_WORD = re.compile(r"[^\W\d_]{3,}")
_CLAUSE = re.compile(r"[^,.;!\n]+")
# Words that tell no option apart.
_PLAIN = frozenset(
    fold(w)
    for w in [
        "les",
        "des",
        "pour",
        "avec",
        "une",
        "est",
        "sont",
        "nous",
        "vous",
        "notre",
        "votre",
        "merci",
        "bonjour",
        "cordialement",
        "toujours",
        "sous",
        "cde",
        "commande",
        "reste",
        "prêt",
        "prête",
        "quelle",
        "quel",
        "quels",
        "quelles",
        "lequel",
        "laquelle",
        "lesquels",
        "the",
        "and",
        "for",
        "with",
        "our",
        "your",
        "thanks",
        "thank",
        "please",
        "order",
        "which",
        "one",
        "ones",
        "what",
        "still",
        "same",
    ]
)
# What an answer that orders nothing says: a refusal, a question back, a postponement.
_DECLINES = re.compile(
    r"\?|\b(?:pas|non|ne|annul\w*|reviens|reviendr\w*|attend\w*|not|no|cancel\w*|hold|later|get back)\b", re.I
)


def complete_quoted_order(parsed: ParsedMessage, index: CatalogIndex) -> ExtractedOrder | None:
    """The order quoted under our question, completed by the answer above it; None when the message is
    no such answer."""
    own = parsed.text.strip()
    if not own or len(own) > ANSWER_CHARS or _DECLINES.search(own) or not parsed.quoted.strip():
        return None
    latest = latest_quoted(parsed.quoted)
    history = quoted_text(parsed.quoted)
    if "?" not in latest or not history[len(latest) :].strip():
        return None
    older = re.sub(r"[^\n]", " ", latest) + history[len(latest) :]
    telling = (_words(own) & _words(latest)) - _words(older)
    base = [line for line in read_lines(older, part=QUOTED_PART, codes=index) if line.quantity is not None]
    swaps = proposed_swaps(latest, base, index) if takes_proposal(own) else {}
    if not (telling or swaps) or not base:
        return None
    told = _told_lines(parsed.text, latest, base, _words(older))
    lines = [_chosen(line, told.get(number, []), parsed, index) for number, line in enumerate(base)]
    for number, (sku, price, span) in swaps.items():
        lines[number] = swapped(lines[number], sku, price, span, QUOTED_PART)
    order = extract_from_text(parsed, codes=index)
    quoted_order = extract_from_text(
        parsed.model_copy(update={"text": older, "quoted": "", "html": None, "text_part": QUOTED_PART}),
        codes=index,
    )
    for number, line in enumerate(lines, start=1):
        line.line_no = number
    return order.model_copy(
        update={
            "lines": lines,
            "po_number": order.po_number or quoted_order.po_number,
            "requested_delivery_date": order.requested_delivery_date or quoted_order.requested_delivery_date,
            "doubts": [*order.doubts, COMPLETED_DOUBT],
            "notes": [*order.notes, "the answer completes the order quoted under our question"],
        }
    )


def _told_lines(
    own: str, question: str, base: list[ExtractedLine], known: set[str]
) -> dict[int, list[tuple[int, int]]]:
    """For each quoted line, the clauses of the answer that tell it apart (their spans in `own`): a clause
    writing words the quoted order does not (`known`), on the line it names itself ('casques blancs'),
    else on the line the question's sentence holding those words names ('Pour les balais 600 mm :
    Bosch ou Valeo ?' for 'Les Valeo')."""
    names = [_words(line.description.value) if line.description else set() for line in base]
    told: dict[int, list[tuple[int, int]]] = {}
    for clause in _CLAUSE.finditer(own):
        words = _words(clause.group(0))
        new = words - known
        if not new:
            continue
        place = best_line(names, words - new)
        asked = [q for q in question.split("\n") if _words(q) & new]
        if place is None and asked:
            place = best_line(names, set().union(*(_words(q) for q in asked)) - new)
        if place is not None:
            told.setdefault(place, []).append(clause.span())
    return told


def _chosen(
    line: ExtractedLine, spans: list[tuple[int, int]], parsed: ParsedMessage, index: CatalogIndex
) -> ExtractedLine:
    """The quoted line with the article its answer's words name for sure, else as quoted."""
    if not spans or line.description is None:
        return line
    said = " ".join(parsed.text[start:end].strip() for start, end in spans)
    asked = line.model_copy(deep=True)
    asked.description = asked.description.model_copy(update={"value": f"{line.description.value} {said}"})
    match = match_article(asked, index, customer_id=None)
    if match.sku is None or match.score < SURE_SCORE or match.margin < SURE_MARGIN:
        return line
    where = Provenance(part=parsed.text_part or "body", span=(spans[0][0], spans[-1][1]), rule=COMPLETES_RULE)
    return line.model_copy(update={"code": Extracted[str](value=match.sku, confidence=0.8, provenance=where)})


def _words(text: str) -> set[str]:
    """The words that may name an article or an option, singular ('casques blancs': casque, blanc)."""
    folded = (fold(m.group(0)) for m in _WORD.finditer(text))
    return {_singular(w) for w in folded if w not in _PLAIN}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word
