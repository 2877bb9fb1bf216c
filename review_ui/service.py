"""The store reads and writes the review UI needs, as small functions.

Every change a clerk makes goes through here, checks the order's version
(a stale save is refused with StaleEditError, never silently merged) and
leaves an audit event with the values before and after.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from rapidfuzz import fuzz, process

import models.order_edits as order_edits
from matchers import CatalogIndex, learn_alias
from models import (
    Candidate,
    Evidence,
    OrderStatus,
    Store,
)
from models.order_edits import (
    NOT_AN_ORDER,
    OrderClosedError,
    OrderNotFoundError,
    as_utc,
    get_order,
    release_lock,
)
from models.tables import Order
from review_ui.edits import OrderValues

LOCK_MINUTES = 15

__all__ = [
    "NOT_AN_ORDER",
    "OrderClosedError",
    "OrderNotFoundError",
    "as_utc",
    "get_order",
    "release_lock",
]


# -- locks -------------------------------------------------------------------


def take_lock(store: Store, order_id: int, user: str, *, force: bool = False) -> str | None:
    """Take the order for `user`. Returns who else holds it (and keeps their lock), else None.

    A lock older than LOCK_MINUTES is free again: a clerk who walked away
    does not block the queue. `force` is an admin taking an order over.
    """
    return order_edits.take_lock(
        store, order_id, user, force=force, lock_for=dt.timedelta(minutes=LOCK_MINUTES)
    )


# -- writing -----------------------------------------------------------------


def save_order(
    store: Store,
    order_id: int,
    values: OrderValues,
    *,
    user: str,
    version: int,
    origins: list[int | None] | None = None,
) -> Order:
    """Write the clerk's values if `version` is still the stored one; else StaleEditError."""
    return order_edits.save_order(store, order_id, values, user=user, version=version, origins=origins)


def approve_order(
    store: Store,
    order_id: int,
    values: OrderValues,
    *,
    user: str,
    version: int,
    origins: list[int | None] | None = None,
) -> Order:
    """Save the values and accept the order: it joins the clean order table.

    The caller has checked the values (`review_ui.approval`). Once the order is
    committed, each wording the clerk matched to another article is taught to
    the matchers (`matchers.learn_alias`), so the next order with it matches.
    """
    order = order_edits.save_order(
        store, order_id, values, user=user, version=version, origins=origins, decide=OrderStatus.ACCEPTED
    )
    matched = _matched_skus(order)  # the matcher's proposals stay in the detail the edit keeps
    for line in values.lines:
        wording, sku = line.get("description"), line.get("sku")
        if wording and sku and values.customer_id and matched.get(str(wording)) != sku:
            with contextlib.suppress(ValueError):  # a wording of no words teaches nothing
                learn_alias(store, values.customer_id, str(wording), str(sku), actor=user)
    return order


def reject_order(store: Store, order_id: int, *, user: str, version: int, reason: str) -> Order:
    """Refuse the order with the clerk's reason (NOT_AN_ORDER when it was never one)."""
    return order_edits.save_order(
        store,
        order_id,
        None,
        user=user,
        version=version,
        origins=None,
        decide=OrderStatus.REJECTED,
        reason=reason,
    )


def _matched_skus(order: Order) -> dict[str, str | None]:
    """What the matcher proposed for each wording, to learn only what the clerk changed."""
    proposed: dict[str, str | None] = {}
    for line in (order.detail or {}).get("lines", []):
        description = ((line.get("line") or {}).get("description") or {}).get("value")
        if description:
            proposed[description] = line.get("sku")
    return proposed


# -- the matchers' side --------------------------------------------------------


def search_articles(
    index: CatalogIndex, query: str, *, customer_id: str | None = None, limit: int = 8
) -> list[Candidate]:
    """Catalogue articles for what a clerk types: codes first, then names by similarity."""
    text = query.strip()
    if not text:
        return []
    code = text.upper()
    exact: dict[str, Candidate] = {}
    for sku, kind in _code_hits(index, code, customer_id):
        product = index.products[sku]
        exact.setdefault(
            sku, Candidate(key=sku, label=product.name, score=1.0, evidence=[Evidence(kind=kind)])
        )
    found = process.extract(text, index.names, scorer=fuzz.WRatio, limit=limit * 2)
    ranked = list(exact.values())
    for name, score, position in found:
        sku = index.name_skus[position]
        if sku not in exact:
            ranked.append(
                Candidate(
                    key=sku, label=name, score=round(score / 100, 3), evidence=[Evidence(kind="designation")]
                )
            )
    return ranked[:limit]


def _code_hits(index: CatalogIndex, code: str, customer_id: str | None) -> list[tuple[str, str]]:
    hits = []
    if customer_id and (customer_id, code) in index.refs:
        hits.append((index.refs[(customer_id, code)], "customer_ref"))
    if code in index.products:
        hits.append((code, "sku"))
    if code in index.by_ean:
        hits.append((index.by_ean[code], "ean"))
    if len(code) >= 3:
        hits += [(sku, "sku") for sku in index.products if sku.startswith(code)][:5]
    return hits


def search_customers(index: CatalogIndex, query: str, *, limit: int = 8) -> list[Candidate]:
    """Customers by code or name, best first."""
    text = query.strip()
    if not text:
        return []
    ids = list(index.customers)
    labels = [f"{cid} {index.customers[cid].name}" for cid in ids]
    found = process.extract(text, labels, scorer=fuzz.WRatio, limit=limit)
    return [
        Candidate(key=ids[i], label=index.customers[ids[i]].name, score=round(score / 100, 3))
        for _, score, i in found
    ]
