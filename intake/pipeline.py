"""The one composer: a raw message in, its orders (read, matched, decided) out."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, Field

from intake.decision import decide
from intake.routing import RoutingFile
from intake.stages import stage
from matchers import CatalogIndex, match_order
from models import (
    CustomerHistory,
    Decision,
    ExtractedOrder,
    MatchedOrder,
    MessageReadError,
    OrderLineRecord,
    OrderRecord,
    ParsedMessage,
    PastOrder,
    ProcessedOrder,
    ProcessResult,
    RawMessage,
    Settings,
)
from parsers import (
    DocumentLimits,
    awaits_catalogue,
    by_catalogue,
    classify,
    extract_orders,
    parse_message,
    read_attachments,
)

HistoryLookup = Callable[[str], CustomerHistory]
# A line names an article when its code is known or its wording leads clearly.
NAMED_SCORE = 0.8
NAMED_MARGIN = 0.1


class ReadMessage(BaseModel):
    """A message read and matched, before anything that depends on the store's past is decided."""

    parsed: ParsedMessage
    matched: list[MatchedOrder] = Field(default_factory=list)


def process(
    raw: RawMessage,
    *,
    index: CatalogIndex,
    settings: Settings,
    history: HistoryLookup | None = None,
    routing: RoutingFile | None = None,
) -> ProcessResult:
    """Run every stage on one message. Raises IntakeError when it cannot be read.

    `history` gives a customer's past orders (duplicates, usual quantities, a
    new customer's first orders); without it those checks say nothing.
    """
    read = read_message(raw, index=index, limits=DocumentLimits.from_settings(settings))
    return decide_message(read, index=index, settings=settings, history=history, routing=routing)


def read_message(raw: RawMessage, *, index: CatalogIndex, limits: DocumentLimits) -> ReadMessage:
    """Parse, classify, read the documents, extract and match: the work that needs no store."""
    with stage("parse"):
        parsed = parse_message(raw.data, where=raw.origin.describe())
    if not (parsed.text.strip() or parsed.html or parsed.attachments):
        raise MessageReadError(raw.origin.describe(), "the message has no body and no attachment")
    with stage("classify"):
        parsed.classification = classify(parsed)
        read = confirm_by_catalogue(parsed, index, limits=limits)
    if not parsed.classification.is_order:
        return ReadMessage(parsed=parsed)
    with stage("documents"):
        read_attachments(parsed, limits=limits)  # read once here; extraction finds them read
    with stage("extract"):
        if read is None:
            read = extract_orders(parsed, limits=limits, codes=index)
        # An order whose lines could not be read still goes to a clerk (no_lines), never lost.
        extracted_orders = read or [ExtractedOrder(source="email", part=parsed.text_part)]
    with stage("match"):
        matched = [match_order(parsed, extracted, index) for extracted in extracted_orders]
    return ReadMessage(parsed=parsed, matched=matched)


def decide_message(
    read: ReadMessage,
    *,
    index: CatalogIndex,
    settings: Settings,
    history: HistoryLookup | None = None,
    routing: RoutingFile | None = None,
) -> ProcessResult:
    """Each matched order decided (routing, checks against the customer's past) and recorded."""
    parsed = read.parsed
    if parsed.classification is None or not parsed.classification.is_order:
        return ProcessResult(parsed=parsed)
    orders: list[ProcessedOrder] = []
    for matched in read.matched:
        with stage("decide"):
            decision = decide(
                parsed,
                matched,
                settings=settings,
                products=index.products,
                customers=index.customers,
                history=_history(matched, history, orders),
                routing=routing,
            )
        orders.append(
            ProcessedOrder(matched=matched, decision=decision, record=build_record(parsed, matched, decision))
        )
    return ProcessResult(parsed=parsed, orders=orders)


def confirm_by_catalogue(
    parsed: ParsedMessage, index: CatalogIndex, *, limits: DocumentLimits | None = None
) -> list[ExtractedOrder] | None:
    """A message that shows no sign of any kind is an order when its lines name our articles.

    Returns what was read to decide (None when nothing had to be read).
    """
    if parsed.classification is None or not awaits_catalogue(parsed.classification):
        return None
    read = extract_orders(parsed, limits=limits, codes=index)
    parsed.classification = by_catalogue(parsed.classification, *_named_lines(parsed, read, index))
    return read


def _named_lines(parsed: ParsedMessage, read: list[ExtractedOrder], index: CatalogIndex) -> tuple[int, int]:
    """(lines that surely name a catalogue article, all lines) of what the message carries."""
    matches = [line for order in read for line in match_order(parsed, order, index).lines]
    named = [m for m in matches if m.sku is not None and m.score >= NAMED_SCORE and m.margin >= NAMED_MARGIN]
    return len(named), len(matches)


def _history(
    matched: MatchedOrder, lookup: HistoryLookup | None, earlier: list[ProcessedOrder]
) -> CustomerHistory | None:
    """The customer's stored history plus this message's earlier orders (not stored yet)."""
    customer_id = matched.customer.customer_id
    if lookup is None or customer_id is None:
        return None
    same = [o.record for o in earlier if o.record.customer_id == customer_id]
    return lookup(customer_id).with_orders(
        [
            PastOrder(
                message_id=r.message_id,
                po_number=r.po_number,
                order_date=r.order_date,
                status=r.status.value,
                lines=[(x.sku, x.quantity) for x in r.lines if x.sku is not None and x.quantity is not None],
            )
            for r in same
        ]
    )


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
