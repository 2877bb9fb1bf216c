"""Whether a message orders, decided from what its lines say: a message with no sign of any kind
whose lines name our articles, and a reply that takes what our quoted message offers."""

from __future__ import annotations

import re

from intake.followups import ANSWER_RULE, EACH_RULE, offers_a_choice, read_thread
from intake.followups.completes import ANSWER_CHARS, complete_quoted_order, numbered_answers, without_added
from intake.followups.inline import INLINE_RULE
from intake.followups.substitute import takes_substitute
from matchers import CatalogIndex, match_article, match_order
from models import Classification, ExtractedLine, ExtractedOrder, LineMatch, MessageKind, ParsedMessage
from models.followups import FollowupKind, FollowupSign
from parsers import DocumentLimits, awaits_catalogue, by_catalogue, extract_orders, followup_sign
from parsers.mail.markers import load_markers
from parsers.text.thread import QUOTED_PART, latest_quoted, points_to_thread, quotes_an_offer
from parsers.values.units import unit_kind, unit_ordered_by

# A line names an article when its code is known or its wording leads clearly.
NAMED_SCORE = 0.8
NAMED_MARGIN = 0.1
ANSWER_REASON = "a short answer orders one option of the question quoted"
COMPLETES_REASON = "a short answer to our question completes the order quoted under it"
SUBSTITUTE_REASON = "the reply takes the substitute our quoted note offers"
THREAD_REASON = "the reply orders the quote or list quoted under it"
# An answer whose option names one article of the question for sure reads as an order as surely
# as an order's own words; one left in doubt is held by its doubt whatever this says.
ANSWERED = 0.8
UNSURE_ANSWER = 0.6
COUNTED_DOUBT = "the reply counts articles under our question without naming its options for sure"
ONE_LINE_REASON = "one line counts an article of the catalogue in its unit, and nothing else is said"
# Around the one counted line, a greeting, thanks and a name: a few words and no figures.
GREETING_WORDS = 8
# As sure as a list of lines named by the catalogue (`by_catalogue`): held in confident mode.
ONE_LINE = 0.7


def confirm_by_catalogue(
    parsed: ParsedMessage, index: CatalogIndex, *, limits: DocumentLimits | None = None
) -> list[ExtractedOrder] | None:
    """A message that shows no sign of any kind is an order when its lines name our articles.

    Returns what was read to decide (None when nothing had to be read).
    """
    if parsed.classification is None or not awaits_catalogue(parsed.classification):
        return None
    read = read_thread(parsed, extract_orders(parsed, limits=limits, codes=index), index)
    if _answered(read):
        # "ok pour la boîte de 500 alors, mettez-en 6" under our question: an order of that option.
        sure = not any(order.doubts for order in read)
        parsed.classification = Classification(
            kind=MessageKind.ORDER, confidence=ANSWERED if sure else UNSURE_ANSWER, reasons=[ANSWER_REASON]
        )
        return read
    matches = _matches(parsed, read, index)
    parsed.classification = by_catalogue(parsed.classification, *_named(matches))
    if awaits_catalogue(parsed.classification) and _one_counted_line(parsed, read, matches):
        # "Bonjour, 3 bidons de javel 5L. Merci": the whole message is one counted article.
        parsed.classification = Classification(
            kind=MessageKind.ORDER, confidence=ONE_LINE, reasons=[ONE_LINE_REASON]
        )
    return read


