"""Orders taken by phone: typed by a clerk, then read, matched and decided like any other."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from intake.pipeline import PipelineDeps, decide_order
from matchers import CatalogIndex
from models import (
    Candidate,
    CustomerMatch,
    Evidence,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    LineMatch,
    MatchedOrder,
    OrderStatus,
    ParsedMessage,
    ProcessedOrder,
    Settings,
    Store,
)
from review_ui.edits import OrderValues

CLERK_PART = "manual"


def extracted_from_values(values: OrderValues) -> ExtractedOrder:
    """The clerk's entry as the pipeline's ExtractedOrder (source `manual`, fully confident)."""

    def sure(value: object) -> Extracted | None:
        return Extracted(value=value, confidence=1.0) if value not in (None, "") else None

    lines = [
        ExtractedLine(
            line_no=int(str(line["line_no"])),
            code=sure(line.get("sku")),
            description=sure(line.get("description")),
            quantity=sure(Decimal(str(line["quantity"])) if line.get("quantity") is not None else None),
            unit=sure(line.get("unit")),
            unit_price=sure(Decimal(str(line["unit_price"])) if line.get("unit_price") is not None else None),
        )
        for line in values.lines
    ]
    return ExtractedOrder(
        source="manual",
        part=CLERK_PART,
        po_number=sure(values.po_number),
        order_date=sure(values.order_date),
        requested_delivery_date=sure(values.requested_delivery_date),
        ship_to=sure(values.ship_to),
        lines=lines,
    )


def process_manual(values: OrderValues, deps: PipelineDeps, *, now: dt.datetime) -> ProcessedOrder:
    """Match and decide a typed order with the pipeline's own composer and every check."""
    parsed = ParsedMessage(message_id=f"<manual-{uuid.uuid4().hex}@intake.invalid>", date=now)
    index = deps.index

    def clerk_knows(matched: MatchedOrder) -> None:
        for line in matched.lines:
            _keep_typed(line)
        chosen = values.customer_id
        if chosen and chosen in index.customers:
            # The clerk picked the customer on the phone: as sure as a known sender address.
            label = index.customers[chosen].name
            evidence = [Evidence(kind="clerk", detail=chosen, weight=1.0)]
            matched.customer = CustomerMatch(
                customer_id=chosen,
                score=1.0,
                margin=1.0,
                candidates=[Candidate(key=chosen, label=label, score=1.0, evidence=evidence)],
            )
            matched.ship_to = values.ship_to or index.customers[chosen].ship_to

    return decide_order(parsed, extracted_from_values(values), deps, amend=clerk_knows)


def _keep_typed(match: LineMatch) -> None:
    """What the clerk typed stays on the line even when no article matched it."""
    typed = match.line
    if match.quantity is None and typed.quantity is not None:
        match.quantity = typed.quantity.value
    if match.unit is None and typed.unit is not None:
        match.unit = typed.unit.value
    if typed.description is None and typed.code is not None:
        typed.description = typed.code


def create_manual_order(
    store: Store, values: OrderValues, *, user: str, index: CatalogIndex, settings: Settings
) -> tuple[int, OrderStatus]:
    """Store a phone order: accepted when every check passes, else in the queue with its reasons."""
    now = dt.datetime.now(dt.UTC)
    processed = process_manual(values, PipelineDeps.for_store(store, index, settings), now=now)
    order_id = store.add_order(processed, actor=user)
    return order_id, processed.record.status
