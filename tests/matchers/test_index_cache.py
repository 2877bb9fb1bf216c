"""The shared catalogue index is rebuilt when what it is built from changed, and only then."""

from __future__ import annotations

from matchers import CatalogIndex, IndexCache
from models import ProductRow, Store, record_alias
from tests.factories.rows import make_order


class _Clock:
    """A clock the test moves on: the machine's own may read less than `max_age` after a boot."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _cache(store: Store) -> IndexCache:
    return IndexCache(store, max_age=3600, clock=_Clock())


def _stale(cache: IndexCache) -> None:
    cache.clock.now += 3601  # `max_age` has passed


def test_an_unchanged_catalogue_keeps_its_index(any_store: Store) -> None:
    cache = _cache(any_store)
    index = cache.get()
    _stale(cache)
    assert cache.get() is index


def test_a_product_changed_in_place_rebuilds_the_index(any_store: Store) -> None:
    cache = _cache(any_store)
    index = cache.get()
    product = next(iter(index.products.values()))
    any_store.upsert_products([ProductRow(**{**product.model_dump(), "unit_price": 123.45})])
    assert cache.get() is index  # looked at again only after `max_age`
    _stale(cache)
    rebuilt = cache.get()
    assert rebuilt is not index
    assert rebuilt.products[product.sku].unit_price == 123.45


def test_a_wording_a_clerk_confirmed_rebuilds_the_index(any_store: Store) -> None:
    cache = _cache(any_store)
    index = cache.get()
    sku = next(iter(index.products))
    record_alias(any_store, "", "la colle du chantier", sku, actor="clerk")
    _stale(cache)
    assert cache.get().aliases[("", "la colle du chantier")] == sku


def test_an_order_accepted_reads_the_habits_again_and_keeps_the_catalogue_built(any_store: Store) -> None:
    cache = _cache(any_store)
    index = cache.get()
    skus = tuple(list(index.products)[:2])
    make_order(any_store, status="review", skus=skus)
    _stale(cache)
    assert cache.get() is index  # an order held teaches nothing
    make_order(any_store, po="PO-2", skus=skus)
    _stale(cache)
    taught = cache.get()
    assert taught is not index
    assert taught.designations is index.designations  # not built again
    assert set(taught.habits["C1"]) == set(skus)
    assert taught.habits == CatalogIndex.build(any_store.load_reference()).habits
