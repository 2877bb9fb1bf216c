"""Which customer sent the order?

Every clue gives points to the customers it fits: the sender's known address
or its domain (a domain shared by several sites fits them all, so it cannot
decide alone), the original sender of a forward, a VAT or SIRET number, the
company name in the signature or on the document, the ship-to address. The
customer with the most points wins when it leads the runner-up clearly;
otherwise the candidates go to review.
"""

from __future__ import annotations

import re

from matchers.customer_terms import TermIndex, terms
from matchers.index import CatalogIndex
from matchers.normalize import fold
from models import Address, Candidate, CustomerMatch, Evidence, ExtractedOrder, ParsedMessage

EMAIL, DOMAIN, SHARED_DOMAIN, VAT = 0.9, 0.7, 0.35, 0.9
SITE = 0.45  # a site's own word, among the sites sharing the sender's domain: with the domain, enough alone
# A colleague of the desk passing an order on ('commande prise au téléphone pour la Brasserie du Port')
# names whom it is for in their own words, as a signature names who writes.
COLLEAGUE_TEXT = 0.5
MIN_COVERAGE = 0.5  # share of a name's (or address's) telling words a text must contain
CLEAR_LEAD = 0.15  # points ahead of the runner-up needed to name a customer
SENDER_KINDS = {"email", "domain", "forwarded_email", "forwarded_domain"}
_VAT = re.compile(r"\b([A-Z]{2})\s?([0-9A-Z]{2})\s?(\d{3})\s?(\d{3})\s?(\d{3})\b")
_SIRET = re.compile(r"\bsi(?:ret|ren)\b\D{0,20}(\d{3})\s?(\d{3})\s?(\d{3})", re.IGNORECASE)
SIGNATURE_LINES = 8  # a signature not split off by the reader is in the last lines
# A place the sender turns away: 'pas à Saint-Priest', 'ne rien livrer à Mérignac', 'not to Bristol'.
_NOT_THERE = re.compile(
    r"\b(?:pas|non|not|rien|nothing|jamais|never|rather than|au lieu de|instead of)\s+"
    r"(?:(?:[\w']+\s+)?(?:à|a|au|sur|pour|chez|to|at|in|for)\s+)?(?:l[ae']\s*|the\s+)?[\w\-']+(?-i:[ \-][A-ZÉÈ][\w\-']*)*",
    re.I,
)


