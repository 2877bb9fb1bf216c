"""Domains that only look like a customer's: one letter off, another TLD, homoglyphs, punycode.

A forged order's first trick is a sender domain a clerk would read as the
customer's (martin-btb.fr, martin-btp.com, rnartin-btp.fr, xn--mrtin-btp-...).
Such a sender is never accepted without review, whatever else matches.
"""

from __future__ import annotations

import contextlib
import unicodedata

from rapidfuzz.distance import OSA

from intake.routing.checks.context import CheckContext
from intake.routing.checks.rules import CheckRules, default_rules
from models import CustomerRow, ReviewReason

# How many edits still read as the same name: none for a short name (too
# many real names are one letter apart), one from 5 letters, two from 8.
_EDITS_BY_LENGTH = ((8, 2), (5, 1))


def decode_domain(domain: str) -> str:
    """A domain with its punycode labels (xn--) shown as the letters they encode."""
    labels = []
    for label in domain.lower().strip(".").split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return ".".join(labels)


def skeleton(domain: str, rules: CheckRules) -> str:
    """What a domain looks like to a reader: look-alike characters folded together."""
    text = unicodedata.normalize("NFKC", decode_domain(domain)).lower()
    text = "".join(rules.confusables.get(ch, ch) for ch in text)
    for sequence, single in rules.confusable_sequences.items():
        text = text.replace(sequence, single)
    return text


def _name(domain: str) -> str:
    """The label before the top-level domain: martin-btp for mail.martin-btp.fr."""
    labels = domain.split(".")
    return labels[-2] if len(labels) >= 2 else labels[0]


def _allowed_edits(name: str) -> int:
    return next((edits for length, edits in _EDITS_BY_LENGTH if len(name) >= length), 0)


def imitates(domain: str, known: str, rules: CheckRules) -> bool:
    """True when `domain` is not `known` (nor under it) but reads like it."""
    domain, known = domain.lower().strip("."), known.lower().strip(".")
    if domain == known or domain.endswith("." + known):
        return False
    seen, real = skeleton(domain, rules), skeleton(known, rules)
    if seen == real or _name(seen) == _name(real):
        return True
    real_name = _name(real)
    if OSA.distance(_name(seen), real_name) <= _allowed_edits(real_name):
        return True
    # the customer's name as a label of a foreign domain: martin-btp.fr.commandes-pro.com
    return len(real_name) >= 5 and real_name in seen.split(".")[:-2]


def known_domains(customers: dict[str, CustomerRow], rules: CheckRules) -> dict[str, CustomerRow]:
    """The domains that stand for a customer: its own, and its contacts' unless public mail."""
    domains: dict[str, CustomerRow] = {}
    for customer in customers.values():
        for domain in customer.email_domains:
            domains.setdefault(domain.lower(), customer)
        for address in customer.contact_emails:
            domain = address.rpartition("@")[2].lower()
            if domain not in rules.public_mail_domains:
                domains.setdefault(domain, customer)
    return domains


def check_lookalike_sender(ctx: CheckContext, *, rules: CheckRules | None = None) -> list[ReviewReason]:
    """The From, Reply-To or forwarded sender's domain only looks like a customer's."""
    rules = rules or default_rules()
    domains = known_domains(ctx.customers, rules)
    parsed = ctx.parsed
    senders = (
        ("sender", parsed.sender),
        ("reply-to", parsed.reply_to),
        ("forwarded sender", parsed.forwarded_sender),
    )
    reasons = []
    for role, address in senders:
        domain = address.domain if address and address.email else ""
        if not domain or domain in domains or domain in rules.public_mail_domains:
            continue
        if any(domain.endswith("." + d) for d in domains):
            continue
        for known, customer in domains.items():
            if imitates(domain, known, rules):
                reasons.append(
                    ReviewReason(
                        code="sender_lookalike",
                        message=f"the {role}'s domain {domain} only looks like {known} "
                        f"({customer.customer_id} {customer.name}): possibly a forged order",
                        field="sender",
                    )
                )
                break
    return reasons