def answer_to_offer(
    parsed: ParsedMessage,
    read: list[ExtractedOrder] | None,
    sign: FollowupSign,
    index: CatalogIndex,
    *,
    limits: DocumentLimits | None = None,
) -> tuple[list[ExtractedOrder] | None, FollowupSign]:
    """A reply that takes what our quoted message offers ("OK pour le LuK, 1 kit. Et rajoutez 2 jeux
    de plaquettes", "Oui, remplacez par 2 bidons de 20 L") orders it, whatever its words of change
    say: a change of the order the offer was about only when the PO it writes is an order taken
    (settled against the store, as any order's words of change are)."""
    # Our offer of two replacements asks nothing ("Deux possibilités : ..."): 'les deux, mais 8 au lieu
    # de 12' takes it all the same, as the answer's reader reads it.
    choice = offers_a_choice(parsed.quoted)
    # The follow-up model's word alone ('return' for a reply under our stock-out note) says less than the offer.
    taken = (FollowupKind.CHANGE, FollowupKind.OTHER)
    if (sign.kind not in taken and not sign.by_model) or not (choice or quotes_an_offer(parsed.quoted)):
        return read, sign
    if read is None:
        read = read_orders(parsed, index, limits=limits)
    thread = _reads_thread(parsed, read)
    if not _answered(read) and not thread:
        if not choice or not _counted(read):
            return read, sign
        # "Level D please. 10 pairs in size 9 ...": counts under our question that the answer's reader
        # could not tie to its options still order; a clerk reads which.
        for order in read:
            order.doubts.append(COUNTED_DOUBT)
    sure = not any(order.doubts for order in read)
    reason = ANSWER_REASON if _answered(read) else THREAD_REASON
    parsed.classification = Classification(
        kind=MessageKind.ORDER, confidence=ANSWERED if sure else UNSURE_ANSWER, reasons=[reason]
    )
    if sign.kind == FollowupKind.OTHER or sign.kind not in taken:
        return read, sign.model_copy(update={"kind": FollowupKind.NEW_ORDER})
    return read, sign.model_copy(update={"tentative": True})


def answer_completing(
    parsed: ParsedMessage, read: list[ExtractedOrder] | None, sign: FollowupSign, index: CatalogIndex
) -> tuple[list[ExtractedOrder] | None, FollowupSign]:
    """A reply that orders nothing by its own words but answers our question over the customer's
    order quoted under it ("Les Valeo, merci."): that order, held for a clerk."""
    if parsed.classification is None:
        return read, sign
    counted = _counted_answer(parsed, read or _short_answer(parsed, index), sign)
    order = complete_quoted_order(parsed, index, counted) if counted is not None else None
    if order is None and _may_complete(parsed, read, sign):
        order = complete_quoted_order(parsed, index)
    if order is None:
        return read, sign
    parsed.classification = Classification(
        kind=MessageKind.ORDER, confidence=UNSURE_ANSWER, reasons=[COMPLETES_REASON]
    )
    return [order], sign.model_copy(update={"kind": FollowupKind.NEW_ORDER})


def answer_taking_substitute(
    parsed: ParsedMessage,
    read: list[ExtractedOrder] | None,
    sign: FollowupSign,
    index: CatalogIndex,
    *,
    limits: DocumentLimits | None = None,
) -> tuple[list[ExtractedOrder] | None, FollowupSign]:
    """A reply read as no order, or whose lines name no article for sure, that takes the substitute our
    quoted note offers ("The PN40 is fine, 6 as planned"): an order of it, held for a clerk."""
    if parsed.classification is None:
        return read, sign
    order = takes_substitute(parsed, index)
    if order is None:
        return read, sign
    if parsed.classification.is_order:
        # Read once: the message's own reading stands when it names an article for sure, unless each line
        # it reads is one a sentence adds ('ok on prend le Dayco, et rajoutez une courroie ...'): those
        # lines join the substitute.
        read = read if read is not None else read_orders(parsed, index, limits=limits)
        said = without_added(parsed.text)
        lines = [line for each in read for line in each.lines]
        added = [line for line in lines if not _written_outside(line, said)]
        if _names_an_article(read, index) and (not added or len(added) < len(lines)):
            return read, sign
        order = order.model_copy(update={"lines": [*order.lines, *added]}) if added else order
        for number, line in enumerate(order.lines, start=1):
            line.line_no = number
    parsed.classification = Classification(
        kind=MessageKind.ORDER, confidence=UNSURE_ANSWER, reasons=[SUBSTITUTE_REASON]
    )
    return [order], sign.model_copy(update={"kind": FollowupKind.NEW_ORDER})


