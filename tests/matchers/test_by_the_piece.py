"""No pack and no package written: the article sold by the piece, not its pack whose shorter name the
customer's words happen to fit better."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line

PENS = [
    ("STY-BL", "Stylo bille pointe moyenne bleu avec capuchon", "pce"),
    ("STY-BL-50", "Stylo bille pointe moyenne bleu - lot de 50", "lot"),
    ("STY-RO", "Stylo bille pointe moyenne rouge avec capuchon", "pce"),
    ("MAR-NO", "Marqueur permanent noir pointe ogive", "pce"),
    ("MAR-NO-12", "Marqueur permanent noir - boîte de 12", "boite"),
    ("MAR-NO-B", "Marqueur permanent noir pointe biseautée", "pce"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex.build(ReferenceData(products=[ProductRow(sku=s, name=n, unit=u) for s, n, u in PENS]))


@pytest.mark.parametrize(
    ("wording", "unit", "sku"),
    [
        ("stylos bille pointe moyenne bleus", None, "STY-BL"),
        ("Stylo bille pointe moyenne bleu", None, "STY-BL"),
        ("Stylo bille pointe moyenne bleu", "pce", "STY-BL"),
        ("stylos bille pointe moyenne bleus", "lots", "STY-BL-50"),
        ("stylos bille pointe moyenne bleus, lots de 50", None, "STY-BL-50"),
        ("Stylo bille pointe moyenne bleu - lot de 50", None, "STY-BL-50"),
        ("Stylos bille pointe moyenne bleus en lots", None, "STY-BL-50"),
    ],
    ids=[
        "nothing-said",
        "the-pack-s-name-without-its-pack",
        "pieces-said",
        "boxes-counted",
        "pack-written",
        "pack-name-copied",
        "package-said-without-its-count",
    ],
)
def test_a_count_with_no_pack_written_is_of_the_article_sold_by_the_piece(
    index: CatalogIndex, wording: str, unit: str | None, sku: str
) -> None:
    match = match_article(make_extracted_line(wording, quantity="30", unit=unit), index, customer_id=None)
    assert match.sku == sku


def test_two_pieces_as_close_to_the_pack_leave_the_words_choice(index: CatalogIndex) -> None:
    match = match_article(make_extracted_line("marqueurs permanents noirs"), index, customer_id=None)
    assert match.sku != "MAR-NO" or match.margin < 0.1
