"""An article's places counted in one word ('banquette double' for the '2 places' one, 'single' for '1 feu'),
and a catalogue's own word 'double' that names an article alone."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.designation import spellings
from matchers.normalize import is_multiple, read_wording
from matchers.scoring import CLEAR_MARGIN
from tests.factories.pipeline import catalogue_index, make_extracted_line

LOCKERS = (
    "Banquette d'attente acier 1 place",
    "Banquette d'attente acier 2 places",
    "Banquette d'attente acier 3 places",
)
STOVES = ("Réchaud gaz inox 1 feu", "Réchaud gaz inox 2 feux", "Réchaud gaz inox 4 feux")


@pytest.mark.parametrize(
    ("names", "said", "sku"),
    [
        (LOCKERS, "banquettes d'attente doubles", "A2"),
        (LOCKERS, "banquette d'attente acier triple", "A3"),
        (LOCKERS, "banquette attente 2 places", "A2"),
        (STOVES, "réchauds gaz simples", "A1"),
        (STOVES, "réchaud gaz inox single", "A1"),
        (STOVES, "réchaud gaz quadruple", "A3"),
        (STOVES, "réchaud gaz inox dual", "A2"),
    ],
    ids=[
        "double",
        "triple",
        "the-count-itself",
        "simple",
        "single-in-english",
        "quadruple",
        "dual-in-english",
    ],
)
def test_a_count_of_places_said_in_one_word_names_the_article_of_that_count(
    names: tuple[str, ...], said: str, sku: str
) -> None:
    found = match_article(make_extracted_line(said, quantity="2"), catalogue_index(*names), customer_id=None)
    assert found.sku == sku
    assert found.margin >= CLEAR_MARGIN


def test_the_plain_name_beside_one_that_says_double_is_the_plain_one() -> None:
    index = catalogue_index(
        "Patère murale chromée", "Double patère murale chromée", "Patère murale 2 crochets laiton"
    )
    found = match_article(
        make_extracted_line("patères murales chromées", quantity="6"), index, customer_id=None
    )
    assert found.sku == "A1"


def test_one_count_said_in_a_word_is_never_another_count_misspelt() -> None:
    index = catalogue_index("Raclette sol 45 cm lame caoutchouc", "Éponge double face verte")
    said = read_wording("raclette sol 45 cm simple lame")
    counted = next(word for word in said.words if is_multiple(word))
    assert spellings(counted, index.designations) == []
    assert spellings("raclete", index.designations) == [("raclette", 0.85)]


def test_a_count_said_of_an_article_without_places_is_no_word_it_lacks() -> None:
    index = catalogue_index(
        *LOCKERS, "Lampe de chevet laiton", "Lampe de chevet noire", "Lampe de bureau laiton"
    )
    found = match_article(
        make_extracted_line("lampes de chevet simples laiton", quantity="2"), index, customer_id=None
    )
    assert found.sku == "A4"
    assert found.score >= 0.7
