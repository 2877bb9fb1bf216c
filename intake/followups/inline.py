"""A reply that answers our quoted lines one by one, under each of them.

"> 20 x LED panel 600x600 - 29,50" then "OK", "> 30 x T8 tube" then "make it 40", "> 10 x batten IP65"
then "not needed, remove": each quoted line is ordered as its answer says (kept, counted anew or
left out), with what the sender writes around the answers ('Please also add 2 x ...') as lines of
its own. An answer read neither way keeps its line and leaves a doubt for a clerk. An answer under
our question about a line ('> Which sizes?') reads that line again (`asked`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.asked import added_from, asked_about, asked_lines, deepest_lines
from intake.followups.sized_answers import sized_rows
from intake.followups.swap import variant_in_words
from matchers import CatalogIndex, match_article
from models import Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from parsers.text.extracted import written_at
from parsers.text.reader import QUOTED_PART, quoted_lines
from parsers.values.numbers import parse_number, word_quantity
from parsers.values.units import normalise_unit

# The provenance rule of a quoted line an answer written under it orders.
INLINE_RULE = "thread-inline"
# An answer is a few words; a longer text under a quoted line says more than yes, no or a count.
MAX_ANSWER_CHARS = 80
_TAKES = re.compile(
    r"^\W*(?:ok(?:ay)?|yes|yep|oui|d['’]accord|fine|good|great|parfait|confirm(?:ed|[ée]e?s?)|c['’]est bon"
    r"|[çc]a (?:marche|va|me va)|correct|agreed|valid[ée]e?s?|bon pour (?:moi|nous)|that['’]s fine|all good"
    r"|go(?: ahead)?|same|idem|pareil|as is|tel quel|comme pr[ée]vu|as planned)\b",
    re.I,
)
_GIVE_UP_WORDS = (
    r"\b(?:remove|drop|delete|cancel|skip|not needed|no longer needed|(?:do not|don['’]t) need|no need"
    r"|none|pas besoin|plus besoin|pas la peine|supprim\w*|retir\w*|enl[eè]v\w*|annul\w*"
    r"|pas (?:celui|celle|ceux|celles)[- ]l[àa]|on n['’]en veut pas|not (?:this|that) one|leave (?:it|them) out"
    r"|laiss(?:e|ez|ons)\s+tomber|on\s+oublie|oubliez|forget\s+(?:it|them|that)"
    r"|pas\s+(?:pour\s+)?(?:cette\s+fois|ce\s+coup-ci|maintenant)|not\s+(?:this\s+time|now|for\s+now))\b"
)
# An answer that turns the line down and says nothing else: 'not this time', 'Non merci.', 'no thanks'.
_ONLY_DECLINES = re.compile(
    rf"^\W*(?:(?:no|non)\b[\W]*)?(?:{_GIVE_UP_WORDS}|(?<!\w)(?:no|non)\b)\W*(?:(?:merci|thanks|thank\s+you)\b\W*)?$",
    re.I,
)
_DROPS = re.compile(rf"{_GIVE_UP_WORDS}|^\W*(?:no|non)\b", re.I)
# Under our question about a line, what gives the line up ('non, on laisse tomber', 'forget it', 'pas
# besoin'); a bare 'non' may open the option chosen ('non, les noirs').
_GIVES_UP = re.compile(_GIVE_UP_WORDS, re.I)
_MORE = re.compile(r"\b(?:more|extra|de plus|en plus|suppl[ée]mentaires?)\b", re.I)
# A count is a number standing alone: never one glued to letters or other figures ('FLH-52001', '3000K').
_COUNT = re.compile(r"(?<![\w.,/-])\d+(?:[.,]\d+)?(?![\w/-]|[.,]\d)")
_WORDED = re.compile(r"[^\W\d_]+", re.I)
_CLAUSES = re.compile(r"(?:[^,;.!\n]|(?<=\d)[.,](?=\d))+")
_UNIT = re.compile(r"\d\s*(?P<unit>[^\W\d_]+)")


def read_inline_answers(
    parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex
) -> ExtractedOrder | None:
    """The order the answers under the quoted lines make, with the sender's own lines; None when
    fewer than two answers sit each under one quoted line that counts an article."""
    if order.source != "email" or len(parsed.inline_answers) < 2:
        return None
    quoted = quoted_lines(parsed, codes=index) or deepest_lines(parsed.quoted, index)
    # '4 L and 4 XL' under '1. Parka ..., M to 3XL - 69.00 each': the sizes counted are the row's lines.
    sized = sized_rows(parsed, order.part)
    quoted = [
        _uncounted(ln, parsed.quoted)
        for ln in quoted
        if not any(_starts_in(ln, row) for row, _, _ in sized) and not _in_stock_row(ln, parsed.quoted)
    ]
    answered = _under_lines(parsed, quoted)
    if len(answered) + len(sized) < 2:
        return None
    offered = {id(under[2]): under[2] for under in answered.values() if under[2] is not None}
    known = {id(ln) for ln in quoted}
    quoted = sorted([*quoted, *(ln for key, ln in offered.items() if key not in known)], key=written_at)
    lines, doubts, places = [ln for _, _, read in sized for ln in read], [], [span for _, span, _ in sized]
    for line in quoted:
        if id(line) not in answered:
            lines.append(line)
            doubts.append("a quoted line has no answer under it: it is kept, confirm it")
            continue
        answer, span, offered, question = answered[id(line)]
        if question is not None:
            cut = added_from(answer)
            places.append(span if span is None or cut is None else (span[0], span[0] + cut))
            gives_up = _GIVES_UP.search(answer) is not None and (
                not _counts(answer) or _counts_what_is_left(answer)
            )
            again = [] if gives_up else asked_lines(line, answer, question, order.part, span)
            if again is None:
                doubts.append(f"the answer '{answer}' to our question about a quoted line was not read")
                lines += [line] if line.quantity is not None else []
            else:
                lines += again
            continue
        places.append(span)
        read = _answered_line(line, answer, order.part, span) or _other_variant(
            line, answer, order.part, span, index
        )
        # An article we offer that the answer only turns down ('not this time', 'non merci') is read as
        # left out; any other word under it may name what replaces it ('non, ...'), so a clerk reads it.
        declined = read is _LEFT_OUT and _ONLY_DECLINES.match(answer) is not None
        if read is None or (offered is not None and read.quantity is None and not declined):
            doubts.append(f"the answer '{answer}' under a quoted line was not read: its line is kept")
            lines += [] if offered is not None else [line]
        elif read is not _LEFT_OUT:
            lines.append(read)
        # A quoted line left out keeps its row unread, so the order waits for a clerk: an answer giving a
        # line up may also name what replaces it ('non, ...'), and an order read without that line must
        # not pass in any routing mode.
    own = [ln for ln in order.lines if not any(_starts_in(ln, place) for place in places if place)]
    lines = [*lines, *own]
    for number, line in enumerate(lines, start=1):
        line.line_no = number
    read_order = order.model_copy(update={"lines": lines, "doubts": [*order.doubts, *dict.fromkeys(doubts)]})
    read_order.notes.append(
        "the reply answers the quoted lines one by one: each is ordered as its answer says"
    )
    read_order.read_spans = [
        *order.read_spans,
        *(Provenance(part=order.part, span=place, rule=INLINE_RULE) for place in places if place),
    ]
    return read_order


_LEFT_OUT = ExtractedLine(line_no=0)


_Under = tuple[str, tuple[int, int] | None, ExtractedLine | None, str | None]


def _under_lines(parsed: ParsedMessage, quoted: list[ExtractedLine]) -> dict[int, _Under]:
    """The answer written under each quoted line read, where the sender's text writes it, and the line
    of our offer it counts when the quoted line priced an article without a count, by the line's id:
    the quoted line above the answer writes that line's count and no other line's."""
    found: dict[int, _Under] = {}
    cursor = written = 0
    known = {id(line) for line in quoted}
    for above, answer in parsed.inline_answers:
        at = parsed.quoted.find(above, cursor)
        first = answer.split(" ")[0] if len(answer) > MAX_ANSWER_CHARS else answer
        said = parsed.text.find(first, written)
        span = (said, said + len(first)) if said >= 0 else None
        written = span[1] if span else written
        if at < 0:
            continue
        since, cursor = cursor, at + len(above)
        under = [ln for ln in quoted if _starts_in(ln, (at, cursor))]
        if len(under) == 1 and under[0].quantity is not None:
            found[id(under[0])] = (answer, span, None, None)
        elif not under and (offered := _offered_line(parsed.quoted, at, cursor)) is not None:
            found[id(offered)] = (answer, span, offered, None)
        elif len(under) == 1 and _offered_line(parsed.quoted, at, cursor) is not None:
            found[id(under[0])] = (answer, span, under[0], None)  # its code read, its count the answer's
        elif not under and (asked := asked_about(parsed.quoted, quoted, (at, cursor), since)) is not None:
            found.setdefault(id(asked), (answer, span, None if id(asked) in known else asked, above))
    return found


# An article of our offer priced without a count: '- Entrecôte VBF : 26,90 €/kg', '* A4 paper - 4.20 EUR',
# '- Oil filter HU 6019 z: 10.80', '- Brake pads GDB1379: 45.90 per set' (a price in cents, its row's last).
# Numbered as our offers number their rows ('1. Shredded pine bark ..., 50 L bags - 7.90 per bag').
_PRICED = re.compile(
    r"^[>\s]*(?:[-*•]\s*|(?P<number>\d{1,2}[.)])\s+)?(?P<name>[^\W\d_][^:\n]*?)\s*(?::|\s[-–—]\s|\bat\b|[àa])\s*"
    r"(?:\d+(?:[.,]\d{1,2})?\s*(?:€|eur\b|euros?\b)"
    r"|(?P<cents>\d+[.,]\d{2})(?:\s*(?:HT|TTC|net|each|(?:per|par|the|le|la|l['’])\s*[^\W\d_]+))?[ \t]*$)",
    re.I | re.M,
)


# An article we say we hold, at the count we hold: '- Radiateur ... (1812 W) - 6 in stock', 'Vase 8 L : 10
# disponibles'. That count is ours; the answer under the row counts what is taken.
_AVAILABLE = re.compile(
    r"^[>\s]*(?:[-*•]\s*|(?P<number>\d{1,2}[.)])\s+)?(?P<name>[^\W\d_][^:\n]*?)\s*(?::|\s[-–—]\s)\s*\d+\s*"
    r"(?:[^\W\d_]{1,8}\.?\s+)?(?:(?:in|en)\s+stock|available|disponibles?|dispo)\b[^\n]*$",
    re.I | re.M,
)


def _in_stock_row(line: ExtractedLine, quoted: str) -> bool:
    """The quoted line was read from a row saying how many we hold: the answer under it orders the article."""
    row = _row_of(line, quoted)
    return row is not None and _AVAILABLE.match(row) is not None


def _row_of(line: ExtractedLine, quoted: str) -> str | None:
    """The quoted row the line was read from."""
    where = line.provenance
    if where is None or where.span is None:
        return None
    start = quoted.rfind("\n", 0, where.span[0]) + 1
    end = quoted.find("\n", where.span[0])
    return quoted[start : end if end >= 0 else len(quoted)]


def _uncounted(line: ExtractedLine, quoted: str) -> ExtractedLine:
    """The quoted line without the count read from its row's price in cents, written with no currency
    ('- Oil filter HU 6019 z: 10.80'): the answer under it counts it."""
    row = _row_of(line, quoted)
    if row is None or line.quantity is None:
        return line
    found = _PRICED.match(row)
    if found is None or found["cents"] is None or parse_number(found["cents"]) != line.quantity.value:
        return line
    return line.model_copy(update={"quantity": None, "unit": None})


def _offered_line(quoted: str, start: int, end: int) -> ExtractedLine | None:
    """The article a priced quoted line offers, to be counted by the answer under it."""
    found = _PRICED.match(quoted[start:end]) or _AVAILABLE.match(quoted[start:end])
    opening = quoted[start : start + found.start("number" if found["number"] else "name")] if found else ""
    if found is None or re.search(r"\d", opening):
        return None
    span = (start + found.start("name"), start + found.end("name"))
    where = Provenance(part=QUOTED_PART, span=span, rule=INLINE_RULE)
    return ExtractedLine(
        line_no=0,
        description=Extracted[str](value=found["name"], confidence=0.8, provenance=where),
        provenance=where,
    )


def _answered_line(
    line: ExtractedLine, answer: str, part: str, span: tuple[int, int] | None
) -> ExtractedLine | None:
    """The quoted line as the answer orders it, `_LEFT_OUT` when it leaves it out, None when unread."""
    if len(answer) > MAX_ANSWER_CHARS or "?" in answer:
        return None
    counts = _counts(answer)
    drops = _DROPS.search(answer) is not None
    if drops and (not counts or _counts_what_is_left(answer)):
        return _LEFT_OUT
    if drops or len(counts) > 1:
        return None
    taken = line.model_copy(deep=True)
    if taken.provenance is not None:
        taken.provenance = taken.provenance.model_copy(update={"rule": INLINE_RULE})
    if not counts:
        return taken if _TAKES.search(answer) else None
    count = counts[0]
    # 'more' adds to the quoted count in the clause that writes the count: 'make it 16, there are more
    # rooms than we said' sets 16.
    counted = next((c for c in _CLAUSES.findall(answer) if _counts(c)), answer)
    if _MORE.search(counted) and line.quantity is not None:
        count += line.quantity.value
    where = Provenance(part=part, span=span, rule=INLINE_RULE)
    taken.quantity = Extracted[Decimal](value=count, confidence=0.9, provenance=where)
    unit = _UNIT.search(answer)
    if line.quantity is None and unit is not None and (said := normalise_unit(unit["unit"])) is not None:
        taken.unit = Extracted[str](value=said, confidence=0.8, provenance=where)
    taken.notes.append("quantity set by the answer written under the quoted line")
    return taken


# 'plutôt la lavande', 'rather the blue ones', 'the 20A instead': another variant of the line's article.
_RATHER = re.compile(
    r"^\W*(?:plut[ôo]t|rather|instead)\b(?P<words>[^,;.\n]*)|^\W*(?P<before>[^,;.\n]*?)\s(?:instead|[àa] la place)\b",
    re.I,
)

_FIRST_CLAUSE = re.compile(r"[^,;.\n]*")


def _other_variant(
    line: ExtractedLine, answer: str, part: str, span: tuple[int, int] | None, index: CatalogIndex
) -> ExtractedLine | None:
    """The quoted line with the variant the answer names in its article's place, at its count; None when
    the answer names none, or counts anew."""
    found = _RATHER.search(answer)
    if _counts(answer) or len(answer) > MAX_ANSWER_CHARS or (found is None and "?" in answer):
        return None
    # Without 'rather', the variant is what the answer's first clause names: 'the 4000K please, it is for
    # the laundry', 'la version inox svp'; a word no twin of the article carries names none.
    words = (found["words"] or found["before"] or "") if found else _FIRST_CLAUSE.match(answer)[0]
    sku = match_article(line, index, customer_id=None).sku
    twin = variant_in_words(sku, words, index) if sku else None
    if twin is None:
        return None
    # Read where the answer names the variant: the quoted line writes the other article.
    where = Provenance(part=part, span=span, rule=INLINE_RULE)
    taken = line.model_copy(
        deep=True, update={"description": None, "customer_ref": None, "provenance": where}
    )
    taken.code = Extracted[str](value=twin, confidence=0.9, provenance=where)
    taken.notes.append("another variant of the quoted article, named by the answer written under it")
    return taken


# What the customer still holds: 'still two on the shelf', 'on en a encore 3', 'we have 4 left', 'il en reste 2'.
_STILL_HELD = re.compile(
    r"\b(?:still|left|remaining|spare|in\s+stock|on\s+the\s+shelf|encore|reste\w*|en\s+stock|en\s+r[ée]serve"
    r"|d['’]avance|(?:we|i)\s+(?:have|['’]ve\s+got)|(?:on|nous)\s+(?:en\s+)?(?:a|avons))\b",
    re.I,
)


def _counts_what_is_left(answer: str) -> bool:
    """A refusal counting only what the customer still holds, its reason ('not needed, still two on the
    shelf', 'pas besoin, il nous en reste 3'): the first clause gives the line up and counts nothing, every
    clause after it that counts says what is left."""
    first, *rest = _CLAUSES.findall(answer) or [""]
    if _GIVES_UP.search(first) is None or _counts(first):
        return False
    counting = [clause for clause in rest if _counts(clause)]
    return bool(counting) and all(_STILL_HELD.search(clause) for clause in counting)


def _counts(answer: str) -> list[Decimal]:
    """The counts an answer writes, in figures or in words ('make it 40', 'mettez-en douze'); 'one' or
    'une' counts only as the whole answer ('One.'), an article otherwise."""
    found = [value for m in _COUNT.finditer(answer) if (value := parse_number(m.group(0))) and value > 0]
    words = _WORDED.findall(answer)
    for word in words:
        said = word_quantity(word)
        if said and said[0] > 0 and (len(words) == 1 or word.lower() not in ("un", "une", "a", "an", "one")):
            found.append(said[0])
    return found


def _starts_in(line: ExtractedLine, span: tuple[int, int]) -> bool:
    where = line.provenance
    return where is not None and where.span is not None and span[0] <= where.span[0] < span[1]
