"""Orders from a web shop or a portal: the contract's record shape, checked and routed
like an email order.

The request body is kept first, as a message (origin `api`), so nothing posted
is lost and the same body posted twice is one order. The lines are given to
the matchers and to the decision as a reader would have produced them (every
value sure, its provenance the body's field); the customer is the one the
calling system names, vouched for by its token as a known sender address is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from intake.pipeline import PipelineDeps, decide_order
from matchers import CatalogIndex
from models import (
    Candidate,
    Classification,
    CustomerMatch,
    Evidence,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    MatchedOrder,
    MessageKind,
    Origin,
    ParsedMessage,
    ProcessResult,
    Provenance,
    RawMessage,
    Settings,
    Store,
    first_order_of,
)
from models.tables import MessageState


class LineIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    line_no: int | None = None
    sku: str | None = Field(default=None, max_length=64)
    customer_ref: str | None = Field(default=None, max_length=128)
    description: str | None = Field(default=None, max_length=1000)
    quantity: float = Field(gt=0)
    unit: str | None = Field(default=None, max_length=32)
    unit_price: float | None = Field(default=None, ge=0)


class OrderIn(BaseModel):
    """The contract's order record as a shop sends it; status, confidence and source are ours."""

    model_config = ConfigDict(extra="ignore")

    message_id: str | None = Field(default=None, max_length=500, description="the shop's own order reference")
    customer_id: str = Field(min_length=1, max_length=64)
    po_number: str | None = Field(default=None, max_length=128)
    order_date: dt.date | None = None
    requested_delivery_date: dt.date | None = None
    ship_to: str | None = Field(default=None, max_length=1000)
    currency: str = Field(default="EUR", min_length=3, max_length=3)
    lines: list[LineIn] = Field(min_length=1, max_length=1000)


def raw_of(order: OrderIn, channel: str) -> RawMessage:
    """The body as kept: canonical JSON, so the same order posted twice has one sha256."""
    data = json.dumps({"channel": channel, "order": order.model_dump(mode="json")}, sort_keys=True).encode()
    return RawMessage(data=data, origin=Origin(kind="api", path=f"api:{channel}"))


def message_id_of(order: OrderIn, raw: RawMessage, channel: str) -> str:
    if order.message_id:
        return order.message_id
    return f"<api.{hashlib.sha256(raw.data).hexdigest()[:20]}@{channel}.intake.invalid>"


def extracted_of(order: OrderIn) -> ExtractedOrder:
    def sure(value: object, where: str) -> Extracted | None:
        if value in (None, ""):
            return None
        return Extracted(value=value, confidence=1.0, provenance=Provenance(part="api", rule=where))

    lines = [
        ExtractedLine(
            line_no=line.line_no or n,
            code=sure(line.sku or line.customer_ref, f"lines[{n - 1}].sku"),
            description=sure(line.description, f"lines[{n - 1}].description"),
            quantity=sure(Decimal(str(line.quantity)), f"lines[{n - 1}].quantity"),
            unit=sure(line.unit, f"lines[{n - 1}].unit"),
            unit_price=sure(
                Decimal(str(line.unit_price)) if line.unit_price is not None else None, "unit_price"
            ),
            provenance=Provenance(part="api", rule=f"lines[{n - 1}]"),
        )
        for n, line in enumerate(order.lines, start=1)
    ]
    return ExtractedOrder(
        source="api",
        part="api",
        po_number=sure(order.po_number, "po_number"),
        order_date=sure(order.order_date, "order_date"),
        requested_delivery_date=sure(order.requested_delivery_date, "requested_delivery_date"),
        ship_to=sure(order.ship_to, "ship_to"),
        currency=order.currency.upper(),
        lines=lines,
    )


def vouch_customer(matched: MatchedOrder, order: OrderIn, index: CatalogIndex, channel: str) -> None:
    """The calling system named the customer: as sure as a known sender, when the customer exists."""
    customer = index.customers.get(order.customer_id)
    if customer is None:
        return  # unknown code: the matchers' own finding stands, and the decision says why it holds
    evidence = [Evidence(kind="api", detail=f"{channel}: {order.customer_id}", weight=1.0)]
    matched.customer = CustomerMatch(
        customer_id=order.customer_id,
        score=1.0,
        margin=1.0,
        candidates=[Candidate(key=order.customer_id, label=customer.name, score=1.0, evidence=evidence)],
        sender_known=True,
    )
    matched.ship_to = order.ship_to or customer.ship_to


def process_api_order(
    store: Store, order: OrderIn, message_id: str, *, channel: str, index: CatalogIndex, settings: Settings
) -> ProcessResult:
    """Match and decide the posted order with the pipeline's own composer and every check."""
    now = dt.datetime.now(dt.UTC)
    parsed = ParsedMessage(
        message_id=message_id,
        subject=f"{channel} order {order.po_number or order.message_id or ''}".strip(),
        date=now,
        classification=Classification(
            kind=MessageKind.ORDER, confidence=1.0, reasons=[f"posted by {channel}"]
        ),
    )
    processed = decide_order(
        parsed,
        extracted_of(order),
        PipelineDeps.for_store(store, index, settings),
        amend=lambda matched: vouch_customer(matched, order, index, channel),
    )
    return ProcessResult(parsed=parsed, orders=[processed])


def take_order(
    store: Store, order: OrderIn, *, channel: str, index: CatalogIndex, settings: Settings
) -> tuple[int, bool]:
    """Keep the body, then process it once; returns (order id, created)."""
    raw = raw_of(order, channel)
    message_id = message_id_of(order, raw, channel)
    row, created = store.add_message(raw, message_id=message_id)
    assert row.id is not None
    if row.state == MessageState.PROCESSED:
        existing = first_order_of(store, row.id)
        if existing is not None:
            return existing, False
    try:
        result = process_api_order(store, order, message_id, channel=channel, index=index, settings=settings)
        order_ids = store.save_result(row.id, result)
    except Exception as exc:  # kept and shown to a clerk, as a failed email is
        store.mark_failed(row.id, f"internal error while processing: {type(exc).__name__}: {exc}")
        raise
    return order_ids[0], created
