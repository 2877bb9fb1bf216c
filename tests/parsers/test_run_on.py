"""Items run on in one name with no mark between them are cut at their worded counts, only when the
catalogue names each piece surely and not the whole (invented catalogues: a garden centre's, a lab's)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers import CatalogIndex
from models import ProductRow, ReferenceData
from parsers.text.reader import read_lines

GARDEN = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="JAR-101", name="Terreau universel sac 40 L", unit="sac", unit_price=7.5),
            ProductRow(sku="JAR-301", name="Sécateur à lame franche 20 cm", unit="pce", unit_price=14.9),
            ProductRow(sku="JAR-201", name="Tuyau d'arrosage 25 m diamètre 15", unit="pce", unit_price=19.0),
            ProductRow(sku="JAR-401", name="Gants de jardinage cuir taille 9", unit="paire", unit_price=6.0),
        ]
    )
)
LAB = CatalogIndex.build(
    ReferenceData(
        products=[
            ProductRow(sku="LB-01", name="Nitrile gloves size M box of 100", unit="boite", unit_price=7.0),
            ProductRow(sku="LB-02", name="Sharps bin 5 litre yellow", unit="pce", unit_price=4.5),
            ProductRow(sku="LB-03", name="Pipette tips 200 µl rack of 96", unit="pce", unit_price=9.0),
        ]
    )
)


def _read(text: str, book: CatalogIndex) -> list[tuple[str, Decimal]]:
    return [
        (line.description.value, line.quantity.value) for line in read_lines(text, part="body", codes=book)
    ]


@pytest.mark.parametrize(
    ("text", "book", "expected"),
    [
        (
            "salut il me faut trois sacs de terreau universel deux sécateurs à lame franche quatre paires "
            "de gants de jardinage cuir taille 9 merci\n",
            GARDEN,
            [
                ("terreau universel", 3),
                ("sécateurs à lame franche", 2),
                ("gants de jardinage cuir taille 9", 4),
            ],
        ),
        (
            "hi we need two boxes of nitrile gloves size M three sharps bins 5 litre yellow thanks\n",
            LAB,
            [("nitrile gloves size M", 2), ("sharps bins 5 litre yellow", 3)],
        ),
    ],
    ids=["fr-garden", "en-lab"],
)
def test_a_run_on_name_is_cut_at_each_worded_count(text: str, book: CatalogIndex, expected) -> None:
    assert _read(text, book) == expected


def test_a_count_word_inside_a_name_the_catalogue_names_whole_stays() -> None:
    book = CatalogIndex.build(
        ReferenceData(
            products=[ProductRow(sku="VT-3", name="Veste trois saisons bleue", unit="pce", unit_price=40.0)]
        )
    )
    assert _read("il me faut deux boîtes de veste trois saisons bleue\n", book) == [
        ("veste trois saisons bleue", 2)
    ]
