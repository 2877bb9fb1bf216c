"""Routing: accept an order without review only when it is safe."""

from __future__ import annotations

from models import Decision, MatchedOrder, OrderStatus, ParsedMessage, ReviewReason, RoutingMode, Settings


def decide(parsed: ParsedMessage, matched: MatchedOrder, *, settings: Settings) -> Decision:
    """Accepted when the customer is known and every line matched with confidence."""
    reasons: list[ReviewReason] = []
    if matched.customer.customer_id is None:
        reasons.append(ReviewReason(code="customer_unknown", message="the customer could not be identified"))
    if not matched.lines:
        reasons.append(ReviewReason(code="no_lines", message="no order line was found"))
    for line in matched.lines:
        if line.sku is None:
            reasons.append(
                ReviewReason(
                    code="line_unmatched",
                    message=f"line {line.line.line_no}: no catalogue article matches",
                    line_no=line.line.line_no,
                )
            )
        elif line.score < 0.9:
            reasons.append(
                ReviewReason(
                    code="line_doubtful",
                    message=f"line {line.line.line_no}: the article match is uncertain",
                    line_no=line.line.line_no,
                )
            )
    scores = [matched.customer.score] + [line.score for line in matched.lines]
    confidence = round(min(scores) if scores else 0.0, 3)
    if settings.routing_mode == RoutingMode.REVIEW_ALL:
        reasons.append(
            ReviewReason(code="review_all", message="every order is reviewed (routing mode)", severity="info")
        )
    blocked = any(r.severity != "info" for r in reasons) or settings.routing_mode == RoutingMode.REVIEW_ALL
    if (
        not blocked
        and confidence < settings.accept_threshold
        and settings.routing_mode == RoutingMode.CONFIDENT
    ):
        reasons.append(
            ReviewReason(code="low_confidence", message=f"confidence {confidence:.2f} is below the threshold")
        )
        blocked = True
    return Decision(
        status=OrderStatus.REVIEW if blocked else OrderStatus.ACCEPTED, confidence=confidence, reasons=reasons
    )
