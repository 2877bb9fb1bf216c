"""Routing: accept an order without review only when it is safe, and say why not.

The checks (intake/routing/checks/) say what is wrong in plain words; the confidence
says how sure Intake is of what it read and matched: the weakest of the
classification, the customer match, the PO number, and every line's reading,
quantity and article match (a near runner-up lowers a match however high its
score). The routing mode then decides: `review_all` holds everything,
`automatic` holds what an error blocks, `confident` also holds warnings and
anything below the threshold.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, field_validator

from intake.routing.checks import CheckContext, Found, assess, complete
from intake.routing.checks.context import lead_over_runner_up, numbered, quantity_from_words
from intake.routing.policy import Policy, RoutingFile, policy_for
from matchers import CatalogIndex
from models import (
    CustomerHistory,
    CustomerRow,
    Decision,
    LineMatch,
    MatchedOrder,
    OrderStatus,
    ParsedMessage,
    ProductRow,
    ReviewReason,
    RoutingMode,
    Settings,
    Severity,
)

# A runner-up within this margin pulls the match's confidence down linearly,
# to 0.5 when the two are level: the text does not tell them apart.
CLEAR_MARGIN = 0.15
# A quantity written in words ("deux cartons") is read right most of the time,
# but less surely than digits: held above a 0.9 threshold.
WORDS_QUANTITY = 0.9
LOW_CONFIDENCE = "low_confidence"
# An article whose text matched below this, whatever its lead, is nearer a guess than a reading
# ('sel de déneigement' read as the only salt the catalogue sells): it holds the order in every
# routing mode, automatic too.
GUESS = 0.65


class Component(BaseModel):
    """One thing the order's confidence rests on."""

    label: str
    value: float
    line_no: int | None = None
    guess: bool = False

    @field_validator("value")
    @classmethod
    def _bounded(cls, value: float) -> float:
        """A reader's figure outside 0..1 (or NaN) must not lift nor break the minimum."""
        return min(max(value, 0.0), 1.0) if math.isfinite(value) else 0.0


def margin_confidence(score: float, margin: float) -> float:
    """A match's confidence: its score, lowered when the runner-up is close."""
    return min(score, 0.5 + 0.5 * min(max(margin, 0.0), CLEAR_MARGIN) / CLEAR_MARGIN)


def line_components(parsed: ParsedMessage, number: int, line: LineMatch) -> list[Component]:
    """What one line's confidence rests on: reading it, its quantity, its article."""
    extracted = line.line
    parts = [Component(label="reading the line", value=extracted.confidence, line_no=number)]
    if extracted.quantity is not None:
        parts.append(Component(label="the quantity", value=extracted.quantity.confidence, line_no=number))
    if quantity_from_words(parsed, line):
        parts.append(Component(label="the quantity, written in words", value=WORDS_QUANTITY, line_no=number))
    lead = lead_over_runner_up(line.sku, line.score, line.margin, line.candidates)
    match = margin_confidence(line.score, lead) if line.sku else 0.0
    guess = bool(line.sku) and line.score < GUESS
    parts.append(Component(label="the article match", value=match, line_no=number, guess=guess))
    return parts


def components(parsed: ParsedMessage, matched: MatchedOrder) -> list[Component]:
    """Everything the order's confidence rests on."""
    order, customer = matched.order, matched.customer
    parts = [
        Component(label="reading the order", value=order.confidence),
        Component(
            label="the customer match",
            value=margin_confidence(
                customer.score,
                lead_over_runner_up(
                    customer.customer_id, customer.score, customer.margin, customer.candidates
                ),
            ),
        ),
    ]
    if parsed.classification is not None:
        parts.append(
            Component(label="reading the message as an order", value=parsed.classification.confidence)
        )
    for label, field in (
        ("the PO number", order.po_number),
        ("the delivery date", order.requested_delivery_date),
    ):
        if field is not None:
            parts.append(Component(label=label, value=field.confidence))
    for number, line in numbered(matched):
        parts += line_components(parsed, number, line)
    return parts


def low_confidence_reasons(
    parts: list[Component],
    policy: Policy,
    *,
    explained: set[int | None],
    erred: set[int | None] = frozenset(),
) -> list[ReviewReason]:
    """One reason per order-level part and per line below the threshold, naming the weakest.

    A line that already has a reason (`explained`) gets none: the clerk reads why once. Below
    `GUESS` an article match's reason is an error unless an error already holds that line (`erred`).
    """
    weakest: dict[str | int, Component] = {}
    # A guessed article speaks for its line first: the reason the line gets must be the one that holds.
    for part in sorted(parts, key=lambda p: (not p.guess, p.value)):
        if part.value >= policy.accept_threshold or part.line_no in (erred if part.guess else explained):
            continue
        weakest.setdefault(part.line_no if part.line_no is not None else part.label, part)
    return [
        ReviewReason(
            code=LOW_CONFIDENCE,
            message=(f"line {part.line_no}: " if part.line_no is not None else "")
            + f"{part.label} is uncertain (confidence {_shown(part.value, policy.accept_threshold)}, "
            f"threshold {policy.accept_threshold:.2f})",
            severity=_low_severity(part, policy.mode),
            line_no=part.line_no,
        )
        for part in weakest.values()
    ]


