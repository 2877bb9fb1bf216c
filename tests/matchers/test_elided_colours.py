"""A line naming a colour alone after an article named in another colour is that article in its colour."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_order
from models import Address, ExtractedOrder, ParsedMessage, ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line

FOLDERS = [
    ("CHM-A4-J", "Chemise cartonnée A4 jaune - paquet de 50", "paquet"),
    ("CHM-A4-R", "Chemise cartonnée A4 rouge - paquet de 50", "paquet"),
    ("CHM-A4-V", "Chemise cartonnée A4 verte - paquet de 50", "paquet"),
    ("CHM-A3-R", "Chemise cartonnée A3 rouge - paquet de 50", "paquet"),
    ("SUR-R", "Surligneur fluo rouge", "pce"),
    ("AGR-R", "Agrafeuse de bureau rouge", "pce"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=s, name=n, unit=u) for s, n, u in FOLDERS])
    )


def _matched(index: CatalogIndex, *wordings: str) -> list[str | None]:
    lines = [make_extracted_line(w, quantity="5", unit="paquet") for w in wordings]
    for number, line in enumerate(lines, 1):
        line.line_no = number
    parsed = ParsedMessage(message_id="<c@x>", sender=Address(email="achat@ecole.example"), text="")
    return [m.sku for m in match_order(parsed, ExtractedOrder(lines=lines), index).lines]


def test_colours_named_alone_after_an_article_are_that_article_in_each_colour(index: CatalogIndex) -> None:
    assert _matched(index, "chemises cartonnées A4 jaunes", "rouges", "vertes") == [
        "CHM-A4-J",
        "CHM-A4-R",
        "CHM-A4-V",
    ]


def test_the_line_keeps_its_own_words(index: CatalogIndex) -> None:
    parsed = ParsedMessage(message_id="<c@x>", sender=Address(email="achat@ecole.example"), text="")
    lines = [make_extracted_line("chemises cartonnées A4 jaunes"), make_extracted_line("rouges")]
    lines[1].line_no = 2
    matched = match_order(parsed, ExtractedOrder(lines=lines), index).lines
    assert matched[1].line.description.value == "rouges"


def test_a_colour_alone_after_an_article_naming_none_is_read_as_written(index: CatalogIndex) -> None:
    # No colour in 'agrafeuse de bureau': 'rouge' is no twin of it, and stays the word it is.
    assert _matched(index, "agrafeuse de bureau", "rouge")[1] == _matched(index, "rouge")[0]
