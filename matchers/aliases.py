"""Wordings clerks confirmed: customer x wording -> sku, kept in the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from matchers.normalize import normalize_wording

if TYPE_CHECKING:
    from models import Store
    from models.tables import Alias


def learn_alias(
    store: Store, customer_id: str | None, wording: str, sku: str, *, actor: str = "intake"
) -> Alias:
    """Remember that this customer's wording means this sku; a repeat counts a use.

    `customer_id` None or "" records the wording for every customer. The wording is
    stored under the key the article matcher looks it up by (`normalize_wording`),
    so "Gants nitrile T9" and "gants  nitrile t 9" are one alias. Each change is
    audited with who taught it. Raises ValueError when the wording has nothing to
    match on.
    """
    # The store is imported where an alias is learnt: the processes that only match never write one.
    from models import record_alias

    key = normalize_wording(wording)[:512]
    if not key:
        raise ValueError(f"wording {wording!r} has no words or sizes to remember")
    return record_alias(store, customer_id or "", key, sku, actor=actor)
