"""A short answer that orders one option of the question quoted under it.

"Ok pour la boîte de 500 alors, mettez-en 6", "go for the latex then, 4 please", "la blanche,
10 pièces", "the 38 mm, 12 rolls please": the question quoted ("existent en boîte de 200 et en
boîte de 500, laquelle ?") names the article and its options; the answer names one option and
a count. The article is the catalogue's candidate for the question that carries the option's
words, where the other candidates do not: what the question merely mentioned is never ordered.
Anything short of one such candidate, leading clearly, is a doubt for a clerk.
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.clause import english_to_catalogue
from intake.followups.option_article import NUMBER, TOKEN, Answer, is_named, key, option_article
from intake.followups.order_article import SURE_MARGIN, SURE_SCORE
from matchers import CatalogIndex, match_article
from models import Extracted, ExtractedLine, ExtractedOrder, LineMatch, ParsedMessage, Provenance
from parsers.text.extracted import written_at
from parsers.text.thread import quoted_text
from parsers.values.numbers import parse_number
from parsers.values.units import normalise_unit

# An answer is a line or two; beyond this the sender writes an order of its own.
MAX_ANSWER_CHARS = 160
# Words of an answer that name no option ('ok pour la ... alors, mettez-en', 'go for the ... then').
_FILLER = frozenset(
    [
        "ok",
        "oui",
        "yes",
        "pour",
        "la",
        "le",
        "les",
        "l",
        "de",
        "des",
        "du",
        "d",
        "en",
        "un",
        "une",
        "et",
        "alors",
        "donc",
        "merci",
        "svp",
        "stp",
        "mettez",
        "mettre",
        "mets",
        "nous",
        "vous",
        "moi",
        "me",
        "go",
        "for",
        "the",
        "a",
        "an",
        "of",
        "then",
        "please",
        "thanks",
        "thank",
        "take",
        "we",
        "ll",
        "will",
        "i",
        "it",
        "them",
        "one",
        "ones",
        "in",
        "and",
        "so",
    ]
)
# A number of this many digits is a reference (a PO, an order number), not a count.
_REFERENCE_DIGITS = 6
# An answer that takes more than one option ('yes to both', 'on prend les deux').
_SEVERAL = re.compile(
    r"\b(?:both|the two|all of them|all three|les deux|tous les deux|toutes les deux|les trois|tout prendre)\b",
    re.I,
)
# The provenance rule of a line an answer orders.
ANSWER_RULE = "thread-option"


def read_option_answer(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> ExtractedOrder:
    """The body's order, or the options the short answer names of the quoted question, each with its
    count ('3 of the pink 20 L and 2 of the yellow ones')."""
    question = _question(parsed.quoted)
    if order.source != "email" or not question:
        return order
    answers = _answers(parsed.text, question)
    if not answers:
        return order
    inside = [[line for line in order.lines if _inside(line, answer)] for answer in answers]
    own = [line for line in order.lines if not any(line in each for each in inside)]  # 'Et ajoutez 2 ...'
    # An answer naming its article itself is read as written ('and 2 of the timing kits with the pump').
    named = [
        bool(each) and all(_sure(match_article(ln, index, customer_id=None)) for ln in each)
        for each in inside
    ]
    if all(named):
        return order
    read = [
        _answered_line(parsed.text, answer, question, index, order.part)
        for answer, as_written in zip(answers, named, strict=True)
        if not as_written
    ]
    kept = [line for each, as_written in zip(inside, named, strict=True) if as_written for line in each]
    lines = sorted([line for line, _ in read] + kept, key=written_at) + own
    for number, each in enumerate(lines, start=1):
        each.line_no = number
    doubts = list(dict.fromkeys(doubt for _, doubt in read if doubt))
    if len(read) < 2 and _SEVERAL.search(parsed.text):  # 'Yes to both, but 10 instead of 6 for the first one'
        doubts.append(
            "the answer takes several options of the question and fewer were read: confirm the lines"
        )
    order = order.model_copy(update={"lines": lines, "doubts": [*order.doubts, *doubts]})
    order.notes.append("a short answer names options of the question quoted: those options are ordered")
    return order


def _answered_line(
    own: str, answer: Answer, question: str, index: CatalogIndex, part: str
) -> tuple[ExtractedLine, str | None]:
    """The line one answer orders: the option's article, if named for sure, at the answer's count."""
    sku, doubt, telling = option_article(answer, question, index)
    own_options = [
        (w, span) for w, span in answer.options if (w, span) not in answer.shared
    ] or answer.options
    named = [span for word, span in own_options if key(english_to_catalogue(word)) in telling] or [
        span for _, span in own_options
    ]
    quantity, span = answer.quantity
    # The option named on one side of the count ('Size 9 then, 3 boxes': '9'), never across it.
    named = [n for n in named if n[1] <= span[0]] or [n for n in named if n[0] >= span[1]] or named
    start, end = named[0][0], named[-1][1]
    where = Provenance(part=part, span=(start, end), rule=ANSWER_RULE)
    line = ExtractedLine(
        line_no=1,
        description=Extracted[str](value=own[start:end], confidence=0.8, provenance=where),
        quantity=Extracted[Decimal](
            value=quantity, confidence=0.9, provenance=Provenance(part=part, span=span, rule=ANSWER_RULE)
        ),
        provenance=Provenance(
            part=part, span=(answer.start, answer.start + len(answer.text)), rule=ANSWER_RULE
        ),
    )
    if sku is not None:
        line.code = Extracted[str](value=sku, confidence=0.9, provenance=where)
    return line, doubt


# The quoted message's header: its attribution and its From / Sent / To / Subject block.
_HEADER = re.compile(
    r"^.*(?:a [ée]crit|wrote)\s*:\s*$|^\s*(?:de|from|envoy[ée]|sent|date|[àa]|to|cc|objet|subject)\s*:.*$",
    re.I | re.M,
)


# Words that ask the reader to choose without a question mark ("Je peux vous proposer : ... Dites-moi."),
# or offer another article in place of one out of stock ("Nous pouvons vous proposer l'équivalent LuK",
# "we can offer the 5 L cans instead"): the reply that takes it answers them.
# The words may wrap onto the next quoted line ('We can' / 'offer instead the ...'): any space between them.
_ASKS_TO_CHOOSE = re.compile(
    (
        r"\b(?:dites[- ](?:moi|nous)|faites[- ](?:moi|nous) savoir|merci de (?:me )?(?:dire|pr[ée]ciser|confirmer)"
        r"|let me know|tell me|please (?:confirm|advise)"
        r"|(?:nous|je) (?:pouvons|pourrions|peux|pourrais) vous (?:proposer|offrir|livrer)|nous vous proposons"
        r"|(?:we|i) (?:can|could) (?:offer|propose|supply|send) you|(?:we|i) (?:can|could) offer)\b[^\n]*"
    ).replace(" ", r"\s+"),
    re.I,
)


# Words that set out what we have for the reader to choose from, the list under them: "In coolant
# we stock:", "Nous avons en stock :", "available in:".
_SETS_OUT = re.compile(
    r"\b(?:(?:we|i)\s+(?:stock|carry|have|hold|keep)|(?:nous\s+)?(?:avons|stockons|tenons|disposons)"
    r"|en stock|in stock|available|disponibles?)\b[^\n?]*:[ \t]*$",
    re.I | re.M,
)


def _question(quoted: str) -> str:
    """The quoted message's text up to its last question mark, or up to the words asking to choose
    ('Dites-moi.', 'Let me know.') or offering a substitute, or the whole of it when it sets out what
    it has ('In coolant we stock:' over a list); empty when it asks nothing."""
    text = _HEADER.sub("", quoted_text(quoted))
    end = text.rfind("?") + 1
    if not end:
        asks = list(_ASKS_TO_CHOOSE.finditer(text))
        end = asks[-1].end() if asks else (len(text) if _SETS_OUT.search(text) else 0)
    return text[:end]


def offers_a_choice(quoted: str) -> bool:
    """The quoted message asks which article or option, or offers one in place of another."""
    return bool(_question(quoted))


def _answers(own: str, question: str) -> list[Answer]:
    """The sentences of the sender's text that count something and name what the question names, as
    one answer per count ('3 of the pink 20 L and 2 of the yellow ones' is two; 'Valeo please, 3 of
    them. And 2 of the timing kits.' is two, one a sentence); a sentence that adds an article ('Et
    ajoutez 2 ...', 'plus 5 boxes of ...') is a line of its own, read as written."""
    asked = {key(t) for t in TOKEN.findall(question)}
    found = []
    for sentence in _SENTENCE.finditer(own):
        if len(sentence.group(0).strip()) > MAX_ANSWER_CHARS or _ADDS.search(sentence.group(0)):
            continue
        clauses = [_clause(own, sentence.start(), sentence.group(0), asked)]
        head: _Words = []
        if clauses[0] is not None and len(clauses[0][2]) > 1:
            clauses, head = _with_head(_counted_clauses(own, sentence, asked))
        if clauses and all(c is not None and len(c[2]) == 1 and c[1] for c in clauses):
            found.append((sentence, [c for c in clauses if c is not None], head))
    if not found or (len(found) > 1 and any(len(clauses) > 1 for _, clauses, _ in found)):
        return []
    answers = []
    for sentence, clauses, head in found:
        for tokens, options, ((count, span),) in clauses:
            value = parse_number(count)
            if value is None or value <= 0:
                return []
            units = frozenset(u for w, _ in tokens if (u := normalise_unit(w)) is not None)
            answers.append(
                Answer(sentence.group(0), sentence.start(), (value, span), options, units, tuple(head))
            )
    return answers


_Words = list[tuple[str, tuple[int, int]]]
# A sentence of the answer: a decimal point ('0.7 for the G2', 'le 2.5 mm') ends none.
_SENTENCE = re.compile(r"(?:[^\n.!?]|(?<=\d)\.(?=\d))+")


def _counted_clauses(
    own: str, sentence: re.Match[str], asked: set[str]
) -> list[tuple[_Words, _Words, _Words]]:
    """The stretches of a sentence counting several options, each that counts something."""
    found = []
    for begin, end in _clause_cuts(sentence.group(0)):
        clause = _clause(own, sentence.start() + begin, sentence.group(0)[begin:end], asked)
        if clause is not None and clause[2]:
            found.append(clause)
    return found


def _with_head(
    clauses: list[tuple[_Words, _Words, _Words]],
) -> tuple[list[tuple[_Words, _Words, _Words]], _Words]:
    """'The box of 50 then - 3 boxes of the black, and 2 of the red': the options said before the
    first count are every count's (and those options)."""
    if len(clauses) < 2:
        return clauses, []
    first = clauses[0][2][0][1][0]
    head = [(w, span) for w, span in clauses[0][1] if span[1] <= first]
    return [clauses[0], *[(t, [*head, *o], c) for t, o, c in clauses[1:]]], head


def _clause(own: str, at: int, text: str, asked: set[str]) -> tuple[_Words, _Words, _Words] | None:
    """(words, the options it names, its counts) of a stretch of the answer."""
    tokens = [
        (t.group(0), (at + t.start(), at + t.end()))
        for t in TOKEN.finditer(text)
        if not _in_reference(own, at + t.start(), at + t.end())
    ]
    options = [
        (w, span)
        for w, span in tokens
        if key(w) not in _FILLER and is_named(key(w), asked) and not _COUNT_OF.match(own, span[1])
    ]
    counts = [(w, span) for w, span in tokens if NUMBER.match(w) and (w, span) not in options]
    return (tokens, options, counts) if counts or options else None


# A number counting what the answer names, whatever numbers the question writes: '2 of them', '3 d'entre eux'.
_COUNT_OF = re.compile(r"\s+(?:of\s+(?:them|those|these)|d['’]entre\s+(?:eux|elles))\b", re.I)


# Where an answer counting several options cuts: '3 of the pink and 2 of the yellow', '3 roses, 2 jaunes'.
_CUT = re.compile(r",\s*|;\s*|\s+(?:and|et|&)\s+", re.I)


def _clause_cuts(text: str) -> list[tuple[int, int]]:
    cuts, at = [], 0
    for found in [*_CUT.finditer(text), None]:
        end = found.start() if found else len(text)
        cuts.append((at, end))
        at = found.end() if found else end
    return cuts


# A sentence that adds an article of its own to the answer.
_ADDS = re.compile(
    r"\b(?:ajout\w*|rajout\w*|add(?:ing)?|plus|also|en plus|de plus|aussi|in addition)\b", re.I
)


def _in_reference(text: str, start: int, end: int) -> bool:
    """The word is part of a reference ('CDE26-3412', 'GLY-2611-031', '4500013102'), never an
    option or a count; '3/4' and '5L' are sizes."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    word = text[start:end].strip(".,;:()[]'\"")
    digits = sum(c.isdigit() for c in word)
    joined = any(c in "-/_" for c in word) and any(c.isalpha() for c in word)
    return digits >= _REFERENCE_DIGITS or (joined and digits > 0)


def _sure(match: LineMatch) -> bool:
    return match.sku is not None and match.score >= SURE_SCORE and match.margin >= SURE_MARGIN


def _inside(line: ExtractedLine, answer: Answer) -> bool:
    """The line was read from the answer: its count is there (a line's own span may run over the
    sentence before it, 'ok pour la 50, mettez-en 6. Et ajoutez 2 ...')."""
    counted = line.quantity.provenance if line.quantity is not None else None
    where = counted if counted is not None and counted.span is not None else line.provenance
    return (
        where is not None
        and where.span is not None
        and answer.start <= where.span[0] < answer.start + len(answer.text)
    )
