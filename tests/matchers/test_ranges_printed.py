"""A measure the catalogue prints as a range ('90x190/200', '250-300 g', '100-1000 µl') is named by a figure
inside it, and a figure outside it names another article; initials stand for the words a designation prints
whatever the vocabulary reads them as; a short word's plural is the word."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.normalize import read_wording
from matchers.ranges import within_range
from models import ProductRow, ReferenceData
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("printed", "feature"),
    [
        ("Housse de matelas 90x190/200 blanche", "dim:90x190/200"),
        ("Barquette kraft 250-300 g", "mass:250/300"),
        ("Micropipette 100-1000 µl", "vol:0.1/1"),
        ("Sonde de température 1,5-2,5 m", "len:1500/2500"),
        ("Bras support écran 2 - 8 kg", "mass:2000/8000"),
    ],
    ids=["bedding-dimension", "food-mass", "lab-microlitres", "it-metres", "spaced-hyphen"],
)
def test_a_range_is_read_as_one_measure(printed: str, feature: str) -> None:
    assert feature in read_wording(printed).features


@pytest.mark.parametrize(
    "printed",
    ["Chaînette 1/2x1/8 inox", "Pompe 1000-890 W", "Écran 24x16/9 mat"],
    ids=["fraction-no-range", "ends-out-of-order", "ratio-no-range"],
)
def test_no_range_where_the_figures_are_no_range(printed: str) -> None:
    assert not any("/" in f for f in read_wording(printed).features)


@pytest.mark.parametrize(
    ("value", "offered", "agrees"),
    [
        ("90x200", {"90x190/200"}, True),
        ("90x185", {"90x190/200"}, False),
        ("140x200", {"90x190/200"}, False),
        ("0.5", {"0.1/1"}, True),
        ("20x20/27", {"20x27"}, True),
        ("90x195/200", {"90x190/200"}, True),
    ],
    ids=["inside", "below", "other-side", "measure", "customer-range", "narrower-range"],
)
def test_a_figure_agrees_within_a_range(value: str, offered: set[str], agrees: bool) -> None:
    assert within_range(value, offered) is agrees


_SHEETS = (
    "Housse de matelas 90x190/200 blanche",
    "Housse de matelas 90x210/220 blanche",
    "Housse de matelas 140x190/200 blanche",
)
_TRAYS = ("Barquette kraft 250-300 g", "Barquette kraft 500-750 g")
_ARMS = ("Bras support écran 2 - 8 kg", "Bras support écran 8 - 15 kg")


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        (_SHEETS, "housse de matelas 90x200 blanche", "A1"),
        (_SHEETS, "housse de matelas 90 x 215 blanche", "A2"),
        (_SHEETS, "housse de matelas 140x190 blanche", "A3"),
        (_TRAYS, "barquettes kraft 280 g", "A1"),
        (_TRAYS, "barquettes kraft 600g", "A2"),
        # The customer's range is the second article's, though its low end closes the first one's.
        (_ARMS, "bras support écran 8-15 kg", "A2"),
    ],
    ids=[
        "bedding-inside",
        "bedding-other-range",
        "bedding-other-width",
        "food-inside",
        "food-other-range",
        "it-range-spaced-in-catalogue",
    ],
)
def test_a_figure_inside_a_printed_range_names_the_article(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="3"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku


def test_a_figure_outside_every_range_names_none_of_them() -> None:
    match = match_article(
        make_extracted_line("housse de matelas 90x230 blanche", quantity="3"),
        catalogue_index(*_SHEETS),
        customer_id=None,
    )
    assert match.sku is None or match.score < 0.65


def test_initials_stand_for_the_words_as_printed() -> None:
    # The vocabulary reads 'Heavy' as French 'lourd': 'HD' stands for the words printed.
    names = ("Nettoyant sols Heavy Duty 5 L", "Nettoyant sols parfumé 5 L")
    match = match_article(
        make_extracted_line("nettoyant sols HD 5 L", quantity="5"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A1"


def test_the_plural_of_a_short_word_is_the_word() -> None:
    names = ("Lé intissé à peindre 0,53 x 10 m", "Rouleau intissé à peindre 1,06 x 25 m")
    match = match_article(
        make_extracted_line("lés intissés 0,53 x 10 m", quantity="6"),
        catalogue_index(*names),
        customer_id=None,
    )
    assert match.sku == "A1"


def test_a_size_whose_figure_a_letter_closes_is_one_word() -> None:
    assert read_wording("plaque 2500A x 1250").words == read_wording("Plaque 2500Ax1250").words
    assert read_wording("bidons 5 l x 6").features == read_wording("bidons 5l x6").features


def test_a_size_in_inches_is_the_first_figure_the_catalogue_prints() -> None:
    """'écran 24 pouces' against screens printed by their sizes alone: the first figure of one's size."""
    names = ("Écran 24x16/9 mat", "Écran 27x16/9 mat", "Support écran orientable 17-32 pouces")
    match = match_article(
        make_extracted_line("écrans 24 pouces", quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A1"


def test_a_length_counted_is_the_coil_that_holds_it() -> None:
    """'305 m de câble Cat6': the length one coil holds names that coil, counted as one."""
    rows = [
        ProductRow(sku="A1", name="Câble réseau Cat6 - couronne de 305 m", unit="couronne"),
        ProductRow(sku="A2", name="Câble réseau Cat6 - couronne de 100 m", unit="couronne"),
        ProductRow(sku="A3", name="Connecteur réseau Cat6 (sachet de 10)", unit="sachet"),
    ]
    index = CatalogIndex.build(ReferenceData(products=rows))
    match = match_article(
        make_extracted_line("câble Cat6", quantity="305", unit="m"), index, customer_id=None
    )
    assert (match.sku, match.quantity, match.unit) == ("A1", 1, "couronne")


def test_a_bare_figure_opening_one_articles_size_proposes_it() -> None:
    """'housses coton 140' where one sheet cover's size opens with 140 and the rest print no 140: proposed
    for a clerk, though a word the catalogue knows elsewhere ('coton') left it under the floor."""
    names = (
        "Housse de matelas 140x190/200 blanche",
        "Housse de matelas 90x190/200 blanche",
        "Housse de matelas 160x190/200 blanche",
        "Sac cabas coton naturel",
    )
    match = match_article(
        make_extracted_line("housses coton 140 blanches", quantity="4"),
        catalogue_index(*names),
        customer_id=None,
    )
    assert match.sku == "A1" and match.score < 0.65
