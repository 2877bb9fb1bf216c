"""The checks an order passes when a clerk approves it: the pipeline's own, on the clerk's values.

The edited order is decided as the pipeline decides a typed one (`decide_matched`,
with the catalogue, the customer's history less this order, the routing
overrides), but nothing is matched again: the clerk's article codes and
customer are what will be stored, so they are what is checked.
"""

from __future__ import annotations

import datetime as dt

from intake.pipeline import PipelineDeps, decide_matched
from intake.routing import blocks_approval
from models import (
    Candidate,
    CustomerMatch,
    Evidence,
    LineMatch,
    MatchedOrder,
    ParsedMessage,
    ReviewReason,
    Severity,
)
from review_ui.edits import OrderValues
from review_ui.manual import extracted_from_values


def approval_reasons(
    values: OrderValues, deps: PipelineDeps, *, message_id: str, order_id: int | None = None
) -> list[ReviewReason]:
    """What the pipeline's checks say of the clerk's order, worst first; informative ones left out."""
    parsed = ParsedMessage(message_id=message_id, date=dt.datetime.now(dt.UTC))
    lookup = deps.history
    if lookup is not None and order_id is not None:
        deps = PipelineDeps(
            index=deps.index,
            settings=deps.settings,
            history=lambda customer_id: lookup(customer_id).without(order_id),
            routing=deps.routing,
        )
    decision = decide_matched(parsed, clerk_order(values, deps), deps).decision
    kept = [r for r in decision.reasons if r.severity != Severity.INFO]
    return sorted(kept, key=lambda r: not blocks_approval(r))


def clerk_order(values: OrderValues, deps: PipelineDeps) -> MatchedOrder:
    """The clerk's values as a matched order: each article and the customer as the clerk chose them."""
    extracted = extracted_from_values(values)
    chosen = values.customer_id
    customer = CustomerMatch(customer_id=None)
    if chosen and chosen in deps.index.customers:
        evidence = [Evidence(kind="clerk", detail=chosen, weight=1.0)]
        label = deps.index.customers[chosen].name
        candidates = [Candidate(key=chosen, label=label, score=1.0, evidence=evidence)]
        customer = CustomerMatch(customer_id=chosen, score=1.0, margin=1.0, candidates=candidates)
    lines = [
        LineMatch(
            line=line,
            sku=line.code.value if line.code else None,
            score=1.0 if line.code else 0.0,
            margin=1.0 if line.code else 0.0,
            unit=line.unit.value if line.unit else None,
            quantity=line.quantity.value if line.quantity else None,
            unit_price=line.unit_price.value if line.unit_price else None,
        )
        for line in extracted.lines
    ]
    return MatchedOrder(order=extracted, customer=customer, lines=lines, ship_to=values.ship_to)


def form_notes(values: OrderValues, *, today: dt.date) -> list[ReviewReason]:
    """What only the form tells a clerk (no PO, a delivery date already past): warnings, never a hold."""
    notes = []
    if not values.po_number:
        notes.append(
            ReviewReason(code="po_missing", message="", field="po_number", severity=Severity.WARNING)
        )
    if values.requested_delivery_date and values.requested_delivery_date < today:
        notes.append(
            ReviewReason(
                code="delivery_in_past",
                message="",
                field="requested_delivery_date",
                severity=Severity.WARNING,
            )
        )
    return notes


def blocking(reasons: list[ReviewReason]) -> list[ReviewReason]:
    """The reasons that keep the clerk from approving."""
    return [r for r in reasons if blocks_approval(r)]
