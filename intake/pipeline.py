"""The one composer: a message read (intake/reading.py) in, its orders decided out.

Deciding imports none of the readers: the process that decides and stores beside its reading
workers does not load spaCy and the readers' patterns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from intake.followups.resolve import FollowupLookups, FollowupReading, resolve_followup, revised_po
from intake.routing.checks import Found
from intake.routing.decision import decide
from intake.routing.policy import RoutingFile, current_routing
from intake.stages import stage
from matchers import CatalogIndex, match_order
from models import (
    Classification,
    CustomerHistory,
    Decision,
    ExtractedOrder,
    MatchedOrder,
    MessageKind,
    OrderLineRecord,
    OrderRecord,
    ParsedMessage,
    PastOrder,
    ProcessedOrder,
    ProcessResult,
    Settings,
)
from models.followups import ABOUT_AN_ORDER, FollowupKind, FollowupResult, FollowupSign, LinkBy
from parsers.documents.limits import DocumentLimits

if TYPE_CHECKING:
    from models import Store

HistoryLookup = Callable[[str], CustomerHistory]
# A new order's own words ("nouvelle commande") read it as an order whatever else it says.
EXPLICIT = 0.9


Amend = Callable[[MatchedOrder], None]


@dataclass(frozen=True)
class PipelineDeps:
    """What deciding an order depends on, built once at an entry point and passed down.

    `history` gives a customer's past orders (duplicates, usual quantities, a new
    customer's first orders) and `routing` the per-customer overrides; without
    them those checks say nothing, so every path that takes orders gives both.
    `followups` finds the orders a follow-up may name; without it none is linked.
    """

    index: CatalogIndex
    settings: Settings
    history: HistoryLookup | None = None
    routing: RoutingFile | None = None
    followups: FollowupLookups | None = None

    @property
    def limits(self) -> DocumentLimits:
        return DocumentLimits.from_settings(self.settings)

    @classmethod
    def for_store(
        cls, store: Store, index: CatalogIndex, settings: Settings, *, history: HistoryLookup | None = None
    ) -> PipelineDeps:
        """The dependencies of a store-backed path: its customers' history (`history` when kept
        by the caller), the routing file as it is now, the orders a follow-up may name."""
        # The store's side, imported here: the reading workers import this module and never query it.
        from models import customer_history

        return cls(
            index=index,
            settings=settings,
            history=history or (lambda customer_id: customer_history(store, customer_id)),
            routing=current_routing(settings.routing_file),
            followups=FollowupLookups.for_store(store),
        )


class ReadMessage(BaseModel):
    """A message read and matched, before anything that depends on the store's past is decided."""

    parsed: ParsedMessage
    matched: list[MatchedOrder] = Field(default_factory=list)
    sign: FollowupSign | None = None  # what it says of an earlier order, if anything
    # Per matched order, the checks that need no past, when run where it was read (`assess_message`).
    found: list[Found] = Field(default_factory=list)
    # What linking a follow-up reads of the message alone, when read beforehand (`assess_message`).
    followup: FollowupReading | None = None


def as_followup(classification: Classification, sign: FollowupSign) -> Classification:
    """A change, cancellation, return or question about an earlier order is no new order;
    a replacement is one, read in full (and the order it replaces is cancelled)."""
    explicit_new = sign.kind == FollowupKind.NEW_ORDER and sign.confidence >= EXPLICIT
    if (sign.kind == FollowupKind.REPLACEMENT or explicit_new) and not classification.is_order:
        return Classification(kind=MessageKind.ORDER, confidence=sign.confidence, reasons=sign.reasons)
    if (
        sign.tentative
        or not classification.is_order
        or sign.kind not in ABOUT_AN_ORDER - {FollowupKind.REPLACEMENT}
    ):
        return classification
    asks = (
        MessageKind.CHANGE
        if sign.kind in (FollowupKind.CHANGE, FollowupKind.CANCELLATION)
        else MessageKind.ORDER_QUESTION
    )
    return Classification(
        kind=asks, confidence=sign.confidence, reasons=[f"{sign.kind.value}: {r}" for r in sign.reasons]
    )


def decide_message(read: ReadMessage, deps: PipelineDeps) -> ProcessResult:
    """Each matched order decided (routing, checks against the customer's past) and recorded;
    a follow-up linked to the order it names."""
    parsed = read.parsed
    orders: list[ProcessedOrder] = []
    if parsed.classification is not None and parsed.classification.is_order:
        found = read.found if len(read.found) == len(read.matched) else [None] * len(read.matched)
        for matched, assessed in zip(read.matched, found, strict=True):
            with stage("decide"):
                orders.append(decide_matched(parsed, matched, deps, earlier=orders, found=assessed))
    followup = _followup(parsed, read.sign, deps.index, deps.followups, read.followup)
    if followup is not None and followup.sign.tentative:
        followup, orders = _settle_tentative(followup, orders)
        if parsed.classification is not None:
            parsed.classification = as_followup(
                parsed.classification, followup.sign.model_copy(update={"tentative": False})
            )
    if followup is not None and followup.kind == FollowupKind.REPLACEMENT:
        _renumber(orders, followup)
    return ProcessResult(parsed=parsed, orders=orders, followup=followup)


