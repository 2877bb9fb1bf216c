"""A short answer to our question that completes the customer's own order quoted under it.

"Les Valeo, merci." under "Pour les balais 600 mm : Bosch ou Valeo ?", itself over the customer's
order ("- 3 balais essuie-glace 600 mm ..."): the order is the one quoted further down, each line the
question asked about told apart by the answer's words, under the PO and date the answer restates or the
quoted order writes. Never taken alone: a clerk confirms which article each word chose.
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.added import added_lines
from intake.followups.clause import load_operations
from intake.followups.order_article import SURE_MARGIN, SURE_SCORE
from intake.followups.proposed import best_line, proposals, proposed_swaps, swapped
from intake.followups.sized_answers import sizes_counted
from matchers import CatalogIndex, match_article
from matchers.normalize import fold
from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.text.reader import extract_from_text, read_lines
from parsers.text.thread import QUOTED_PART, latest_quoted, quoted_text

COMPLETES_RULE = "answer-completes-order"
COMPLETED_DOUBT = "the answer to our question completes the order quoted under it: a clerk confirms the lines"
# An answer is a few words: a longer text says more than which option.
ANSWER_CHARS = 300
# Words, and the decimal figures that tell options apart ('0.5 ou 0.7', '2.5 or 4 mm²').
_WORD = re.compile(r"[^\W\d_]{3,}|\d+[.,]\d+")
_CLAUSE = re.compile(r"(?:[^,.;!\n]|(?<=\d)[.,](?=\d))+")
_SENTENCE = re.compile(r"[^.;!?\n]+")
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
    r"\?|\b(?:pas|non|ne|annul\w*|reviens|reviendr\w*|attend\w*|wait\w*|not|no|cancel\w*|hold|later|get back)\b",
    re.I,
)
# A negation alone, which may choose an option by the one it turns down ('pas besoin de ceinture').
_NEGATION = re.compile(r"\b(?:pas|non|ne|not|no)\b", re.I)
# A choice said once for every line the question asked about: 'Alu pour tout', 'size L for all of them'.
_FOR_ALL = re.compile(
    r"\b(?:pour\s+(?:tout|toutes?|tous|l['’]ensemble)|partout|(?:for|on)\s+(?:all|everything|every\s+\w+)"
    r"|(?:all|both)\s+of\s+them|across\s+the\s+board)\b",
    re.I,
)


def complete_quoted_order(
    parsed: ParsedMessage, index: CatalogIndex, counted: list[ExtractedLine] | None = None
) -> ExtractedOrder | None:
    """The order quoted under our question, completed by the answer above it; None when the message is
    no such answer. The lines the answer counts itself (`counted`: 'Blouses : 4 en M et 4 en L') take the
    place of the one quoted line each names; one naming none makes it no such answer."""
    own = parsed.text.strip()
    if not own or len(own) > ANSWER_CHARS or not parsed.quoted.strip():
        return None
    latest = latest_quoted(parsed.quoted)
    history = quoted_text(parsed.quoted)
    # Our question, or our note offering a replacement to confirm ('Nous pouvons vous proposer à la place ...').
    if ("?" not in latest and not proposals(latest, index)) or not history[len(latest) :].strip():
        return None
    older = re.sub(r"[^\n]", " ", latest) + history[len(latest) :]
    if _declines(own, _words(latest) - _words(older)):
        return None
    telling = (_words(without_added(own)) & _words(latest)) - _words(older)
    base = [line for line in read_lines(older, part=QUOTED_PART, codes=index) if line.quantity is not None]
    swaps = proposed_swaps(own, latest, base, index)
    names = [_words(line.description.value) if line.description else set() for line in base]
    numbered = {
        span: place
        for span, asked in numbered_answers(parsed.text, latest)
        if (place := best_line(names, _words(asked))) is not None
    }
    # A count said of the article our note proposes ('Ok pour les steakhouse, mettez-en 3') counts its line.
    offered = {next(iter(swaps)): _words(latest) - _words(older)} if len(swaps) == 1 else {}
    asked = set().union(*(_words(q) for q in latest.split("\n") if "?" in q)) - set().union(*names)
    in_place, recounts = _in_place(counted or [], base, numbered, offered, asked)
    if in_place is not None:
        in_place |= _sized(parsed.text, numbered, base, parsed.text_part or "body")
    if not (telling or swaps or in_place or numbered or recounts) or not base or in_place is None:
        return None
    told = _told_lines(without_added(parsed.text), latest, base, _words(older), numbered)
    lines = [_chosen(line, told.get(number, []), parsed, index) for number, line in enumerate(base)]
    for number, (sku, price, span) in swaps.items():
        lines[number] = swapped(lines[number], sku, price, span, QUOTED_PART)
    for number, line in recounts.items():
        lines[number] = lines[number].model_copy(update={"quantity": line.quantity, "unit": line.unit})
    lines = [taken for number, line in enumerate(lines) for taken in in_place.get(number, [line])]
    lines += in_place.get(len(base), [])
    described = [line.description.value for line in base if line.description]
    added = [same_choice(clause, _choices(parsed.text, told)) for clause in added_clauses(parsed.text)]
    lines += added_lines(added, parsed.text, described, part=parsed.text_part or "body")
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


def _in_place(
    counted: list[ExtractedLine],
    base: list[ExtractedLine],
    numbered: dict[tuple[int, int], int],
    offered: dict[int, set[str]],
    asked: set[str],
) -> tuple[dict[int, list[ExtractedLine]] | None, dict[int, ExtractedLine]]:
    """The answer's counted lines by the place of the one quoted line each names by its words (None when
    one names none or several), and those that recount a quoted line they do not name: written on the line
    answering its numbered question ('3) boîtes 5/1, 8 cartons'), or naming the article our note offers in
    its place (`offered`: the place and the words only the note writes). A line naming an article our
    question asks about and no counted quoted line names (`asked`: 'courroie : quelle longueur, et
    combien ?' over the customer's uncounted '- courroie de la faucheuse') is one more line, at the place
    after the quoted ones."""
    names = [_words(line.description.value) if line.description else set() for line in base]
    places: dict[int, list[ExtractedLine]] = {}
    recounts: dict[int, ExtractedLine] = {}
    for line in counted:
        words = _words(line.description.value) if line.description else set()
        span = _body_span(line)
        answering = [p for (start, end), p in numbered.items() if span is not None and start <= span < end]
        offering = [p for p, said in offered.items() if words and words <= said]
        place = best_line(names, words) if line.description else None
        if place is None and len(answering + offering) == 1:
            recounts[(answering + offering)[0]] = line
        elif place is None and words & asked:
            places.setdefault(len(base), []).append(line)
        elif place is None:
            return None, {}
        else:
            places.setdefault(place, []).append(line)
    return places, recounts


def _sized(
    own: str, numbered: dict[tuple[int, int], int], base: list[ExtractedLine], part: str
) -> dict[int, list[ExtractedLine]]:
    """The quoted line each numbered answer counting sizes splits ('1) 12 en 8, 12 en 9' under '1) les
    gants nitrile : quelles tailles ?'): that line in each size, counted so."""
    split: dict[int, list[ExtractedLine]] = {}
    for (start, end), place in numbered.items():
        name = base[place].description.value if base[place].description else ""
        where = Provenance(part=part, span=(start, end), rule=COMPLETES_RULE)
        for count, size in sizes_counted(own[start:end]):
            update = {
                "description": Extracted[str](value=f"{name} {size}", confidence=0.8, provenance=where),
                "quantity": Extracted[Decimal](value=count, confidence=0.85, provenance=where),
            }
            split.setdefault(place, []).append(base[place].model_copy(update=update))
    return split


def _body_span(line: ExtractedLine) -> int | None:
    where = line.quantity.provenance if line.quantity is not None else None
    return where.span[0] if where is not None and where.span is not None else None


# A line of the answer numbered as one of our numbered questions ('1) 48' under '1) yaourts : colis de 24 ou
# de 48 ?'): it answers that question, whatever words it writes.
_NUMBERED = re.compile(r"^[ \t]*(?P<number>\d{1,2})\s*(?:\)|[.:–-](?=\s))[ \t]*(?P<said>\S[^\n]*)$", re.M)


def numbered_answers(own: str, question: str) -> list[tuple[tuple[int, int], str]]:
    """Each line of the answer numbered as one of the question's numbered lines that asks something: (the
    span of its words in `own`, the question's line)."""
    asked = {m["number"]: m["said"] for m in _NUMBERED.finditer(question) if "?" in m["said"]}
    return [(m.span("said"), asked[m["number"]]) for m in _NUMBERED.finditer(own) if m["number"] in asked]


def _told_lines(
    own: str, question: str, base: list[ExtractedLine], known: set[str], numbered: dict[tuple[int, int], int]
) -> dict[int, list[tuple[int, int]]]:
    """For each quoted line, the clauses of the answer that tell it apart (their spans in `own`): a clause
    writing words the quoted order does not (`known`), on the line it names itself ('casques blancs'),
    else on the line the question's sentence holding those words names ('Pour les balais 600 mm :
    Bosch ou Valeo ?' for 'Les Valeo')."""
    names = [_words(line.description.value) if line.description else set() for line in base]
    told: dict[int, list[tuple[int, int]]] = {}
    for (
        start,
        _,
    ), place in numbered.items():  # its first clause tells the option: '3) boîtes 5/1, 8 cartons'
        told.setdefault(place, []).append(_CLAUSE.match(own, start).span())
    for clause in _CLAUSE.finditer(own):
        if any(start <= clause.start() < end for start, end in numbered):
            continue
        coded = [q for q in question.split("\n") if _writes_an_option(clause.group(0), q)]
        if len(coded) == 1 and (place := best_line(names, _words(coded[0]))) is not None:
            told.setdefault(place, []).append(clause.span())
            continue
        words = _words(clause.group(0))
        new = words - known
        if not new or _DECLINES.search(clause.group(0)):  # 'pas besoin de ceinture' names what is not chosen
            continue
        place = best_line(names, words - new)
        asked = [q for q in question.split("\n") if _words(q) & new]
        places = [] if place is None else [place]
        if place is None and asked:
            sentence = next((m.group(0) for m in _SENTENCE.finditer(own) if m.end() >= clause.end()), "")
            places = _asked_lines(names, set().union(*(_words(q) for q in asked)) - new, sentence)
        if _FOR_ALL.search(clause.group(0)):
            places = list(range(len(base)))
        for each in places:
            told.setdefault(each, []).append(clause.span())
    return told


# The options a question sets out after its article: 'filtre hydraulique : HD 13/4 ou HD 15/1 ?'.
_OPTIONS = re.compile(r"[:?]|\s(?:ou|or|soit|either)\s|,", re.I)


def _writes_an_option(clause: str, question: str) -> bool:
    """The clause writes one of the options, coded with figures, that a question line sets out ('le HD 15/1'
    under 'filtre hydraulique : HD 13/4 ou HD 15/1 ?'): its words need not name the line."""
    if "?" not in question:
        return False
    options = [o.strip() for o in _OPTIONS.split(question.split(":", 1)[-1]) if re.search(r"\d", o)]
    return any(
        len(o) >= 3 and re.search(rf"(?<![\w/.-]){re.escape(o)}(?![\w/.-])", clause, re.I) for o in options
    )


# A choice said of the two lines the question asked about together: 'Les TRW pour les deux', 'Bosch for both'.
_BOTH = re.compile(r"\b(?:(?:pour\s+)?les\s+(?:deux|2)|(?:for\s+)?both|the\s+two(?:\s+of\s+them)?)\b", re.I)


def _asked_lines(names: list[set[str]], asked: set[str], sentence: str) -> list[int]:
    """The quoted line the question's words name ('Pour les balais 600 mm : Bosch ou Valeo ?'); the two they
    name alike when the answer's sentence says both ('plaquettes AV et AR ... Bosch ou TRW ?': 'Les TRW pour
    les deux')."""
    place = best_line(names, asked)
    if place is not None:
        return [place]
    shared = [len(name & asked) for name in names]
    top = max(shared, default=0)
    alike = [number for number, count in enumerate(shared) if top and count == top]
    return alike if len(alike) == 2 and _BOTH.search(sentence) else []


# An added article said in the option the answer chose: 'et ajoutez 4 doubles même finition', 'add 2 more in
# the same colour'.
_SAME_CHOICE = re.compile(
    r"\b(?:(?:dans\s+|en\s+)?(?:la|le)\s+)?m[êe]mes?\s+(?:finition|couleur|coloris|teinte|mod[èe]le|gamme)s?\b"
    r"|\b(?:in\s+)?(?:the\s+)?same\s+(?:finish|colou?r|shade|model|range)\b",
    re.I,
)


def _choices(own: str, told: dict[int, list[tuple[int, int]]]) -> set[str]:
    """The options the answer chose, as it writes them ('Anthracite pour tout': 'Anthracite')."""
    return {_FOR_ALL.sub(" ", own[start:end]).strip() for spans in told.values() for start, end in spans}


def same_choice(clause: str, choices: set[str]) -> str:
    """`clause` with 'même finition' / 'same colour' written as the one option the answer chose; as it is
    when it chose none or several."""
    if len(choices) != 1:
        return clause
    (chosen,) = choices
    return _SAME_CHOICE.sub(lambda _: chosen, clause)


def _declines(own: str, options: set[str]) -> bool:
    """The answer refuses, asks back or puts off: a clause saying so that names none of the options the
    question set out ('Non merci', 'on attend le réassort'); 'pas besoin de ceinture' chooses one."""
    for clause in re.split(r"[.;!\n]", own):
        declines = _DECLINES.search(clause)
        if declines and (_DECLINES.search(_NEGATION.sub(" ", clause)) or not _words(clause) & options):
            return True
    return False


def added_clauses(own: str) -> list[str]:
    """The sentences of an answer that add an article ('Et rajoutez 4 plaques', 'and add 12 plates')."""
    return [own[start:end] for start, end in _added_spans(own)]


def without_added(own: str) -> str:
    """The answer with the sentences that add an article blanked, offsets kept: what it says of the quoted lines."""
    for start, end in _added_spans(own):
        own = own[:start] + " " * (end - start) + own[end:]
    return own


def _added_spans(own: str) -> list[tuple[int, int]]:
    adds = load_operations().add
    return [m.span() for m in _SENTENCE.finditer(own) if adds.search(m.group(0))]


def _chosen(
    line: ExtractedLine, spans: list[tuple[int, int]], parsed: ParsedMessage, index: CatalogIndex
) -> ExtractedLine:
    """The quoted line with the article its answer's words name for sure, else as quoted."""
    if not spans or line.description is None:
        return line
    said = " ".join(_FOR_ALL.sub(" ", parsed.text[start:end]).strip() for start, end in spans)
    asked = line.model_copy(deep=True)
    asked.description = asked.description.model_copy(update={"value": f"{line.description.value} {said}"})
    match = match_article(asked, index, customer_id=None)
    if match.sku is None or match.score < SURE_SCORE or match.margin < SURE_MARGIN:
        return asked  # the matcher reads the line with the answer's words, for a clerk to confirm
    where = Provenance(part=parsed.text_part or "body", span=(spans[0][0], spans[-1][1]), rule=COMPLETES_RULE)
    return line.model_copy(update={"code": Extracted[str](value=match.sku, confidence=0.8, provenance=where)})


def _words(text: str) -> set[str]:
    """The words that may name an article or an option, singular ('casques blancs': casque, blanc)."""
    folded = (fold(m.group(0)) for m in _WORD.finditer(text))
    return {_singular(w) for w in folded if w not in _PLAIN}


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word