def _low_severity(part: Component, mode: RoutingMode) -> Severity:
    if part.guess:
        return Severity.ERROR
    return Severity.WARNING if mode == RoutingMode.CONFIDENT else Severity.INFO


def _shown(value: float, threshold: float) -> str:
    """Two decimals, or three when two would round up to the threshold it is below."""
    return f"{value:.2f}" if f"{value:.2f}" != f"{threshold:.2f}" else f"{value:.3f}"


def blocks(reason: ReviewReason, mode: RoutingMode) -> bool:
    """Whether one reason keeps the order from the clean table in this mode."""
    if reason.severity == Severity.ERROR:
        return True
    return reason.severity == Severity.WARNING and mode == RoutingMode.CONFIDENT


# What no approval can answer: the order would be stored without a customer,
# a line, a catalogue article or a quantity. A clerk's approval answers every other reason.
INCOMPLETE = frozenset(
    {
        "customer_unknown",
        "no_lines",
        "line_unmatched",
        "sku_unknown",
        "quantity_missing",
        "quantity_not_positive",
    }
)


def blocks_approval(reason: ReviewReason) -> bool:
    """Whether a clerk may not approve an order past this reason."""
    return reason.code in INCOMPLETE


def passes_checks(decision: Decision) -> bool:
    """True when only the threshold could hold this order (what `intake eval` varies): no error holds
    it, a guessed article's among them (held whatever the threshold), and no warning but the threshold's."""
    return not any(
        r.severity == Severity.ERROR or (r.severity == Severity.WARNING and r.code != LOW_CONFIDENCE)
        for r in decision.reasons
    )


def free_of_errors(decision: Decision) -> bool:
    """True when no error holds the order: what `automatic` mode accepts."""
    return not any(r.severity == Severity.ERROR for r in decision.reasons)


def decide(
    parsed: ParsedMessage,
    matched: MatchedOrder,
    *,
    settings: Settings,
    products: dict[str, ProductRow] | None = None,
    customers: dict[str, CustomerRow] | None = None,
    catalogue: CatalogIndex | None = None,
    history: CustomerHistory | None = None,
    routing: RoutingFile | None = None,
    found: Found | None = None,
) -> Decision:
    """The order's status, confidence and the reasons a clerk should read.

    `found` is what `assess_order` found beforehand (where the message was read) with the
    same message, order, settings and catalogue; the checks of the past run here."""
    policy = policy_for(matched.customer.customer_id, settings=settings, routing=routing or RoutingFile())
    ctx = CheckContext(
        parsed=parsed,
        matched=matched,
        products=products or {},
        customers=customers or {},
        catalogue=catalogue,
        history=history,
        settings=settings,
        new_customer_orders=policy.new_customer_orders,
    )
    parts = components(parsed, matched)
    confidence = round(min(p.value for p in parts), 3)
    reasons = complete(ctx, found if found is not None else assess(ctx))
    explained = {r.line_no for r in reasons if r.line_no is not None and r.severity != Severity.INFO}
    erred = {r.line_no for r in reasons if r.line_no is not None and r.severity == Severity.ERROR}
    reasons += low_confidence_reasons(parts, policy, explained=explained, erred=erred)
    if policy.mode == RoutingMode.REVIEW_ALL:
        reasons.append(
            ReviewReason(
                code="review_all", message="every order is reviewed (routing mode)", severity=Severity.INFO
            )
        )
    held = policy.mode == RoutingMode.REVIEW_ALL or any(blocks(r, policy.mode) for r in reasons)
    return Decision(
        status=OrderStatus.REVIEW if held else OrderStatus.ACCEPTED,
        confidence=confidence,
        reasons=reasons,
        backorder_lines=sorted(
            {r.line_no for r in reasons if r.code == "backorder" and r.line_no is not None}
        ),
    )


def assess_order(
    parsed: ParsedMessage, matched: MatchedOrder, *, settings: Settings, catalogue: CatalogIndex
) -> Found:
    """The checks of one order that need no past (`decide` runs the others, with the history)."""
    ctx = CheckContext(
        parsed=parsed,
        matched=matched,
        products=catalogue.products,
        customers=catalogue.customers,
        catalogue=catalogue,
        settings=settings,
    )
    return assess(ctx)
