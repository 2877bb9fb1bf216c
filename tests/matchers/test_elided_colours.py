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


FINISHES = [
    ("MIT-CH", "Mitigeur lavabo chromé", "pce"),
    ("MIT-NO", "Mitigeur lavabo noir mat", "pce"),
    ("MIT-LA", "Mitigeur lavabo laiton brossé", "pce"),
    ("ROB-CH", "Robinet de service chromé", "pce"),
    ("ROB-LA", "Robinet de service laiton brossé", "pce"),
    ("CHA-NO", "Chaise visiteur noire", "pce"),
    ("CHA-BL", "Chaise visiteur bleue", "pce"),
    ("LAM-NO", "Lampe de bureau LED noire", "pce"),
    ("LAM-BL", "Lampe de bureau LED bleue", "pce"),
]


@pytest.fixture(scope="module")
def finishes() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=s, name=n, unit=u) for s, n, u in FINISHES])
    )


@pytest.mark.parametrize(
    ("wordings", "skus"),
    [
        (("mitigeurs lavabo laiton", "robinets de service même finition"), ["MIT-LA", "ROB-LA"]),
        (("chaises visiteur bleues", "lampes de bureau LED same colour"), ["CHA-BL", "LAM-BL"]),
        (
            ("chaises visiteur noires", "2 sièges", "lampes de bureau de la même couleur"),
            ["CHA-NO", None, "LAM-NO"],
        ),
        (("mitigeurs lavabo noir mat", "robinets de service to match"), ["MIT-NO", None]),
        (("blue visitor chairs", "LED desk lamps to match"), ["CHA-BL", "LAM-BL"]),
        (("brass basin mixers", "service taps matching"), ["MIT-LA", "ROB-LA"]),
    ],
    ids=[
        "same-finish-fr",
        "same-colour-en",
        "colour-of-the-last-line-naming-one",
        "to-match-no-twin-in-that-finish",
        "to-match-en",
        "matching-en",
    ],
)
def test_a_line_asking_for_the_same_finish_takes_the_last_one_said(
    finishes: CatalogIndex, wordings: tuple[str, ...], skus: list[str | None]
) -> None:
    assert _matched(finishes, *wordings) == skus
