"""A follow-up's link and change, from its sign, the message and the orders the store gives."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from intake.followups.clause import catalogue_words, quantity_of
from intake.followups.diff import clauses, compute_change, parts
from intake.followups.link import LinkInputs, delivery_notes, link_followup, normal_reference
from intake.followups.lists import is_full_list, list_change
from intake.followups.order_article import SURE_SCORE, OrderLines, order_index, sure_sku
from intake.followups.returns import returned_lines
from matchers import CatalogIndex, match_customer, match_order
from models import ExtractedOrder, ParsedMessage, PastOrder
from models.followups import FollowupKind, FollowupResult, FollowupSign

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class FollowupLookups:
    """How the store is asked for the orders a follow-up may name (given by the entry point)."""

    customer_orders: Callable[[str], list[PastOrder]]
    thread_orders: Callable[[list[str]], list[PastOrder]]
    reference_orders: Callable[[list[str]], list[PastOrder]]
    # Orders whose status events carry one of these delivery note numbers.
    delivery_note_orders: Callable[[list[str]], list[PastOrder]] = field(default=lambda numbers: [])

    @classmethod
    def for_store(cls, store: object) -> FollowupLookups:
        from models import followup_store as fs

        return cls(
            customer_orders=lambda customer_id: fs.customer_orders(store, customer_id),  # type: ignore[arg-type]
            thread_orders=lambda ids: fs.thread_orders(store, ids),  # type: ignore[arg-type]
            reference_orders=lambda refs: fs.reference_orders(store, refs),  # type: ignore[arg-type]
            delivery_note_orders=lambda numbers: fs.delivery_note_orders(store, numbers),  # type: ignore[arg-type]
        )


def thread_ids(parsed: ParsedMessage) -> list[str]:
    """The Message-IDs of In-Reply-To and References, the nearest first."""
    headers = {k.lower(): v for k, v in parsed.headers.items()}
    found = (
        _MESSAGE_ID.findall(headers.get("in-reply-to", ""))
        + _MESSAGE_ID.findall(headers.get("references", ""))[::-1]
    )
    return list(dict.fromkeys(found))


class FollowupReading(BaseModel):
    """What linking a follow-up reads of the message and the catalogue alone, before the store
    is asked: it may be read where the message is read."""

    customer: str | None = None
    named: list[str] = []  # the articles its clauses name surely
    wanted: list[str] = []  # its words that name articles, to find them among the latest orders
    listed: list[tuple[str, float]] = []  # the order lines it lists (a change only)


def read_followup(parsed: ParsedMessage, sign: FollowupSign, index: CatalogIndex) -> FollowupReading:
    customer = match_customer(parsed, ExtractedOrder(), index).customer_id
    return FollowupReading(
        customer=customer,
        named=sorted({sku for c in clauses(parsed.text) if (sku := sure_sku(c, index, customer))}),
        wanted=_wanted(parsed, index),
        listed=listed_lines(parsed, index) if sign.kind == FollowupKind.CHANGE else [],
    )


def resolve_followup(
    parsed: ParsedMessage,
    sign: FollowupSign,
    index: CatalogIndex,
    lookups: FollowupLookups,
    *,
    exclude: Sequence[str] = (),
    reading: FollowupReading | None = None,
) -> FollowupResult:
    """Link the follow-up to an order and read its change or return against that order's lines.

    `exclude` names this message's own orders (a replacement's new one is not its own target);
    `reading` is `read_followup`'s, when it was read beforehand.
    """
    reading = reading or read_followup(parsed, sign, index)
    customer = reading.customer
    skip = set(exclude) | {parsed.message_id}

    def keep(orders: list[PastOrder]) -> list[PastOrder]:
        return [o for o in orders if o.message_id not in skip]

    mine = keep(lookups.customer_orders(customer)) if customer else []
    text = f"{parsed.subject}\n{parsed.text}"
    noted = delivery_notes(text)
    inputs = LinkInputs(
        day=parsed.local_date,
        text=text,
        customer_orders=mine,
        thread_orders=keep(lookups.thread_orders(thread_ids(parsed))),
        reference_orders=[] if customer else keep(lookups.reference_orders(sign.references)),
        note_orders=keep(lookups.delivery_note_orders(noted)) if noted else [],
        named_skus=frozenset(_named_skus(reading.named, mine)),
        naming=_naming(reading.wanted, index, customer, mine),
    )
    link = link_followup(sign, inputs)
    result = FollowupResult(sign=sign, link=link)
    known = [*mine, *inputs.thread_orders, *inputs.note_orders]
    target = next((o for o in known if o.message_id == link.refers_to), None)
    lines = OrderLines(
        lines=target.lines if target else [],
        index=order_index(index, [sku for sku, _ in target.lines]) if target else None,
    )
    if sign.kind == FollowupKind.CHANGE:
        listed = reading.listed if target else []
        corrected = list_change(listed, lines) if listed and is_full_list(listed, lines) else None
        if corrected is not None and not corrected.empty:
            result.change = corrected
        else:
            result.change = compute_change(
                parsed.text, lines, index, customer_id=customer, today=parsed.local_date
            )
    elif sign.kind == FollowupKind.RETURN:
        result.returned = returned_lines(parsed.text, sign.return_reason, index, customer, lines)
    return result


def _named_skus(named: list[str], orders: list[PastOrder]) -> set[str]:
    """Articles of the customer's orders the text names surely (to find the order by its lines)."""
    known = {sku for o in orders for sku, _ in o.lines}
    return {sku for sku in named if sku in known}


