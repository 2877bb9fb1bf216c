"""A line counted in a unit its words' article is not sold in names that article's twin sold in it."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line


def _fixings_index() -> CatalogIndex:
    """A hardware counter: wall plugs by the piece and by the box, screws by the box and by the carton."""
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="CHV-8", name="Cheville nylon 8 mm", unit="pce"),
                ProductRow(sku="CHV-8B", name="Cheville nylon 8 mm - boîte de 100", unit="boite"),
                ProductRow(sku="CHV-10", name="Cheville nylon 10 mm", unit="pce"),
                ProductRow(sku="VBA-440", name="Vis à bois 4x40 - boîte de 200", unit="boite"),
                ProductRow(sku="VBA-440C", name="Vis à bois 4x40 - carton de 2000", unit="carton"),
            ]
        )
    )


@pytest.mark.parametrize(
    ("wording", "unit", "pack", "sku"),
    [
        ("chevilles nylon 8 mm", "boîtes", None, "CHV-8B"),
        ("chevilles nylon 8 mm", None, None, "CHV-8"),
        ("vis à bois 4x40", "cartons", None, "VBA-440C"),
        ("vis à bois 4x40", "boîtes", None, "VBA-440"),
        ("chevilles nylon 8 mm", "boîtes", "50", "CHV-8"),
        ("chevilles nylon 10 mm", "boîtes", None, "CHV-10"),
    ],
    ids=["box-of-the-piece", "no-unit", "carton-of-the-box", "own-unit", "other-pack-said", "no-twin"],
)
def test_the_unit_counted_names_the_twin_sold_in_it(
    wording: str, unit: str | None, pack: str | None, sku: str
) -> None:
    line = make_extracted_line(wording, quantity="3", unit=unit, pack_size=pack)
    assert match_article(line, _fixings_index(), customer_id=None).sku == sku
