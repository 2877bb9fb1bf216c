"""The reference data, indexed for matching."""

from __future__ import annotations

from dataclasses import dataclass, field

from models import CustomerRow, ProductRow, ReferenceData


@dataclass
class CatalogIndex:
    products: dict[str, ProductRow] = field(default_factory=dict)
    by_ean: dict[str, str] = field(default_factory=dict)
    customers: dict[str, CustomerRow] = field(default_factory=dict)
    by_email: dict[str, str] = field(default_factory=dict)
    by_domain: dict[str, list[str]] = field(default_factory=dict)
    refs: dict[tuple[str, str], str] = field(default_factory=dict)  # (customer_id, ref) -> sku
    aliases: dict[tuple[str, str], str] = field(default_factory=dict)  # (customer_id, wording) -> sku
    names: list[str] = field(default_factory=list)
    name_skus: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, reference: ReferenceData) -> CatalogIndex:
        index = cls()
        for product in reference.products:
            index.products[product.sku] = product
            if product.ean:
                index.by_ean[product.ean] = product.sku
            index.names.append(product.name)
            index.name_skus.append(product.sku)
        for customer in reference.customers:
            index.customers[customer.customer_id] = customer
            for address in customer.contact_emails:
                index.by_email[address] = customer.customer_id
            for domain in customer.email_domains:
                index.by_domain.setdefault(domain, []).append(customer.customer_id)
        for ref in reference.customer_refs:
            index.refs[(ref.customer_id, ref.customer_ref.upper())] = ref.sku
        for alias in reference.aliases:
            index.aliases[(alias.customer_id, alias.wording)] = alias.sku
        return index
