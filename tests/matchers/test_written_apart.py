"""Sizes and codes a customer writes otherwise than the catalogue prints them: a length labelled by its
'L', a size in metres against the catalogue's millimetres, a grade's letters glued to its figure. The
catalogue's own sizes and words tell the article, in any trade."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.normalize import read_wording
from parsers.values.units import cut_short_of, normalise_unit
from tests.factories.body_lines import goods_index, read_triples
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("printed", "features"),
    [
        ("Gaine électrique 20x40 L 2,00 m", {"dim:20x40", "len:2000"}),
        ("Tuyau d'arrosage Ø19 L 25 m", {"diam:~19", "len:25000"}),
        ("Profilé alu 30x30 L 50 cm", {"dim:30x30", "len:500"}),
    ],
    ids=["after-a-dimension", "after-a-diameter", "in-centimetres"],
)
def test_an_l_before_a_length_labels_it(printed: str, features: set[str]) -> None:
    read = read_wording(printed).features
    assert features <= read
    assert not any(f.startswith(("vol:", "pack:")) for f in read)


@pytest.mark.parametrize(
    ("written", "feature"),
    [("bidon 20 L", "vol:20000"), ("carton 6 x 1,5 L", "vol:1500"), ("bac H 300 x L 600 mm", "dim:300x600")],
    ids=["a-volume", "packs-of-a-volume", "height-and-length"],
)
def test_an_l_after_its_figure_is_still_a_litre_or_a_side(written: str, feature: str) -> None:
    assert feature in read_wording(written).features


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        # Office furniture: a desk top printed in millimetres, asked in metres.
        (("Plateau de bureau 1600x800", "Plateau de bureau 1800x800"), "plateau bureau 1,80 x 0,80", "A2"),
        # Garden: a fleece by one side in metres.
        (
            ("Voile d'hivernage blanc 2000x10000", "Voile d'hivernage blanc 4000x10000"),
            "voile blanc 2,00",
            "A1",
        ),
        # Paint: a gloss grade printed apart, written glued.
        (
            ("Laque satinée GS 40 blanc 1 L", "Laque satinée GS 60 blanc 1 L"),
            "laque satinee GS60 blanc 1 L",
            "A2",
        ),
        # Electrical: a protection rating printed apart.
        (("Hublot LED IP 44 rond", "Hublot LED IP 65 rond"), "hublot LED IP65 rond", "A2"),
        # Cabinetmaking: a length in millimetres against screws printed by gauge and length.
        (("Vis agglo tête fraisée 4,5x30", "Vis agglo tête fraisée 4,5x45"), "vis agglo 45 mm", "A2"),
        # Safety: a grade the catalogue prints glued stays one word.
        (("Masque FFP2 boîte de 20", "Masque FFP3 boîte de 20"), "masques FFP3", "A2"),
    ],
    ids=[
        "metres-both-sides",
        "metres-one-side",
        "glued-grade",
        "glued-rating",
        "gauge-no-centimetres",
        "glued-as-printed",
    ],
)
def test_a_size_or_grade_written_otherwise_names_the_article_printed(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku


def test_a_whole_figure_is_no_length_in_metres() -> None:
    index = catalogue_index("Carton double cannelure 2000 feuilles", "Carton double cannelure 1000 feuilles")
    match = match_article(
        make_extracted_line("carton double cannelure 2", quantity="2"), index, customer_id=None
    )
    assert match.sku is None or match.margin < 0.1


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("4 bottes de radis ronds", "botte"),
        ("3 T de compost en vrac", "t"),
        ("2 tonnes de sel de déneigement", "t"),
        ("1 bigbag de granulés bois", "bigbag"),
    ],
    ids=["bundle", "tonne-initial", "tonnes", "bulk-bag"],
)
def test_the_units_of_bulk_and_lengths_are_read(text: str, unit: str) -> None:
    assert [u for _, _, u in read_triples(text)] == [unit]


@pytest.mark.parametrize("cell", ["big bags", "Bulk bag", "big-bags"])
def test_a_unit_cell_of_two_words_names_the_bulk_bag(cell: str) -> None:
    assert normalise_unit(cell) == "bigbag"


@pytest.mark.parametrize(
    ("written", "unit", "expected"),
    [("BAR", "barre", True), ("Boit", "boîte", True), ("ba", "barre", False), ("pce", "pièce", False)],
    ids=["three-letters", "four-letters", "too-short", "a-unit-of-its-own"],
)
def test_a_unit_cut_short_is_the_articles_own(written: str, unit: str, expected: bool) -> None:
    assert cut_short_of(written, unit) is expected


def _pastry_index() -> CatalogIndex:
    """A pastry supplier whose couvertures are coded by the word its customers say."""
    return goods_index(
        [
            ("CHOCO-70-1K", "Couverture noire 70 % 1 kg", "pce"),
            ("CHOCO-64-1K", "Couverture noire 64 % 1 kg", "pce"),
            ("CHOCO-35-1K", "Couverture lait 35 % 1 kg", "pce"),
            ("FAR-T55-1K", "Farine de blé T55 1 kg", "pce"),
        ]
    )


def test_a_word_the_codes_cut_short_names_their_family() -> None:
    match = match_article(
        make_extracted_line("chocolat noir 64 %", quantity="5"), _pastry_index(), customer_id=None
    )
    assert match.sku == "CHOCO-64-1K"


def test_a_family_head_is_read_only_where_the_catalogue_prints_no_such_word() -> None:
    heads = _pastry_index().designations.code_words
    assert heads == {"choco": ("couverture",)}
