"""A list of items after what they are for and an arrow ('Ducato III 2.3 JTD -> pl. AV TRW x1, pl. AR TRW
x1'): each item is read with that clause when it names no article surely alone."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex
from matchers.context import lead_clauses
from models import Address, ParsedMessage
from parsers.text.reader import read_lines
from tests.factories.body_lines import goods_index, skus_matched

GOODS = [
    ("CART-X1", "Cartouche filtrante Aquaclean X1 - adoucisseur Aqua 20", "pce"),
    ("CART-X2", "Cartouche filtrante Aquaclean X2 - adoucisseur Aqua 40", "pce"),
    ("JNT-20", "Joint fibre 20x27 - adoucisseur Aqua 20", "pce"),
    ("JNT-40", "Joint fibre 20x27 - adoucisseur Aqua 40", "pce"),
    ("LMP-A", "Lampe UV 40 W - hotte Lamflow A", "pce"),
    ("LMP-B", "Lampe UV 40 W - hotte Lamflow B", "pce"),
    ("PRE-A", "Préfiltre G4 - hotte Lamflow A", "pce"),
    ("PRE-B", "Préfiltre G4 - hotte Lamflow B", "pce"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return goods_index(GOODS)


_matched = skus_matched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Note appel :\nadoucisseur Aqua 40 -> cartouche x2, joint fibre x4\n", ["CART-X2", "JNT-40"]),
        ("Lab 3:\nhotte Lamflow B => lampe UV x1, préfiltre x2\n", ["LMP-B", "PRE-B"]),
        ("Salle 2 :\nhotte Lamflow A → préfiltre x3, lampe UV x1\n", ["PRE-A", "LMP-A"]),
    ],
    ids=["plumbing-fr", "lab-en", "lab-fr"],
)
def test_the_clause_before_the_arrow_says_which_twin(
    index: CatalogIndex, text: str, expected: list[str]
) -> None:
    assert _matched(index, text) == expected


def test_an_arrow_closes_a_lead_as_a_colon_does() -> None:
    text = "adoucisseur Aqua 40 -> cartouche x2, joint fibre x4\n"
    parsed = ParsedMessage(message_id="<c@x>", sender=Address(email="a@x.example"), text=text)
    assert lead_clauses(parsed, read_lines(text, part="body")) == ["adoucisseur Aqua 40"] * 2
