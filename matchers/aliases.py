"""Wordings clerks confirmed: customer x wording -> sku, kept in the store."""

from __future__ import annotations

from sqlmodel import select

from matchers.normalize import normalize_wording
from models import Store
from models.tables import Alias, AuditEvent


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
    key = normalize_wording(wording)[:512]
    if not key:
        raise ValueError(f"wording {wording!r} has no words or sizes to remember")
    owner = customer_id or ""
    with store.session() as session:
        alias = session.exec(select(Alias).where(Alias.customer_id == owner, Alias.wording == key)).first()
        before = {"sku": alias.sku, "uses": alias.uses} if alias else None
        if alias is None:
            alias = Alias(customer_id=owner, wording=key, sku=sku)
        elif alias.sku == sku:
            alias.uses += 1
        else:  # the clerk corrected an earlier confirmation: the latest one wins
            alias.sku, alias.uses = sku, 1
        session.add(alias)
        session.add(
            AuditEvent(
                actor=actor,
                action="alias_learned",
                entity="alias",
                entity_id=f"{owner}:{key}"[:128],
                before=before,
                after={"sku": sku, "uses": alias.uses},
            )
        )
        session.commit()
        session.refresh(alias)
        return alias
