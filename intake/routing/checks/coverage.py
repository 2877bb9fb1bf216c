"""Every line of the order part is read or explained: no order line is dropped silently.

A span of the order part (a text line of the body, a row of a sheet, a
printed line of a PDF's line table) that carries a quantity beside an
article code or words is an order line unless a line was read from it or
it is explained as something else: a date, a time, a phone, an address, an
amount, a total, a delivery instruction. What is left holds the order, with
the span for the review UI to highlight. The check reads the message, not
the reader's code: a new reader cannot step around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import NamedTuple

from intake.routing.checks.catalogue_keys import WORD as _WORD
from intake.routing.checks.catalogue_keys import (
    catalogue_codes,
    catalogue_words,
    content_words,
    text_tokens,
    word_key,
)
from intake.routing.checks.context import CheckContext
from intake.routing.checks.places import Places, overlaps
from intake.routing.checks.quoted import excepted_places, quoted_spans
from intake.routing.checks.reading import ReadingRules, default_reading_rules
from intake.routing.checks.rules import default_rules
from intake.routing.checks.written_codes import TOKEN as _TOKEN
from intake.routing.checks.written_codes import names_a_code, tokens, unglued
from models import ExtractedLine, LineMatch, Provenance, ReviewReason, Severity
from parsers.mail.markers import load_markers
from parsers.text.rule_names import CORRECTION_RULES
from parsers.text.thread import QUOTED_PART
from parsers.values.numbers import NUMBER, parse_number
from parsers.values.units import normalise_unit, unit_key, unit_kind

_QUANTITY = re.compile(r"^(?:[x×*]|qt[ée]|qty)?\d{1,5}(?:[.,]\d{1,3})?(?:[x×*]|pcs?|pces?|u)?$", re.I)
# A code has a digit (VIS-440-200, 204417) or capitals in separated parts (HB-GLV-L).
_CODE = re.compile(r"^(?:(?=[\w\-./]*\d)[^\W_][\w\-./]{3,}|[A-Z0-9]+(?:[-./][A-Z0-9]+)+)$")
# A number as a customer writes a count: 'x25', '25x', '25 pcs', '1.500', '2 500', '1,5'; never
# a part of a size or a code ('5x60', 'M8x65', 'HU7008').
_SAID = re.compile(rf"(?<![\w.,])(?:[x×*]|qt[ée]|qty)?({NUMBER})(?:[x×*]|pcs?|pces?|u)?(?![\w]|[.,]\d)", re.I)
_NEIGHBOUR = re.compile(r"[^\W\d_][\w°²]*|[@%°]|n°")
_CLAUSE_CUT = re.compile(
    r",\s+|;\s*|\s+(?i:et|and|und|ainsi que|plus|puis|then|as well as)\s+|[.!?]\s+(?=[A-ZÀ-Ý])"
)
_SHOWN = 70
# How near a count a word of the catalogue stands, in tokens, outside the line table.
_BEFORE, _AFTER = 5, 3


def check_lines_read(ctx: CheckContext) -> list[ReviewReason]:
    """A span that looks like an order line, that no line was read from and nothing explains.

    Outside the table the lines were read from (a document's header and footer, the body
    beside an attached order) a span must name the catalogue (a code of it, or a count
    beside its words): a reference or an address there is no line.
    """
    rules = default_reading_rules()
    lines = [match.line for match in ctx.matched.lines]
    read_spans = _Vouched(ctx.matched.order.read_spans, ctx.matched.lines, rules)
    places = Places(place for line in lines for place in places_of(line))
    words, codes = catalogue_words(ctx), catalogue_codes(ctx)
    po = ctx.matched.order.po_number
    # The PO read is explained wherever it is written ('N° bon de commande | DA-2026-118').
    unpo = (lambda text: text.replace(po.value, " ")) if po and po.value.strip() else (lambda text: text)
    withdrawn = withdrawn_numbers(ctx.parsed.text)
    excepted = {
        w for what in rules.excepted(ctx.parsed.text) for w in content_words(what)
    } - rules.plain_words
    # A span a line was read from is read, whatever it looks like; a quoted one is still looked at:
    # the quoted lines a reply leaves out are numbered among those that look like lines.
    likely = [
        span
        for span in order_spans(ctx)
        if (_quoted(span) or not (places.touched(span.where) or read_spans.touched(span)))
        and (
            looks_like_line(unpo(span.text), rules, words, coded=span.inside or None)
            or names_a_code(span.text, codes)
        )
    ]
    # A reply to a quote or an earlier order may leave some of its quoted lines out by their place.
    quoted = [span for span in likely if _quoted(span)]
    left_out = {id(quoted[i]) for i in excepted_places(ctx.parsed.text, rules) if i < len(quoted)}
    return [
        _unread(span.text, span.where)
        for span in likely
        if id(span) not in left_out
        and not covered(span.text, span.where, lines, rules, places)
        and not read_spans.touched(span)
        # A new count for a line ('mettez 4 boîtes au lieu de 2'), a line withdrawn ('(annulé)',
        # 'enlevez la ligne 4') are the corrections check's.
        and not any(p.search(span.text) for p in rules.replacement_patterns)
        and not rules.removal_pattern.search(span.text)
        and not numbered_as(span.text, withdrawn)
        # 'la liste ci-dessous sauf l'entrecôte': its line unread is the corrections check's.
        and not (content_words(span.text) & excepted)
    ]


class _Vouched:
    """The spans the reader says it read. A correction's sentence is read for the correction alone:
    a clause of it that names an article in words (two at least, 'et non 12' names none) and none of
    the lines' ('c'est 3 bidons et pas 2, et il ajoute 1 carton de gel') is looked at as any other."""

    def __init__(self, spans: list[Provenance], lines: list[LineMatch], rules: ReadingRules) -> None:
        self.read = Places(p for p in spans if p.rule not in CORRECTION_RULES)
        self.corrected = Places(p for p in spans if p.rule in CORRECTION_RULES)
        self.rules = rules
        self.lines = lines

    @cached_property
    def named(self) -> set[str]:
        # Wanted only for a span a correction was read from: most messages have none.
        return set().union(*(_article_words(_named_as(line), self.rules) for line in self.lines))

    def touched(self, span: Span) -> bool:
        if self.read.touched(span.where):
            return True
        if not self.corrected.touched(span.where):
            return False
        words = _article_words(span.text, self.rules)
        return len(words) < 2 or bool(words & self.named)


def _named_as(line: LineMatch) -> str:
    wording = line.line.description.value if line.line.description else ""
    return " ".join([wording, *(c.label for c in line.candidates if c.key == line.sku)])


def _article_words(text: str, rules: ReadingRules) -> set[str]:
    """The words of a text that may name an article: no small word, no unit ('carton', 'rouleaux')."""
    return {w for w in content_words(text) - rules.plain_words if not _is_unit(w)}


def _is_unit(word: str) -> bool:
    singular = word[:-1] if len(word) > 3 and word[-1] in "sx" else word
    return normalise_unit(word) is not None or normalise_unit(singular) is not None


def _quoted(span: Span) -> bool:
    return span.where is not None and span.where.part == QUOTED_PART


# 'enlevez la ligne 4', 'supprimez les lignes 2 et 3', 'remove line 4': the customer's own numbering.
_WITHDRAWN = re.compile(
    r"\b(?:enlev|retir|supprim|annul|ray)\w*\s+(?:la\s+|les\s+)?lignes?\s+(?:n°\s*)?(\d+(?:\s*(?:,|et|and)\s*\d+)*)"
    r"|\b(?:remove|delete|cancel|drop)\s+(?:the\s+)?(?:lines?|items?)\s+(?:no\.?\s*)?(\d+(?:\s*(?:,|and)\s*\d+)*)",
    re.I,
)
_NUMBERED = re.compile(r"^\W*?(\d{1,2})\s*[).:\-]\s")


def withdrawn_numbers(text: str) -> set[str]:
    """The numbers of the lines the customer takes out by their number."""
    found = set()
    for match in _WITHDRAWN.finditer(text or ""):
        found |= set(re.findall(r"\d+", match.group(1) or match.group(2)))
    return found


def numbered_as(text: str, numbers: set[str]) -> bool:
    """The span is the customer's line numbered one of `numbers` ('4) Rail R48 : 12')."""
    found = _NUMBERED.match(text)
    return bool(found and found.group(1) in numbers)


