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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "salut il me faudrait deux boîtes de vis inox 4x40 trois sacs de chevilles nylon un tube de "
            "silicone blanc et deux rouleaux de scotch, merci\n",
            [
                ("vis inox 4x40", 2, "boite"),
                ("chevilles nylon", 3, "sac"),
                ("silicone blanc", 1, "tube"),
                ("scotch", 2, "rouleau"),
            ],
        ),
        (
            "we need three boxes of screws 4x40 two packs of wall plugs and one tube of sealant\n",
            [("screws 4x40", 3, "boite"), ("wall plugs", 2, "paquet"), ("sealant", 1, "tube")],
        ),
        # What a pack holds, counted after it, opens no item of its own.
        (
            "Il faudrait deux cartons de 6 bouteilles de vin rouge.\n",
            [("6 bouteilles de vin rouge", 2, "carton")],
        ),
    ],
    ids=["fr", "en", "a-pack-s-content"],
)
def test_items_typed_on_without_a_mark_end_where_a_count_of_packs_opens_the_next(text, expected):
    lines = read_lines(text, part="body")
    assert [(ln.description.value, ln.quantity.value, ln.unit.value) for ln in lines] == [
        (d, Decimal(q), u) for d, q, u in expected
    ]


def test_a_count_of_pieces_joined_to_the_packs_counted_is_what_each_holds():
    (line,) = read_lines("Please send three 500-sheet reams of A4 copier paper.\n", part="body")
    assert (line.description.value, line.quantity.value, line.unit.value, line.pack_size.value) == (
        "A4 copier paper",
        Decimal(3),
        "ramette",
        Decimal(500),
    )