def read_orders(
    parsed: ParsedMessage, index: CatalogIndex, *, limits: DocumentLimits | None = None
) -> list[ExtractedOrder]:
    """The orders the message's text and documents give, read with the thread they answer."""
    return read_thread(parsed, extract_orders(parsed, limits=limits, codes=index), index)


def _names_an_article(read: list[ExtractedOrder], index: CatalogIndex) -> bool:
    lines = [line for order in read for line in order.lines]
    return any(_sure(match_article(line, index, customer_id=None)) for line in lines)


def _sure(match: LineMatch) -> bool:
    return match.sku is not None and match.score >= NAMED_SCORE and match.margin >= NAMED_MARGIN


def _may_complete(parsed: ParsedMessage, read: list[ExtractedOrder] | None, sign: FollowupSign) -> bool:
    """A reply read as no order, or as one by its words alone ('Les blancs. Commande CVL-1190 toujours.')
    that counts nothing of its own and says no new order. 'Et rajoutez 4 plaques' adds to the order
    completed: a change by nothing but what it adds is no change of an order taken (we asked before)."""
    said = without_added(parsed.text)
    adds_only = (
        sign.kind == FollowupKind.CHANGE
        and said != parsed.text
        and followup_sign(parsed.model_copy(update={"text": said}), is_order=False).kind
        in (FollowupKind.OTHER, FollowupKind.NEW_ORDER)
    )
    if parsed.classification is None or not parsed.classification.is_order:
        return sign.kind == FollowupKind.OTHER or adds_only
    counted = any(_written_outside(line, said) for order in read or [] for line in order.lines) or any(
        load_markers().quantity.search(line) for line in said.splitlines()
    )
    return (adds_only or (sign.kind == FollowupKind.NEW_ORDER and not sign.reasons)) and not counted


def _counted_answer(
    parsed: ParsedMessage, read: list[ExtractedOrder] | None, sign: FollowupSign
) -> list[ExtractedLine] | None:
    """The lines a reply read as an order counts in its own words, all of them, when it says nothing more
    ('Blouses : 4 en M et 4 en L.' under our question 'les blouses : quelles tailles ?'); None otherwise."""
    if not read or not parsed.classification or not parsed.classification.is_order:
        return None
    # A change read as the answer to our note ('Ok pour les steakhouse, mettez-en 3 au lieu de 4') may count
    # the order quoted under the note: `complete_quoted_order` says whether its lines recount that order's.
    answered = sign.kind == FollowupKind.CHANGE and sign.tentative
    if not answered and (sign.reasons or sign.kind not in (FollowupKind.NEW_ORDER, FollowupKind.OTHER)):
        return None
    # A sentence adding an article ('Et rajoutez 4 plaques ...') adds its line to the order completed.
    said = without_added(parsed.text)
    lines = [line for order in read for line in order.lines if _written_outside(line, said)]
    own = all(_written_span(line) is not None for line in lines)
    return lines if lines and own and all(line.quantity is not None for line in lines) else None


def _short_answer(parsed: ParsedMessage, index: CatalogIndex) -> list[ExtractedOrder] | None:
    """The orders a reply read as an order writes in lines numbered as our quoted questions ('1) 48 / 3)
    boîtes 5/1, 8 cartons'), read here when nothing read them yet; None otherwise."""
    if not parsed.classification or not parsed.classification.is_order or not parsed.quoted.strip():
        return None
    numbered = numbered_answers(parsed.text, latest_quoted(parsed.quoted))
    return read_orders(parsed, index) if numbered and len(parsed.text.strip()) <= ANSWER_CHARS else None


