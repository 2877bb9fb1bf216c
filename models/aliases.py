"""Wordings clerks confirmed, as stored: customer x wording key -> sku, with the audit of each change."""

from __future__ import annotations

from sqlmodel import select

from models.fingerprint import bump_reference
from models.store import Store
from models.tables import Alias, AuditEvent


def record_alias(store: Store, owner: str, key: str, sku: str, *, actor: str) -> Alias:
    """Store that `owner`'s wording `key` means `sku`; a repeat counts a use, a new sku starts again."""
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
        bump_reference(session.connection())
        session.commit()
        session.refresh(alias)
        return alias
