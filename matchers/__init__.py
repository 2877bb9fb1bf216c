"""Matching customers and articles against the reference data."""

from matchers.aliases import learn_alias
from matchers.articles import GUESS_FLOOR, match_article
from matchers.context import (
    CLOSE,
    answer_rows,
    lead_clauses,
    line_headings,
    line_rows,
    message_words,
    thread_words,
)
from matchers.customers import match_customer
from matchers.elided import (
    in_the_colour_before,
    in_the_colour_of_the_lead,
    in_the_colour_said,
    in_the_kind_before,
    names_a_colour_alone,
)
from matchers.habits import Habit, decided_by_habit
from matchers.index import CatalogIndex, IndexCache
from matchers.scoring import CLEAR_MARGIN
from matchers.sizes_alone import in_the_size_said
from matchers.twins import twin_left_untold
from matchers.units_written import with_the_unit_written
from matchers.untold import left_untold, untold_names_none
from models import Extracted, ExtractedLine, ExtractedOrder, LineMatch, MatchedOrder, ParsedMessage
from parsers.text.rule_names import BOX_RULE
from parsers.vocabulary.phrases import normalize


def match_order(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> MatchedOrder:
    """The customer first, then each line with that customer's own codes."""
    customer = match_customer(parsed, order, index)
    customer_id = customer.customer_id
    habits = index.habits.get(customer_id) if customer_id else None
    context = message_words(parsed, order.lines)
    headings = line_headings(parsed, order.lines)
    rows = line_rows(parsed, order.lines)
    thread = thread_words(parsed, order.lines)
    answers = answer_rows(parsed, order.lines)
    leads = lead_clauses(parsed, order.lines)
    lines = []
    before = ""  # the last line's words that named an article, for a line naming a colour alone
    said_before: list[str] = []  # each line's words, for a line asking for the colour of the last naming one
    for line, heading, row, answer, told, lead in zip(
        order.lines, headings, rows, answers, thread, leads, strict=True
    ):
        written = with_the_unit_written(line, parsed.text or "")
        said = in_the_colour_before(
            in_the_colour_said(in_the_colour_of_the_lead(written, lead), before), said_before
        )
        found = match_article(
            said, index, customer_id=customer_id, habits=habits, context=context, heading=heading
        )
        found = _with_the_lead(
            found, said, lead, index, customer_id=customer_id, habits=habits, context=context
        )
        if found.sku is None and (kind := in_the_kind_before(said, before, index.heads)) is not None:
            # The kind said before lifts the article the line's own words rank first, never another.
            again = match_article(kind, index, customer_id=customer_id, habits=habits, context=context)
            first = found.candidates[0].key if found.candidates else None
            found = again if again.sku is not None and again.sku == first else found
        if told and _left_open(found):
            # Twins the message leaves open, one of which the thread under it names (our offer, the
            # order answered): that one is proposed, still for a clerk.
            again = match_article(said, index, customer_id=customer_id, habits=habits, context=told)
            found = again if _named_by_context(again) else found
        found.line = line
        lines.append(untold_names_none(found, index, row, answer))
        if said is written and line.description and line.description.value:
            before = line.description.value if not names_a_colour_alone(line.description.value) else before
        said_before.append(said.description.value if said.description else "")
    lines = in_the_size_said(lines, parsed.text or "", index)
    on_file = index.customers[customer_id].ship_to if customer_id else None
    return MatchedOrder(order=order, customer=customer, lines=lines, ship_to=_ship_to(order.ship_to, on_file))


def _with_the_lead(
    found: LineMatch,
    line: ExtractedLine,
    lead: str,
    index: CatalogIndex,
    *,
    customer_id: str | None,
    habits: dict[str, Habit] | None,
    context: frozenset[str],
) -> LineMatch:
    """'Ducato III 2.3 JTD -> pl. AV TRW x1, pl. AR TRW x1': a line naming no article surely alone is read
    with the clause leading its list (what the items are for), when that names one."""
    wording = line.description.value if line.description else ""
    sure = found.sku is not None and found.score >= GUESS_FLOOR and found.margin >= CLEAR_MARGIN
    if not lead or not wording or lead in wording or sure:
        return found
    said = line.model_copy(update={"description": Extracted(value=f"{lead} {wording}", confidence=0.7)})
    led = match_article(said, index, customer_id=customer_id, habits=habits, context=context)
    better = found.sku is None or led.score > found.score or led.margin > found.margin
    return led if led.sku is not None and better else found


def _left_open(found: LineMatch) -> bool:
    """A line whose close candidates nothing but a guess ranks: no context nor habit chose."""
    return found.sku is not None and found.margin < CLOSE and not _named_by_context(found)


def _named_by_context(found: LineMatch) -> bool:
    best = found.candidates[0] if found.candidates else None
    if best is None or best.key != found.sku:
        return False
    return decided_by_habit(best) or any(e.kind == "context" for e in best.evidence)


def _ship_to(read: Extracted[str] | None, on_file: str | None) -> str | None:
    """The ship-to read, else the customer's address on file. An unlabelled block of a document's head that
    prints the address on file under a name ('RIE Gerland - Company restaurant, 60 avenue ...') is the
    buyer's letterhead: the usual delivery, spelt as the file has it. The address on file written short of
    its postcode or country ('Ballinacor Road, Rathdrum, Co. Wicklow') is that address too."""
    if read is None:
        return on_file
    unlabelled = read.provenance is not None and read.provenance.rule == BOX_RULE
    if unlabelled and on_file and (normalize(read.value) + " ").endswith(" " + normalize(on_file) + " "):
        return on_file
    if on_file and "," in read.value and normalize(on_file).startswith(normalize(read.value) + " "):
        return on_file
    return read.value


__all__ = [
    "CatalogIndex",
    "IndexCache",
    "decided_by_habit",
    "learn_alias",
    "left_untold",
    "match_article",
    "match_customer",
    "match_order",
    "twin_left_untold",
]
