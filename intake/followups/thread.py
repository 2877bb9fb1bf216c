"""A reply that orders the quoted quote or earlier order with changes.

"Bon pour accord sur votre devis D26-1180 sauf la ligne 3", "comme la dernière fois,
sauf les casques", "same as last time, except item 2, make it 30", "we accept your
quotation but 20 of the gloves instead of 10": the quoted lines, matched, are the
order the sender's words change (read as a follow-up's change is, `diff.compute_change`,
against those lines only). What is not read for sure is a doubt: the order goes to a clerk.
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.followups.added import added_lines
from intake.followups.answers import read_option_answer
from intake.followups.both import read_all_offered
from intake.followups.by_words import more_by_words, named_by_words, removed_by_words
from intake.followups.diff import compute_change
from intake.followups.each import read_each_offered
from intake.followups.inline import read_inline_answers
from intake.followups.left_out import to_the_line_worded
from intake.followups.order_article import SURE_MARGIN, SURE_SCORE, OrderLines, order_index
from intake.followups.quoted_po import with_quoted_po
from intake.followups.quoted_prices import priced_as_quoted
from intake.followups.requests import as_requests, request_spans
from intake.followups.swap import swap_places
from matchers import CatalogIndex, match_article, match_customer
from models import DocumentKind, Extracted, ExtractedLine, ExtractedOrder, ParsedMessage, Provenance
from models.followups import OrderChange
from parsers import read_attachments
from parsers.text.reader import extract_from_text, quoted_lines, read_lines
from parsers.text.thread import (
    QUOTED_PART,
    added_after_named,
    changes_the_thread,
    named_quoted_things,
    points_to_thread,
)

_NUMBER = r"(?<![\w.,]){}(?![\w]|[.,]\d)"

# A reply that changes the quoted quote or order may as well change an order already placed as
# place a new one: the engine reads it, a clerk confirms it.
CHANGED_BY_REPLY = "the order is the quote or order answered, changed by the reply: a clerk confirms it"


def read_thread(
    parsed: ParsedMessage, orders: list[ExtractedOrder], index: CatalogIndex
) -> list[ExtractedOrder]:
    """The orders a reply writes against its thread: the quoted lines changed, or the option an answer names."""
    if not parsed.quoted.strip() and _attached_quote(parsed) is None:
        return orders or _not_quoted(parsed, index)
    # With no line of its own the body gave no order: its fields are read again, for the thread's lines.
    read = orders or [extract_from_text(parsed, codes=index)]
    inline = [read_inline_answers(parsed, order, index) for order in read]
    if any(order is not None for order in inline):
        read = [
            with_quoted_po(parsed, answered or order, index)
            for answered, order in zip(inline, read, strict=True)
        ]
        return read if orders else [order for order in read if order.lines]
    if points_to_thread(parsed.text, parsed.quoted) is not None:
        read = [read_against_thread(parsed, order, index) for order in read]
    else:
        read = [with_quoted_po(parsed, _answering(parsed, order, index), index) for order in read]
    read = [priced_as_quoted(order, parsed.quoted) for order in read]
    return read if orders else [order for order in read if order.lines]


def _answering(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> ExtractedOrder:
    """What a reply that does not point at the thread orders of the offer quoted: every item it numbers
    ('yes to both'), the option the answer names, or a count of each article."""
    taken = read_all_offered(parsed, order, index)
    if taken is not order:
        return taken
    return read_each_offered(parsed, read_option_answer(parsed, order, index), index)


def _not_quoted(parsed: ParsedMessage, index: CatalogIndex) -> list[ExtractedOrder]:
    """'Same as last time' with the earlier order not quoted: which order and which lines, a clerk
    decides (the customer's past orders at hand); the engine never takes it alone."""
    if points_to_thread(parsed.text) is None:
        return []
    order = extract_from_text(parsed, codes=index)
    doubt = (
        "the reply orders again an earlier order it does not quote: its lines are the customer's to confirm"
    )
    return [order.model_copy(update={"doubts": [*order.doubts, doubt]})]


def read_against_thread(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> ExtractedOrder:
    """The body's order, or the quoted lines with the sender's changes when the reply points at them."""
    own = parsed.text
    pointer = points_to_thread(own, parsed.quoted)
    if order.source != "email" or pointer is None:
        return order
    quote = _attached_quote(parsed)
    things = named_quoted_things(own)
    if not changes_the_thread(own) and not things:
        # Said alone over the quoted lines, the body's reader took them; over our quote carried back
        # as a document, the document's lines are the order.
        return order if quote is None or order.lines else _as_document(order, quote, quote.lines)
    if not parsed.quoted.strip() and quote is None:
        return order
    if _writes_own_lines(order, own, parsed.quoted):
        return order
    if not order.lines:  # with no line of its own the body was not kept: its PO and dates are read again
        order = extract_from_text(parsed, codes=index)
    base = quoted_lines(parsed, codes=index) if parsed.quoted.strip() else []
    if not base and quote is not None:
        order = _as_document(order, quote, [])
        base = [line.model_copy(deep=True) for line in quote.lines]
    if not base:
        return _doubted(
            order, order.lines, "the reply orders the quote or order it answers, whose lines were not read"
        )
    # The quote may print the customer's own codes ('Votre code'): read with them.
    customer_id = match_customer(parsed, order, index).customer_id
    matches = [match_article(line, index, customer_id=customer_id) for line in base]
    doubts = [CHANGED_BY_REPLY]
    if any(m.sku is None or m.score < SURE_SCORE or m.margin < SURE_MARGIN for m in matches):
        doubts.append("a line of the quote or order answered names no article for sure")
    skus = [m.sku or "" for m in matches]
    base, skus, swapped = _swapped(own, base, skus, index, order.part)
    held = OrderLines(
        [
            (sku, float(line.quantity.value) if line.quantity else 0.0)
            for sku, line in zip(skus, base, strict=True)
        ],
        order_index(index, [s for s in skus if s]),
    )
    requests = as_requests(_without(own, swapped), pointer)
    change = compute_change(requests, held, index, customer_id=customer_id, today=None)
    to_the_line_worded(
        change, requests, [line.description.value if line.description else "" for line in base], skus
    )
    more_by_words(change, base, skus)
    if not change.certain or change.empty:
        doubts.append("the change asked of the quote or order answered was not all read for sure")
    dropped = removed_by_words(own, base, skus, index)
    if things:  # 'the same compost and drip line as below': the other quoted lines are not taken
        named = named_by_words(things, base, skus, index)
        if named is None:
            doubts.append("the quoted lines the reply takes again were not all named for sure")
        else:
            dropped |= set(range(len(base))) - named
    lines = _changed(
        [line for i, line in enumerate(base) if i not in dropped],
        [sku for i, sku in enumerate(skus) if i not in dropped],
        change,
        own,
        part=order.part,
    )
    lines += added_lines(
        change.unread, own, [line.description.value for line in base if line.description], part=order.part
    )
    if things and (added := added_after_named(own)) is not None:
        # read where it is written, the rest of the reply blanked
        alone = "".join(c if added[0] <= i < added[1] or c == "\n" else " " for i, c in enumerate(own))
        lines += [
            line for line in read_lines(alone, part=order.part, codes=index) if line.quantity is not None
        ]
    order = _doubted(order, lines, *doubts)
    # The quoted lines a removal took out were read, as taken out.
    removed = set(change.remove)
    taken_out = [
        line.provenance
        for i, line in enumerate(base)
        if (i in dropped or skus[i] in removed) and line.provenance
    ]
    order.read_spans = [*order.read_spans, *request_spans(own, parsed.quoted, order.part), *taken_out]
    order.notes.append("the quote or order answered is the order, with the changes the reply asks")
    return order


def _attached_quote(parsed: ParsedMessage) -> ExtractedOrder | None:
    """Our quote carried back as the reply's one attached quote document whose lines were read."""
    if not parsed.attachments:
        return None
    quotes = [d for d in read_attachments(parsed, kind=DocumentKind.QUOTE) if d.lines]
    return quotes[0] if len(quotes) == 1 else None


def _as_document(order: ExtractedOrder, quote: ExtractedOrder, lines: list[ExtractedLine]) -> ExtractedOrder:
    """The body's order (its PO, dates, ship-to) on the quote document's lines, pointing into it."""
    return order.model_copy(
        update={
            "source": quote.source,
            "part": quote.part,
            "lines": [line.model_copy(deep=True) for line in lines],
            "rows": quote.rows,
            "total_excl_vat": quote.total_excl_vat if lines else None,
            "notes": [*order.notes, "the quote the reply accepts is its attached document"],
        }
    )


def _swapped(
    own: str, base: list[ExtractedLine], skus: list[str], index: CatalogIndex, part: str
) -> tuple[list[ExtractedLine], list[str], list[tuple[int, int]]]:
    """The quoted lines with the variants the reply swaps ('en type A au lieu de AC') in their place,
    read from the reply's sentence (the quoted line writes the old article); where the swaps that write
    no count are said, read whole ('except the X: go with the Y instead, same quantity')."""
    places = swap_places(own, base, skus, index)
    read = [span for _, span, name in places.values() if not _COUNT.search(_without(own, [name]), *span)]
    lines, swapped = list(base), list(skus)
    for place, (twin, span, _name) in places.items():
        where = Provenance(part=part, span=span, rule="thread-swap")
        code = Extracted[str](value=twin, confidence=0.8, provenance=where)
        lines[place] = base[place].model_copy(
            update={"code": code, "description": None, "customer_ref": None, "provenance": where}
        )
        swapped[place] = twin
    return lines, swapped, read


# A count standing alone in a sentence, outside the name of the article swapped in ('H7 12V', '50 m').
_COUNT = re.compile(r"(?<![\w.,])\d+(?![\w]|[.,]\d)")


def _without(own: str, spans: list[tuple[int, int]]) -> str:
    """`own` with what stands at `spans` blanked, offsets kept."""
    for start, end in spans:
        own = own[:start] + " " * (end - start) + own[end:]
    return own


def _doubted(order: ExtractedOrder, lines: list[ExtractedLine], *doubts: str) -> ExtractedOrder:
    for number, line in enumerate(lines, start=1):
        line.line_no = number
    return order.model_copy(update={"lines": lines, "doubts": [*order.doubts, *doubts]})


def _writes_own_lines(order: ExtractedOrder, own: str, quoted: str) -> bool:
    """A line read from a sentence that neither points at the thread nor changes it: the sender's own list."""
    for line in order.lines:
        where = line.provenance
        if where is not None and where.part == QUOTED_PART:
            continue  # the quoted lines the body's reader took as they stand
        if where is None or where.span is None:
            return True
        start = own.rfind("\n", 0, where.span[0]) + 1
        end = own.find("\n", where.span[1])
        sentence = own[start : end if end >= 0 else len(own)]
        if points_to_thread(sentence, quoted) is None and not changes_the_thread(sentence):
            return True
    return False


def _changed(
    base: list[ExtractedLine], skus: list[str], change: OrderChange, own: str, *, part: str
) -> list[ExtractedLine]:
    """The quoted lines with the change applied: removed, quantities set, articles added."""
    removed = set(change.remove)
    targets = {s.sku: s.quantity for s in change.set_quantity}
    lines = []
    for sku, line in zip(skus, base, strict=True):
        if sku in removed:
            continue
        if sku in targets:
            line = line.model_copy(update={"quantity": _quantity(targets[sku], own, part)})
            line.notes.append("quantity changed by the reply")
        lines.append(line)
    for added in change.add:
        code = Extracted[str](
            value=added.sku, confidence=0.9, provenance=Provenance(part=part, rule="thread-add")
        )
        lines.append(ExtractedLine(line_no=0, code=code, quantity=_quantity(added.quantity, own, part)))
    return lines


def _quantity(value: float, own: str, part: str) -> Extracted[Decimal]:
    """The new quantity, pointing at where the reply writes it when it writes it once."""
    number = Decimal(int(value)) if value == int(value) else Decimal(str(value))
    written = str(number)
    found = list(re.finditer(_NUMBER.format(re.escape(written)), own))
    span = found[0].span() if len(found) == 1 else None
    return Extracted[Decimal](
        value=number, confidence=0.9, provenance=Provenance(part=part, span=span, rule="thread-change")
    )