class Span(NamedTuple):
    text: str
    where: Provenance | None
    # Inside the part the order's lines were read from: its line table, or the body of a body order.
    inside: bool


def order_spans(ctx: CheckContext, *, split: bool = True) -> list[Span]:
    """Every span of the order part: a document's rows above, inside and below its line table,
    and the body's lines, which belong to an attached order too ("et en plus 2 jugulaires,
    pas sur le bon"); `split` cuts the body's sentences into their clauses."""
    order = ctx.matched.order
    rows = [
        Span(row.text, row.provenance, row.region == "lines")
        for row in order.rows
        if row.region != "lines" or row.quantity is None or not _nothing_ordered(row.quantity)
    ]
    read = [match.line for match in ctx.matched.lines]
    rows += [
        Span(text, where, True)
        for text, where in quoted_spans(ctx.parsed.quoted or "", read, ctx.parsed.text)
    ]
    from_body = any(
        r.provenance is not None and r.provenance.part == ctx.parsed.text_part for r in order.rows
    )
    if from_body or not ctx.parsed.text:
        return rows
    inside = not order.rows and order.source == "email"
    body = body_spans(ctx.parsed.text, ctx.parsed.text_part, ctx.parsed.subject)
    return [*rows, *(Span(*c, inside) for span in body for c in (clauses(*span) if split else [span]))]


