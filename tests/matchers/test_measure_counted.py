"""A line counted in a measure of what it orders names the twin whose pack holds that measure: one of it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers import CatalogIndex, match_article
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line

_SYRUPS = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="S1", name="Sirop de menthe 1 L", unit="bouteille"),
            ProductRow(sku="S5", name="Sirop de menthe 5 L", unit="bidon"),
            ProductRow(sku="R5", name="Riz basmati 5 kg", unit="sac"),
            ProductRow(sku="R20", name="Riz basmati 20 kg", unit="sac"),
        ]
    )
)


@pytest.mark.parametrize(
    ("said", "quantity", "unit", "sku", "counted"),
    [
        ("sirop de menthe", "5", "l", "S5", ("1", "bidon")),
        ("sirop de menthe", "1", "l", "S1", ("1", "bouteille")),
        ("riz basmati", "20", "kg", "R20", ("1", "sac")),
    ],
    ids=["five-litres", "one-litre", "twenty-kilos"],
)
def test_the_measure_counted_names_the_twin_holding_it(
    said: str, quantity: str, unit: str, sku: str, counted: tuple[str, str]
) -> None:
    match = match_article(make_extracted_line(said, quantity=quantity, unit=unit), _SYRUPS, customer_id=None)
    assert (match.sku, (f"{match.quantity:f}", match.unit)) == (sku, counted)
    assert match.quantity == Decimal(counted[0])


def test_a_measure_no_pack_holds_leaves_the_twins_tied() -> None:
    match = match_article(
        make_extracted_line("riz basmati", quantity="10", unit="kg"), _SYRUPS, customer_id=None
    )
    assert match.unit == "kg" and match.quantity == Decimal(10)
    assert match.sku is None or match.margin < 0.1
