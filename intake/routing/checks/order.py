"""Checks on the order as a whole: is it an order, whose, with lines."""

from __future__ import annotations

from intake.routing.checks.context import CheckContext, lead_over_runner_up
from intake.routing.checks.rules import default_rules
from intake.routing.checks.sender import TYPED_SOURCES
from models import Address, CustomerRow, DocumentKind, ParsedMessage, ReviewReason

# Two customers closer than this are a coin toss, whatever their scores.
CUSTOMER_TIE = 0.05


def check_classification(ctx: CheckContext) -> list[ReviewReason]:
    """The document must read as a purchase order (the classifier's doubt is in the confidence)."""
    kind = ctx.matched.order.document_kind
    if kind in (DocumentKind.PURCHASE_ORDER, DocumentKind.UNKNOWN):
        return []
    return [
        ReviewReason(
            code="not_purchase_order",
            message=f"the document reads as a {kind.value.replace('_', ' ')}, not a purchase order",
        )
    ]


def check_customer(ctx: CheckContext) -> list[ReviewReason]:
    """The customer must be identified, and not as a tie with another one."""
    customer = ctx.matched.customer
    if customer.customer_id is None:
        names = ", ".join(f"{c.key} ({c.label})" for c in customer.candidates[:3])
        return [
            ReviewReason(
                code="customer_unknown",
                message="the customer could not be identified" + (f"; candidates: {names}" if names else ""),
                field="customer_id",
            )
        ]
    rival = max(
        (c for c in customer.candidates if c.key != customer.customer_id), key=lambda c: c.score, default=None
    )
    lead = lead_over_runner_up(customer.customer_id, customer.score, customer.margin, customer.candidates)
    if rival is not None and lead < CUSTOMER_TIE:
        return [
            ReviewReason(
                code="customer_ambiguous",
                message=f"two customers match equally: {customer.customer_id} and {rival.key} ({rival.label})",
                field="customer_id",
            )
        ]
    return []


def check_has_lines(ctx: CheckContext) -> list[ReviewReason]:
    """An order without a line cannot be taken."""
    if ctx.matched.lines:
        return []
    return [ReviewReason(code="no_lines", message="no order line was found")]


def check_reading_doubts(ctx: CheckContext) -> list[ReviewReason]:
    """What the reading itself could not settle (an order written against the thread) waits for a clerk."""
    return [ReviewReason(code="reading_unsure", message=doubt) for doubt in ctx.matched.order.doubts]


def sends_for(address: Address | None, customer: CustomerRow) -> bool:
    """True when the address is a known contact of the customer or on one of its domains."""
    if address is None or not address.email:
        return False
    email, domain = address.email.lower(), address.domain
    if email in customer.contact_emails:
        return True
    return any(domain == d or domain.endswith("." + d) for d in customer.email_domains)


def forwarded_by_colleague(parsed: ParsedMessage, public_domains: frozenset[str]) -> bool:
    """The sender writes from the desk's own domain (that of an address it wrote to)."""
    domain = parsed.sender.domain
    return bool(domain) and domain not in public_domains and any(a.domain == domain for a in parsed.to)


def check_sender_known(ctx: CheckContext) -> list[ReviewReason]:
    """A customer named only by the text (a signature, a letterhead) while the sender is a stranger.

    Anyone can sign with a customer's name: unless the sender is on the
    customer's file, a clerk confirms. A forwarded order counts by its
    original sender only when the one forwarding it is on file or a colleague
    at the desk's own domain: a stranger can write any forwarded header.
    """
    customer = ctx.customers.get(ctx.matched.customer.customer_id or "")
    parsed = ctx.parsed
    if ctx.matched.order.source in TYPED_SOURCES:
        return []  # the customer was chosen by a clerk or named by an authenticated system
    if customer is None or sends_for(parsed.sender, customer):
        return []
    if sends_for(parsed.forwarded_sender, customer) and forwarded_by_colleague(
        parsed, default_rules().public_mail_domains
    ):
        return []
    return [
        ReviewReason(
            code="sender_unknown",
            message=f"the sender {parsed.sender.email or '(none)'} is not on file for "
            f"{customer.customer_id} {customer.name}: the customer was read from the message's text",
            field="customer_id",
        )
    ]