def _nothing_ordered(quantity: str) -> bool:
    text = quantity.strip().replace(",", ".")
    try:
        return not text or float(text) == 0
    except ValueError:
        return False


def body_spans(text: str, part: str, subject: str = "") -> tuple[tuple[str, Provenance], ...]:
    """Each text line of the order part: up to a sign-off or a reply's history, again from a forward on.

    The shapes are the reader's vocabulary (parsers/data/reply_markers.toml), each
    with one meaning: under a forward subject ('TR:', 'Fwd:') a reply's rule opens
    the forwarded original, as it does for the reader.
    """
    return _body_spans(text, part, subject)


# Several checks of each of a message's orders look at its body's lines: they are cut once.
@lru_cache(maxsize=4)
def _body_spans(text: str, part: str, subject: str) -> tuple[tuple[str, Provenance], ...]:
    return tuple(_each_body_span(text, part, subject))


def _each_body_span(text: str, part: str, subject: str) -> Iterator[tuple[str, Provenance]]:
    markers = load_markers()
    forwarding = markers.is_forward_subject(subject)
    offset, signed = 0, False
    for raw in text.splitlines(keepends=True):
        line, start = raw.rstrip("\r\n"), offset
        offset += len(raw)
        shape = line.strip().lstrip("> \t").strip("*").strip()
        history = bool(markers.reply_rule.match(shape))
        if markers.forward_rule.match(shape) or (forwarding and history):
            signed = False
        elif signed or history or markers.opens_signature(shape):
            signed = True
        elif line.strip() and not line.lstrip().startswith(">"):
            yield line, Provenance(part=part, span=(start, start + len(line)), rule="order-text")


def clauses(text: str, where: Provenance) -> Iterator[tuple[str, Provenance]]:
    """The clauses of a sentence ('2 cartons de X, 4 packs de Y et 10 kg de Z'), each with its span.

    A sentence may order several articles: each is read, or not, on its own.
    A table row ('a | b | c') stays whole.
    """
    if "|" in text or "\t" in text or where.span is None:
        yield text, where
        return
    start = 0
    for cut in [*_CLAUSE_CUT.finditer(text), None]:
        end = cut.start() if cut else len(text)
        piece = text[start:end]
        if piece.strip():
            at = where.span[0] + start
            yield piece, where.model_copy(update={"span": (at, at + len(piece))})
        start = cut.end() if cut else end


def looks_like_line(
    text: str, rules: ReadingRules, catalogue: frozenset[str] | None = None, *, coded: bool | None = True
) -> bool:
    """A quantity beside a code, or beside words of the catalogue, that no rule explains.

    Dates, times, phones, amounts... are set aside first. Without a code, a
    line counts when it names something the catalogue sells (`catalogue`;
    None accepts any word): "40 bénévoles" in a sentence is no order line.
    """
    masked = text
    for pattern in rules.masks.present(text):
        masked = pattern.sub(lambda m: " " * len(m.group()), masked)
    words = unglued(tokens(masked))
    counted = default_rules().number_words
    quantities = [
        i
        for i, t in enumerate(words)
        if (_QUANTITY.match(t) or t.lower() in counted)
        and not (i and words[i - 1].lower() in rules.size_before)
    ]
    if not quantities:
        return False
    others = [i for i in range(len(words)) if i != quantities[0]]
    if coded is None:
        # Outside the line table a code's shape is not enough: a word of the catalogue must
        # stand by a count ('en plus 2 jugulaires'), not a reference ('2 bons de commande').
        others = [i for i in others if any(-_BEFORE <= i - q <= _AFTER for q in quantities)]
    coded = bool(coded) and any(_CODE.match(words[i]) for i in others)
    worded = any(
        _WORD.match(words[i])
        and words[i].lower() not in rules.plain_words
        and (catalogue is None or word_key(words[i]) in catalogue)
        for i in others
    )
    if not (coded or worded):
        return False
    if any(p.search(text) for p in rules.line_patterns):
        return False
    return coded or not any(p.search(text) for p in rules.instruction_patterns)