def _written_outside(line: ExtractedLine, said: str) -> bool:
    """The line is not read from a sentence `said` blanked (one that adds to the order)."""
    span = _written_span(line)
    return span is None or bool(said[span[0] : span[1]].strip())


def as_answer(classification: Classification, read: list[ExtractedOrder]) -> Classification:
    """An order read as the answer to our quoted question is one as surely as `answer_to_offer` says,
    whatever the words around the count weighed ('3 boxes please')."""
    if not _answered(read) or any(order.doubts for order in read) or classification.confidence >= ANSWERED:
        return classification
    return Classification(kind=MessageKind.ORDER, confidence=ANSWERED, reasons=[ANSWER_REASON])


def _answered(read: list[ExtractedOrder]) -> bool:
    """A line orders an option the offer sets out, or a count of each article it names."""
    return any(
        line.provenance and line.provenance.rule in (ANSWER_RULE, EACH_RULE, INLINE_RULE)
        for order in read
        for line in order.lines
    )


def _reads_thread(parsed: ParsedMessage, read: list[ExtractedOrder]) -> bool:
    """The reply points at the quoted quote or list and its lines were read there ('Please proceed with
    the quote below except ...'): whatever the words around it weighed, it orders them."""
    quoted = [
        line
        for order in read
        for line in order.lines
        if line.provenance is not None and line.provenance.part == QUOTED_PART
    ]
    return bool(quoted) and points_to_thread(parsed.text, parsed.quoted) is not None


def _counted(read: list[ExtractedOrder]) -> bool:
    """The sender's own text counts articles (a line read from it with a quantity)."""
    return any(
        line.quantity is not None and order.source == "email" for order in read for line in order.lines
    )


def _matches(parsed: ParsedMessage, read: list[ExtractedOrder], index: CatalogIndex) -> list[LineMatch]:
    return [line for order in read for line in match_order(parsed, order, index).lines]


def _named(matches: list[LineMatch]) -> tuple[int, int]:
    """(lines that surely name a catalogue article, all lines) of what the message carries."""
    named = [m for m in matches if m.sku is not None and m.score >= NAMED_SCORE and m.margin >= NAMED_MARGIN]
    return len(named), len(matches)


def _one_counted_line(parsed: ParsedMessage, read: list[ExtractedOrder], matches: list[LineMatch]) -> bool:
    """The sender's own text is one line counting an article in a unit it writes ('3 cartons de ...',
    '2 kg de ...'), which the catalogue has a candidate for, between a greeting, thanks and a name.
    Neither a question nor a reply or a forward: those say more than the line."""
    lines = [line for order in read if order.source == "email" for line in order.lines]
    if len(read) != 1 or len(lines) != 1 or len(matches) != 1 or matches[0].sku is None:
        return False
    if parsed.quoted.strip() or parsed.forwarded_sender is not None or "?" in parsed.text:
        return False
    span = _written_span(lines[0])
    if span is None or not _counted_in_a_unit(lines[0]):
        return False
    rest = parsed.text[: span[0]] + " " + parsed.text[span[1] :]
    return not re.search(r"\d", rest) and len(re.findall(r"[^\W\d_]{2,}", rest)) <= GREETING_WORDS


def _written_span(line: ExtractedLine) -> tuple[int, int] | None:
    """Where the line's count, unit and words stand in the body."""
    spans = [
        value.provenance.span
        for value in (line.quantity, line.unit, line.description)
        if value is not None and value.provenance is not None and value.provenance.part == "body"
    ]
    spans = [span for span in spans if span is not None]
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def _counted_in_a_unit(line: ExtractedLine) -> bool:
    """A count and the unit word written beside it: a pack, a shipping unit or a measure ordered by."""
    if line.quantity is None or line.unit is None or line.unit.provenance is None:
        return False
    unit = line.unit.value
    return unit_kind(unit) == "count" or unit_ordered_by(unit)
