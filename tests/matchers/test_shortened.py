"""Words customers shorten: the beginnings of two words of the designation run together, a device's
poles said in words, a unit cut short before the article's name."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.articles import GUESS_FLOOR
from matchers.normalize import read_wording
from matchers.scoring import CLEAR_MARGIN
from parsers.text.lines import read_line
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("wording", "names", "expected"),
    [
        (
            "interdiff 40A type AC bipolaire",
            (
                "Interrupteur différentiel ID 2P 40A 30mA type AC",
                "Interrupteur différentiel ID 4P 40A 30mA type AC",
                "Interrupteur différentiel ID 2P 40A 30mA type A",
            ),
            "A1",
        ),
        (
            "sacpoub 50 L noir",
            (
                "Sac poubelle 50 L noir - rouleau de 25",
                "Sac congélation 3 L - boîte de 50",
                "Sac kraft 26 x 32",
            ),
            "A1",
        ),
        (
            "robthermo douche",
            (
                "Robinet thermostatique douche chromé",
                "Robinet mélangeur lavabo chromé",
                "Flexible de douche 1,5 m",
            ),
            "A1",
        ),
    ],
    ids=["electrical", "hygiene", "plumbing"],
)
def test_the_beginnings_of_two_words_run_together(
    wording: str, names: tuple[str, ...], expected: str
) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="3"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == expected


def test_beginnings_that_fit_twins_alike_are_a_doubt() -> None:
    index = catalogue_index(
        "Interrupteur différentiel ID 2P 40A 30mA type AC", "Interrupteur différentiel ID 4P 40A 30mA type AC"
    )
    match = match_article(make_extracted_line("interdiff 40A type AC", quantity="3"), index, customer_id=None)
    assert match.margin < CLEAR_MARGIN
    assert match.score < GUESS_FLOOR


@pytest.mark.parametrize(
    ("text", "unit", "name"),
    [
        ("2 cour. fil 1,5 VJ", "couronne", "fil 1,5 VJ"),
        ("3 bouteil. huile d'olive 1 L", "flacon", "huile d'olive 1 L"),
        ("4 rou. adhésif 50 mm", "rouleau", "adhésif 50 mm"),
    ],
    ids=["electrical", "foodservice", "stationery"],
)
def test_a_unit_cut_short_before_the_name(text: str, unit: str, name: str) -> None:
    line = read_line(text, part="body", start=0)
    assert line is not None
    assert line.unit is not None and line.unit.value == unit
    assert line.description is not None and line.description.value == name


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        (
            "cahiers A4 96p pet. carreaux",
            ("Cahier piqûre A4 96 pages petits carreaux", "Cahier spirale A4 180 pages petits carreaux"),
        ),
        ("registre 100 p. folioté", ("Registre folioté 100 pages", "Registre folioté 200 pages")),
        (
            "carnet à souches 50p dupli",
            ("Carnet à souches 50 pages dupli", "Carnet à souches 100 pages dupli"),
        ),
    ],
    ids=["glued", "cut-with-a-dot", "receipt-book"],
)
def test_pages_counted_with_their_initial_are_the_pages_printed(wording: str, names: tuple[str, ...]) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="10"), catalogue_index(*names), customer_id=None
    )
    assert (match.sku, match.margin >= CLEAR_MARGIN) == ("A1", True)


def test_a_pole_count_is_no_page_count():
    assert "num:2" not in read_wording("MCB 2P 32A").features


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        (
            "wood screws 4 x 40 (the 200s)",
            ("Vis à bois 4 x 40 boîte de 200", "Vis à bois 4 x 40 boîte de 500"),
        ),
        (
            "enveloppes kraft (the 500s)",
            ("Enveloppes kraft C4 paquet de 500", "Enveloppes kraft C4 paquet de 250"),
        ),
    ],
    ids=["hardware", "stationery"],
)
def test_a_value_said_in_the_plural_names_the_article_printing_it(
    wording: str, names: tuple[str, ...]
) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="4"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A1"