def covered(
    text: str, where: Provenance | None, lines: list[ExtractedLine], rules: ReadingRules, places: Places
) -> bool:
    """A line was read from this span (by its place among the lines' `places`, else by its code or
    wording and its quantity).

    A span naming a line read elsewhere with another quantity ('only 2 of the 180Ah
    batteries, not 3' above a forwarded list) says something the line does not.
    """
    if places.touched(where):
        return True
    return any(_written_in(text, line) and _same_quantity(text, line, rules) for line in lines)


def _same_quantity(text: str, line: ExtractedLine, rules: ReadingRules) -> bool:
    """The span gives the line no other quantity than the one read (its code and wording set aside)."""
    read = line.quantity.value if line.quantity else None
    if read is None:
        return True
    rest = text.lower()
    for named in (line.description, line.code):
        if named is not None and named.value.strip():
            rest = rest.replace(named.value.strip().lower(), " ")
    for pattern in rules.masks.present(rest):
        rest = pattern.sub(" ", rest)
    said = [value for value, before, after in _numbers_in(rest) if not _not_a_count(before, after, rules)]
    return not said or read in said


def _numbers_in(text: str) -> Iterator[tuple[Decimal, list[str], str]]:
    """Each number written in the text (one reader of numbers: '1.500', '2 500', '1,5'), with
    the two words before it and the word after it."""
    for found in _SAID.finditer(text):
        value = parse_number(found.group(1))
        if value is None or len(re.sub(r"\D", "", found.group(1))) > 5:
            continue  # a long figure is a code or a reference, not a count
        before = _NEIGHBOUR.findall(text[: found.start()])[-2:]
        after = _NEIGHBOUR.findall(text[found.end() :])[:1]
        yield value, [w.lower() for w in before], (after[0].lower() if after else "")


def _not_a_count(before: list[str], after: str, rules: ReadingRules) -> bool:
    """A pack's content or a rate ('boîte de 200', 'par 100', 'n° 4') or a size ('200 ml')."""
    last = before[-1] if before else ""
    if after in rules.size_units or last in rules.pack_before:
        return True
    return last in rules.pack_of and len(before) == 2 and unit_kind(unit_key(before[0])) == "count"


def overlaps_line(where: Provenance, line: ExtractedLine) -> bool:
    """The line was read from this span (one of its values sits there)."""
    return any(overlaps(where, p) for p in places_of(line))


def places_of(line: ExtractedLine) -> Iterator[Provenance]:
    """Every place a line's values were read from."""
    for value in (line.code, line.description, line.quantity, line.unit, line.unit_price, line.amount):
        if value is not None and value.provenance is not None:
            yield value.provenance
    if line.provenance is not None:
        yield line.provenance
    yield from (c.provenance for c in line.alt_codes if c.provenance is not None)


def _written_in(text: str, line: ExtractedLine) -> bool:
    """The span names the line's code, or holds its whole wording: the line was read from it elsewhere."""
    said = text_tokens(text)
    code = line.code.value.strip().lower() if line.code else ""
    if code and code in said:
        return True
    wording = line.description.value.strip().lower() if line.description else ""
    if len(wording) >= 6 and wording in text.lower():
        return True
    # A clause of a longer line ("1 CS A3 copy paper 80g" of "..., case of 5 reams"): its words are the line's.
    words = {word_key(t) for t in said if _WORD.match(t)}
    return bool(words) and words <= {word_key(t) for t in _TOKEN.findall(wording) if _WORD.match(t)}


def _unread(text: str, where: Provenance | None) -> ReviewReason:
    return span_reason("line_unread", "this looks like an order line that was not read", text, where)


def span_reason(code: str, what: str, text: str, where: Provenance | None) -> ReviewReason:
    """An error about a span of the message, quoting it (cut to a line of the review UI)."""
    shown = " ".join(text.split())
    shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
    return ReviewReason(
        code=code, message=f'{what}: "{shown}"', severity=Severity.ERROR, provenance=where, quoted=shown
    )
