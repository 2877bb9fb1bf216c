"""What follows the orders, in figures: changes and cancellations per customer, returns per
article and per customer, with their reasons.

Pure over plain tuples (`followup_report`), so the figures are tested on hand-made rows;
`followup_kpis` reads them from the store. A follow-up counts for the customer of the order
it is linked to; one linked to no order counts under "(unlinked)", since its customer is
only known once a clerk links it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field

from models import Store
from models.followup_store import followup_figures

UNLINKED = "(unlinked)"
# A replacement cancels the order it replaces: for the desk it is a cancellation.
CANCELLING = frozenset({"cancellation", "replacement"})
NOT_ORDERED = frozenset({"rejected"})  # a rejected order was never taken: nothing of it can come back


class CustomerFollowups(BaseModel):
    customer: str
    orders: int = 0
    changes: int = 0
    cancellations: int = 0
    returns: int = 0
    return_rate: float | None = None  # returns per order
    reasons: dict[str, int] = Field(default_factory=dict)


class ArticleReturns(BaseModel):
    sku: str
    ordered: float = 0.0  # quantity over every order taken
    returned: float = 0.0
    returns: int = 0
    return_rate: float | None = None  # returned quantity / ordered quantity
    reasons: dict[str, int] = Field(default_factory=dict)


class FollowupReport(BaseModel):
    customers: list[CustomerFollowups] = Field(default_factory=list)
    articles: list[ArticleReturns] = Field(default_factory=list)  # returned articles only
    reasons: dict[str, int] = Field(default_factory=dict)  # every return's reason, most first


def followup_report(
    orders: Iterable[tuple[int, str | None]],
    ordered: dict[str, float],
    followups: Iterable[tuple[str, int | None, dict[str, Any] | None]],
) -> FollowupReport:
    """`orders` (id, customer) taken, `ordered` quantity per sku, `followups` (kind, order id, returned)."""
    customer_of = {oid: customer or "(unknown)" for oid, customer in orders}
    per_customer: dict[str, CustomerFollowups] = {}
    for customer in customer_of.values():
        per_customer.setdefault(customer, CustomerFollowups(customer=customer)).orders += 1
    articles: dict[str, ArticleReturns] = {}
    reasons: Counter[str] = Counter()
    for kind, order_id, returned in followups:
        customer = customer_of.get(order_id, UNLINKED) if order_id is not None else UNLINKED
        row = per_customer.setdefault(customer, CustomerFollowups(customer=customer))
        if kind == "change":
            row.changes += 1
        elif kind in CANCELLING:
            row.cancellations += 1
        elif kind == "return":
            row.returns += 1
            reason = (returned or {}).get("reason") or "unknown"
            reasons[reason] += 1
            row.reasons[reason] = row.reasons.get(reason, 0) + 1
            _count_articles(articles, returned or {}, reason, ordered)
    for row in per_customer.values():
        row.return_rate = row.returns / row.orders if row.orders else None
    for article in articles.values():
        article.return_rate = article.returned / article.ordered if article.ordered else None
    return FollowupReport(
        customers=sorted(per_customer.values(), key=lambda r: r.customer),
        articles=sorted(articles.values(), key=lambda a: (-a.returns, a.sku)),
        reasons=dict(reasons.most_common()),
    )


def _count_articles(
    articles: dict[str, ArticleReturns], returned: dict[str, Any], reason: str, ordered: dict[str, float]
) -> None:
    seen: set[str] = set()
    for line in returned.get("lines") or []:
        sku = line.get("sku")
        if not sku:
            continue
        article = articles.setdefault(sku, ArticleReturns(sku=sku, ordered=ordered.get(sku, 0.0)))
        article.returned += float(line.get("quantity") or 0)
        if sku not in seen:
            article.returns += 1
            article.reasons[reason] = article.reasons.get(reason, 0) + 1
            seen.add(sku)


def followup_kpis(store: Store) -> FollowupReport:
    """The report over the whole store."""
    orders, ordered, followups = followup_figures(store, not_ordered=NOT_ORDERED)
    return followup_report(orders, ordered, followups)


def format_followups(report: FollowupReport, *, top: int = 10) -> str:
    """Plain-text tables: per customer, then the most returned articles, then the reasons;
    nothing when no follow-up came, so the order figures stay the whole output."""
    if not any(r.changes or r.cancellations or r.returns for r in report.customers):
        return ""
    lines = [_table(
        ["customer", "orders", "changes", "cancellations", "returns", "return rate", "reasons"],
        [[r.customer, str(r.orders), str(r.changes), str(r.cancellations), str(r.returns),
          _rate(r.return_rate), _reasons(r.reasons)] for r in report.customers],
    )]  # fmt: skip
    if report.articles:
        lines.append(_table(
            ["article", "ordered", "returned", "returns", "return rate", "reasons"],
            [[a.sku, f"{a.ordered:g}", f"{a.returned:g}", str(a.returns), _rate(a.return_rate),
              _reasons(a.reasons)] for a in report.articles[:top]],
        ))  # fmt: skip
    if report.reasons:
        lines.append(f"return reasons: {_reasons(report.reasons)}")
    return "\n\n".join(lines)


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _reasons(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items()) or "-"


def _table(header: list[str], rows: list[list[str]]) -> str:
    table = [header, *rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) if i in (0, len(header) - 1) else c.rjust(w) for i, (c, w) in
                  enumerate(zip(line, widths, strict=True))).rstrip()
        for line in table
    )  # fmt: skip
