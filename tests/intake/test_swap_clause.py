"""A variant swap names the quoted line its own clause names: a line tied with it by a shared word,
whose other words another clause of the sentence says ('et pas de jetables'), is that clause's
(invented lab-wear and workwear catalogues)."""

from __future__ import annotations

import pytest

from intake.followups.swap import swap_variants
from matchers import CatalogIndex
from models import Extracted, ExtractedLine, ProductRow, ReferenceData


def _index() -> CatalogIndex:
    names = {
        "BLC-L": "Blouse coton blanche taille L",
        "BLC-XL": "Blouse coton blanche taille XL",
        "BLJ-L": "Blouse jetable bleue taille L",
        "BLJ-XL": "Blouse jetable bleue taille XL",
        "JKW-L": "Work jacket grey size L",
        "JKW-XL": "Work jacket grey size XL",
        "JKF-L": "Fleece jacket grey size L",
        "JKF-XL": "Fleece jacket grey size XL",
    }
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=sku, name=name, unit="pce") for sku, name in names.items()])
    )


def _lines(*wordings: str) -> list[ExtractedLine]:
    return [
        ExtractedLine(line_no=at, description=Extracted[str](value=wording, confidence=1.0))
        for at, wording in enumerate(wordings, start=1)
    ]


@pytest.mark.parametrize(
    ("said", "base", "skus", "swapped"),
    [
        (
            "Même chose, mais les blouses en XL au lieu de L, et pas de jetables cette fois.",
            ("blouses coton blanches taille L", "blouses jetables bleues L"),
            ["BLC-L", "BLJ-L"],
            ["BLC-XL", "BLJ-L"],
        ),
        (
            "Same again, but the jackets in XL instead of L, and no fleece this time.",
            ("work jackets grey L", "fleece jackets grey L"),
            ["JKW-L", "JKF-L"],
            ["JKW-XL", "JKF-L"],
        ),
    ],
    ids=["lab-fr", "workwear-en"],
)
def test_a_swap_names_the_line_its_own_clause_names(
    said: str, base: tuple[str, ...], skus: list[str], swapped: list[str]
) -> None:
    assert swap_variants(said, _lines(*base), skus, _index()) == swapped