def _settle_tentative(
    followup: FollowupResult, orders: list[ProcessedOrder]
) -> tuple[FollowupResult, list[ProcessedOrder]]:
    """An order's text that asks something of an earlier order is a follow-up when the PO it
    writes is an order taken, or when it is a question, cancellation or return with no line."""
    lineless = not any(order.record.lines for order in orders)
    asks = followup.kind in (FollowupKind.DELIVERY_QUESTION, FollowupKind.CANCELLATION, FollowupKind.RETURN)
    if followup.link.link_by != LinkBy.PO and not (asks and lineless):
        return FollowupResult(
            sign=FollowupSign(kind=FollowupKind.NEW_ORDER, reasons=["no order taken has its PO"])
        ), orders
    if followup.kind == FollowupKind.REPLACEMENT:
        return followup, orders
    return followup, []


def _renumber(orders: list[ProcessedOrder], followup: FollowupResult) -> None:
    """A replacement read with the PO it replaces takes the revised number it writes, if one."""
    revised = revised_po(followup.link.po_number, followup.sign.references)
    for order in orders:
        if revised and order.record.po_number == followup.link.po_number:
            order.record.po_number = revised
            if order.matched.order.po_number is not None:
                order.matched.order.po_number.value = revised


def _followup(
    parsed: ParsedMessage,
    sign: FollowupSign | None,
    index: CatalogIndex,
    lookups: FollowupLookups | None,
    reading: FollowupReading | None = None,
) -> FollowupResult | None:
    if sign is None:
        return None
    if sign.kind not in ABOUT_AN_ORDER or lookups is None:
        return FollowupResult(sign=sign)
    with stage("followup"):
        return resolve_followup(parsed, sign, index, lookups, reading=reading)


def decide_order(
    parsed: ParsedMessage,
    extracted: ExtractedOrder,
    deps: PipelineDeps,
    *,
    earlier: Sequence[ProcessedOrder] = (),
    amend: Amend | None = None,
) -> ProcessedOrder:
    """Match one read order, decide it with every check, and build its record.

    Every path that takes an order goes through here or `decide_message`: mail,
    a clerk's phone entry, an order posted to the API. `amend` applies what a
    clerk or a vouched system knows for sure (the customer) before it is decided.
    """
    matched = match_order(parsed, extracted, deps.index)
    if amend is not None:
        amend(matched)
    return decide_matched(parsed, matched, deps, earlier=earlier)


def decide_matched(
    parsed: ParsedMessage,
    matched: MatchedOrder,
    deps: PipelineDeps,
    *,
    earlier: Sequence[ProcessedOrder] = (),
    found: Found | None = None,
) -> ProcessedOrder:
    """The decision on one matched order, with the catalogue, the history and the routing overrides;
    `found`: its checks that need no past, run already (`assess_message`)."""
    decision = decide(
        parsed,
        matched,
        settings=deps.settings,
        products=deps.index.products,
        customers=deps.index.customers,
        catalogue=deps.index,
        history=_history(matched, deps.history, earlier),
        routing=deps.routing,
        found=found,
    )
    return ProcessedOrder(matched=matched, decision=decision, record=build_record(parsed, matched, decision))


def _history(
    matched: MatchedOrder, lookup: HistoryLookup | None, earlier: Sequence[ProcessedOrder]
) -> CustomerHistory | None:
    """The customer's stored history plus this message's earlier orders (not stored yet)."""
    customer_id = matched.customer.customer_id
    if lookup is None or customer_id is None:
        return None
    same = [o for o in earlier if o.record.customer_id == customer_id]
    return lookup(customer_id).with_orders([PastOrder.from_record(o.record) for o in same])


def build_record(parsed: ParsedMessage, matched: MatchedOrder, decision: Decision) -> OrderRecord:
    """The contract's order record for one matched, decided order."""
    order = matched.order
    return OrderRecord(
        message_id=parsed.message_id,
        source=order.source,
        status=decision.status,
        customer_id=matched.customer.customer_id,
        po_number=order.po_number.value if order.po_number else None,
        order_date=order.order_date.value if order.order_date else parsed.local_date,
        requested_delivery_date=order.requested_delivery_date.value
        if order.requested_delivery_date
        else None,
        ship_to=matched.ship_to,
        currency=order.currency,
        lines=[
            OrderLineRecord(
                line_no=number,
                sku=line.sku,
                customer_ref=line.customer_ref,
                description=line.line.description.value if line.line.description else None,
                quantity=float(line.quantity) if line.quantity is not None else None,
                unit=line.unit,
                unit_price=float(line.unit_price) if line.unit_price is not None and line.sku else None,
            )
            for number, line in enumerate(matched.lines, start=1)
        ],
        confidence=decision.confidence,
    )