def match_customer(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> CustomerMatch:
    """The customer, with its score, its lead over the runner-up and the evidence."""
    found: dict[str, list[Evidence]] = {}
    for evidence_by_customer in (
        _sender(parsed.sender, index, prefix=""),
        _sender(parsed.forwarded_sender, index, prefix="forwarded_"),
        _vat(parsed, order, index),
        _site(parsed, order, index),
        *_texts(parsed, order, index),
    ):
        for cid, evidence in evidence_by_customer.items():
            found.setdefault(cid, []).append(evidence)
    # Equal scores are listed by customer id: the same candidates in the same order on every run.
    candidates = sorted(
        (_candidate(cid, ev, index) for cid, ev in found.items()), key=lambda c: (-c.score, c.key)
    )
    return _decide(candidates[:5])


def _sender(address: Address | None, index: CatalogIndex, *, prefix: str) -> dict[str, Evidence]:
    if address is None or not address.email:
        return {}
    email = address.email.lower()
    sharing = index.by_domain.get(address.domain, [])
    weight = DOMAIN if len(sharing) == 1 else SHARED_DOMAIN
    found = {cid: Evidence(kind=prefix + "domain", detail=address.domain, weight=weight) for cid in sharing}
    for cid in index.emails.get(email, []):  # the known address outranks its domain
        found[cid] = Evidence(kind=prefix + "email", detail=email, weight=EMAIL)
    return found


def _vat(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> dict[str, Evidence]:
    written = " ".join([order.buyer_vat.value if order.buyer_vat else "", parsed.text, parsed.signature])
    numbers = ["".join(m.groups()) for m in _VAT.finditer(fold(written).upper())]
    numbers += ["".join(m.groups()) for m in _SIRET.finditer(written)]
    for number in numbers:
        owners = index.by_vat.get(number, [])
        if owners:  # one company may hold several customer accounts (its sites)
            return {cid: Evidence(kind="vat", detail=number, weight=VAT / len(owners)) for cid in owners}
    return {}


def _site(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> dict[str, Evidence]:
    """The one site, of those sharing the sender's domain, whose own words the document or the subject
    writes ('Cuisine | Mornant' above the table, from the group's one purchasing address)."""
    sender = parsed.sender
    sharing = index.by_domain.get(sender.domain, []) if sender is not None and sender.email else []
    if len(sharing) < 2 or (sender is not None and len(index.emails.get(sender.email.lower(), [])) == 1):
        # The known contact of one account names it: the site it writes is where the goods go (a group's
        # buyer ordering for one of its houses), never who orders. A contact of several sites (the group's
        # purchasing address on each) leaves the site words to tell them apart.
        return {}
    header = [row.text for row in order.rows if row.region == "header"]
    fields = [
        order.buyer_name.value if order.buyer_name else "",
        order.ship_to.value if order.ship_to else "",
    ]
    names, addresses = index.customer_terms.names.terms, index.customer_terms.addresses.terms
    own = {
        cid: names.get(cid, set()) | {t for t in addresses.get(cid, set()) if t.isalpha() and len(t) >= 4}
        for cid in sharing
    }
    # The document's own words first: a subject may name every site of a message of several orders;
    # then the sender's own text, less the sites it turns away ('à livrer à Corbas, pas à Saint-Priest').
    texts = ("\n".join([*header, *fields]), parsed.subject or "", _NOT_THERE.sub(" ", parsed.text))
    for text in texts:
        written = terms(text)
        named = {}
        for cid in sharing:
            others = set().union(*(own[other] for other in sharing if other != cid))
            found = (own[cid] - others) & written
            if found:
                named[cid] = Evidence(kind="site", detail=", ".join(sorted(found)), weight=SITE)
        if named:
            return named if len(named) == 1 else {}
    return {}


def _texts(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> list[dict[str, Evidence]]:
    """Names and addresses read in the document's buyer and ship-to, the signature, the text."""
    # The body's last lines stand in for a signature the reader did not split off; beside one it did, they
    # are the order's own (the last site's heading of a body carrying one order per site).
    tail = "" if parsed.signature.strip() else "\n".join(parsed.text.strip().splitlines()[-SIGNATURE_LINES:])
    # A sheet or PDF titled with the customer's name ('Habitat Rhône - Agence Lyon Est' above its table)
    # names the site that orders, where the domain and the VAT number are shared by its sites.
    header = "\n".join(row.text for row in order.rows if row.region == "header")
    sources = [
        ("buyer_name", order.buyer_name.value if order.buyer_name else "", 0.6, 0.0),
        ("document", header, 0.5, 0.0),
        ("ship_to", order.ship_to.value if order.ship_to else "", 0.5, 0.6),
        ("signature", f"{parsed.signature}\n{tail}", 0.55, 0.4),
        (
            "text",
            f"{parsed.subject}\n{parsed.text}",
            COLLEAGUE_TEXT if _from_colleague(parsed, index) else 0.15,
            0.15,
        ),
    ]
    found: list[dict[str, Evidence]] = []
    for kind, text, name_weight, address_weight in sources:
        words = terms(text) if text.strip() else set()
        if not words:
            continue
        for field, weight, terms_index in (
            ("name", name_weight, index.customer_terms.names),
            ("address", address_weight, index.customer_terms.addresses),
        ):
            if kind == "ship_to" and field == "name":  # the town the goods go to names no buyer
                named_by = terms(_TOWN.sub(" ", text))
                found.append(_covered(f"{kind}_{field}", named_by, weight, terms_index) if named_by else {})
            elif weight:
                found.append(_covered(f"{kind}_{field}", words, weight, terms_index))
    return found


# A postcode and the town after it ('69230 Saint-Genis-Laval'): 'Le Fournil de Saint-Genis' is another
# customer's name, not who ships there.
_TOWN = re.compile(r"(?<!\w)\d{4,5}\s+[^\W\d_][^\n,;]*")


def _from_colleague(parsed: ParsedMessage, index: CatalogIndex) -> bool:
    """Written from the desk's own domain (one the message goes to, no customer's), no original sender named
    but a colleague (a note taken on the phone, forwarded by its writer or another of the desk)."""
    domain = parsed.sender.domain if parsed.sender is not None else ""
    forwarded = parsed.forwarded_sender
    if not domain or domain in index.by_domain or (forwarded is not None and forwarded.domain != domain):
        return False
    return any(a.domain == domain for a in parsed.to)


def _covered(kind: str, words: set[str], weight: float, terms_index: TermIndex) -> dict[str, Evidence]:
    coverage = terms_index.coverage(words)
    return {
        cid: Evidence(kind=kind, detail=f"{share:.0%} of its words", weight=round(weight * share, 4))
        for cid, share in coverage.items()
        if share >= MIN_COVERAGE
    }


def _candidate(cid: str, evidence: list[Evidence], index: CatalogIndex) -> Candidate:
    # The strongest clue of each kind counts once; points add up across kinds.
    best: dict[str, Evidence] = {}
    for item in evidence:
        if item.kind not in best or item.weight > best[item.kind].weight:
            best[item.kind] = item
    points = sum(e.weight for e in best.values())
    return Candidate(
        key=cid, label=index.customers[cid].name, score=round(points, 4), evidence=list(best.values())
    )


def _only_a_place(candidate: Candidate) -> bool:
    """Named by an address alone: where the goods go ('Deliver to: Terminal ferry, 29680 Roscoff'),
    which a buyer new to us may share with a customer; a sender, a name or a VAT number names who buys."""
    return all(e.kind.endswith("_address") for e in candidate.evidence)


def _decide(candidates: list[Candidate]) -> CustomerMatch:
    if not candidates:
        return CustomerMatch(customer_id=None)
    best = candidates[0]
    lead = best.score - (candidates[1].score if len(candidates) > 1 else 0.0)
    sender_known = any(e.kind in SENDER_KINDS for e in best.evidence)
    confidence = min(best.score, 1.0) if sender_known else min(best.score, 0.8)
    if lead < CLEAR_LEAD or confidence < 0.4 or _only_a_place(best):
        return CustomerMatch(
            customer_id=None, score=round(confidence, 4), margin=round(lead, 4), candidates=candidates
        )
    return CustomerMatch(
        customer_id=best.key,
        score=round(confidence, 4),
        margin=round(min(lead, 1.0), 4),
        candidates=candidates,
        sender_known=sender_known,
    )
