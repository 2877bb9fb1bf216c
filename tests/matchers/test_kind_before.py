"""A line naming no kind of article after a line that names one is that kind ('3 cartouches noires 937XL et 2
cyan 937 normales'), when its own words rank that article first (invented paint and food lines)."""

from __future__ import annotations

from matchers import CatalogIndex, match_order
from models import Address, ExtractedOrder, ParsedMessage, ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line

PAINTS = [
    ("PNT-550-BL", "Peinture acrylique Colora 550 blanc - pot 2,5 L", "pot"),
    ("PNT-550-GR", "Peinture acrylique Colora 550 gris - pot 2,5 L", "pot"),
    ("PNT-550XL-GR", "Peinture acrylique Colora 550XL gris garnissante - pot 2,5 L", "pot"),
    ("LAS-550-GR", "Lasure bois Colora gris - pot 1 L", "pot"),
    ("ROU-180", "Rouleau laqueur 180 mm", "pce"),
]


def _matched(*wordings: str) -> list[str | None]:
    index = CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=s, name=n, unit=u) for s, n, u in PAINTS])
    )
    lines = [make_extracted_line(w, quantity="2") for w in wordings]
    for number, line in enumerate(lines, 1):
        line.line_no = number
    parsed = ParsedMessage(message_id="<k@x>", sender=Address(email="achat@atelier.example"), text="")
    return [m.sku for m in match_order(parsed, ExtractedOrder(lines=lines), index).lines]


def test_a_line_naming_no_kind_is_the_kind_of_the_line_before() -> None:
    assert _matched("peintures acryliques blanches 550", "grises 550 ordinaires")[1] == "PNT-550-GR"


def test_the_kind_before_never_names_an_article_the_line_does_not_rank_first() -> None:
    assert _matched("peintures acryliques blanches 550", "escabeau 5 marches")[1] is None
