"""Which catalogue article does an order line mean?"""

from __future__ import annotations

from decimal import Decimal

from rapidfuzz import fuzz, process

from matchers.index import CatalogIndex
from models import Candidate, Evidence, ExtractedLine, LineMatch


def match_article(line: ExtractedLine, index: CatalogIndex, *, customer_id: str | None) -> LineMatch:
    """The best catalogue article for one line, with the runner-up candidates."""
    code = (line.code.value if line.code else "").strip().upper()
    if code and customer_id and (customer_id, code) in index.refs:
        return _exact(line, index, index.refs[(customer_id, code)], "customer_ref", customer_ref=code)
    if code in index.products:
        return _exact(line, index, code, "sku")
    if code in index.by_ean:
        return _exact(line, index, index.by_ean[code], "ean")
    wording = line.description.value if line.description else ""
    if not wording:
        return LineMatch(line=line, sku=None)
    found = process.extract(wording, index.names, scorer=fuzz.WRatio, limit=5)
    candidates = [
        Candidate(
            key=index.name_skus[i],
            label=name,
            score=score / 100,
            evidence=[Evidence(kind="designation", detail=name, weight=score / 100)],
        )
        for name, score, i in found
    ]
    if not candidates or candidates[0].score < 0.7:
        return LineMatch(line=line, sku=None, candidates=candidates)
    best = candidates[0]
    margin = best.score - (candidates[1].score if len(candidates) > 1 else 0.0)
    return _with_catalogue(
        LineMatch(line=line, sku=best.key, score=best.score, margin=margin, candidates=candidates), index
    )


def _exact(
    line: ExtractedLine, index: CatalogIndex, sku: str, kind: str, *, customer_ref: str | None = None
) -> LineMatch:
    product = index.products.get(sku)
    candidate = Candidate(
        key=sku, label=product.name if product else "", score=1.0, evidence=[Evidence(kind=kind, weight=1.0)]
    )
    match = LineMatch(
        line=line, sku=sku, customer_ref=customer_ref, score=1.0, margin=1.0, candidates=[candidate]
    )
    return _with_catalogue(match, index)


def _with_catalogue(match: LineMatch, index: CatalogIndex) -> LineMatch:
    product = index.products.get(match.sku or "")
    line = match.line
    match.quantity = line.quantity.value if line.quantity else None
    match.unit = (product.unit if product else None) or (line.unit.value if line.unit else None)
    if line.unit_price:
        match.unit_price = line.unit_price.value
    elif product and product.unit_price is not None:
        match.unit_price = Decimal(str(product.unit_price))
    return match
