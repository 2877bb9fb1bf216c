"""A count corrected as 'N, not M' or 'N et non M' is one request that sets the line holding M, never two
(hardware catalogue, French and English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups.diff import as_instead, compute_change
from intake.followups.order_article import OrderLines, order_index
from matchers import CatalogIndex

REF = Path(__file__).parents[2] / "fixtures" / "ref"
LINES = [("GAN-CUI-T9", 10.0), ("RUB-MAS-38", 4.0)]


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


@pytest.mark.parametrize(
    ("said", "sku", "count"),
    [
        ("- gants cuir : 12 et non 10", "GAN-CUI-T9", 12.0),
        ("- ruban de masquage 38 mm : 6 rouleaux, pas 4", "RUB-MAS-38", 6.0),
        ("- masking tape 38 mm: 6 rolls, not 4", "RUB-MAS-38", 6.0),
    ],
    ids=["et-non", "comma-pas", "comma-not"],
)
def test_a_count_and_the_count_it_replaces_set_one_line(
    said: str, sku: str, count: float, index: CatalogIndex
) -> None:
    order = OrderLines(LINES, order_index(index, [s for s, _ in LINES]))
    change = compute_change(said, order, index, customer_id=None, today=None)
    assert [(q.sku, q.quantity) for q in change.set_quantity] == [(sku, count)]
    assert not change.unread and not change.add


def test_only_the_connector_before_the_old_count_is_rewritten() -> None:
    assert (
        as_instead("semolina: 10 bags, not 8, and no chickpeas")
        == "semolina: 10 bags instead of 8, and no chickpeas"
    )
    assert as_instead("pas de pois chiches") == "pas de pois chiches"