def listed_lines(parsed: ParsedMessage, index: CatalogIndex) -> list[tuple[str, float]]:
    """The order lines the message lists (a corrected order, a forwarded original), read surely."""
    from parsers.orders import extract_orders  # read in a worker: deciding does not load the readers

    found: dict[str, float] = {}
    for extracted in extract_orders(parsed, codes=index):
        matched = match_order(parsed, extracted, index)
        for line in matched.lines:
            if line.sku and line.quantity is not None and line.score >= SURE_SCORE:
                found.setdefault(line.sku, float(line.quantity))
    return list(found.items())


# An aside names another article: "the ball valves (with the FF elbows)", "les mitigeurs (avec les flexibles)".
_ASIDE = re.compile(r"[()]|\b(?:with|avec)\b", re.I)
# Orders looked at when the words name articles without their codes.
NAMING_ORDERS = 10


def _wanted(parsed: ParsedMessage, index: CatalogIndex) -> list[str]:
    """The text's pieces that name articles, in the catalogue's words."""
    return [
        catalogue_words(piece, index)
        for c in clauses(parsed.text)
        for p in parts(c)
        if quantity_of(p, index) or _names_an_article(p)
        for piece in _ASIDE.split(p)
        if piece.strip()
    ]


def _naming(
    wanted: list[str], index: CatalogIndex, customer: str | None, orders: list[PastOrder]
) -> list[str]:
    """The orders among the latest whose articles most of the text's article words name surely."""
    counts: dict[str, int] = {}
    for order in orders[:NAMING_ORDERS]:
        own = order_index(index, [sku for sku, _ in order.lines])
        counts[order.message_id] = sum(sure_sku(p, own, customer) is not None for p in wanted)
    best = max(counts.values(), default=0)
    return [mid for mid, n in counts.items() if n == best] if best else []


def _names_an_article(text: str) -> bool:
    return bool(re.search(r"[a-zà-ÿ]{4,}", text, re.I))


def revised_po(po: str | None, references: Sequence[str]) -> str | None:
    """The revision a replacement writes of the PO it replaces ('GB-40431-R1', 'BC 4512/2'), if any.

    The order reader takes the first PO it sees, which in "this PO supersedes PO X" is X.
    """
    if not po:
        return None
    old = normal_reference(po)
    longer = [r for r in references if normal_reference(r).startswith(old) and normal_reference(r) != old]
    return longer[0] if len(longer) == 1 else None
