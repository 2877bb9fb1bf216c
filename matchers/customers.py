"""Which customer sent the order?"""

from __future__ import annotations

from matchers.index import CatalogIndex
from models import Candidate, CustomerMatch, Evidence, ExtractedOrder, ParsedMessage


def match_customer(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> CustomerMatch:
    """The customer, from the sender's known address, then its domain."""
    sender = parsed.forwarded_sender or parsed.sender
    if sender.email in index.by_email:
        cid = index.by_email[sender.email]
        return _one(cid, index, Evidence(kind="email", detail=sender.email, weight=1.0))
    owners = index.by_domain.get(sender.domain, [])
    if len(owners) == 1:
        return _one(owners[0], index, Evidence(kind="domain", detail=sender.domain, weight=0.9), score=0.9)
    candidates = [
        Candidate(
            key=c,
            label=index.customers[c].name,
            score=0.5,
            evidence=[Evidence(kind="domain", detail=sender.domain, weight=0.5)],
        )
        for c in owners
    ]
    return CustomerMatch(customer_id=None, candidates=candidates)


def _one(cid: str, index: CatalogIndex, evidence: Evidence, score: float = 1.0) -> CustomerMatch:
    candidate = Candidate(key=cid, label=index.customers[cid].name, score=score, evidence=[evidence])
    return CustomerMatch(customer_id=cid, score=score, margin=score, candidates=[candidate])
