"""The shared catalogue index is rebuilt when what it is built from changed, and only then."""

from __future__ import annotations

from matchers import IndexCache
from models import ProductRow, Store, record_alias


def _stale(cache: IndexCache) -> None:
    cache._checked = 0.0  # as when `max_age` has passed


def test_an_unchanged_catalogue_keeps_its_index(any_store: Store) -> None:
    cache = IndexCache(any_store, max_age=3600)
    index = cache.get()
    _stale(cache)
    assert cache.get() is index


def test_a_product_changed_in_place_rebuilds_the_index(any_store: Store) -> None:
    cache = IndexCache(any_store, max_age=3600)
    index = cache.get()
    product = next(iter(index.products.values()))
    any_store.upsert_products([ProductRow(**{**product.model_dump(), "unit_price": 123.45})])
    assert cache.get() is index  # looked at again only after `max_age`
    _stale(cache)
    rebuilt = cache.get()
    assert rebuilt is not index
    assert rebuilt.products[product.sku].unit_price == 123.45


def test_a_wording_a_clerk_confirmed_rebuilds_the_index(any_store: Store) -> None:
    cache = IndexCache(any_store, max_age=3600)
    index = cache.get()
    sku = next(iter(index.products))
    record_alias(any_store, "", "la colle du chantier", sku, actor="clerk")
    _stale(cache)
    assert cache.get().aliases[("", "la colle du chantier")] == sku
