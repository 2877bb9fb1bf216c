"""Words and sizes a customer writes otherwise than the catalogue: a learned word with the other
language's ending, one side of an article printed with two, a shoe's size said as the shops say it."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.cognates import cognates
from matchers.normalize import read_wording
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line


def _index(*names: str) -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[ProductRow(sku=f"A{i}", name=name, unit="pce") for i, name in enumerate(names, start=1)]
        )
    )


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("ceramic", {"ceramique"}, ["ceramique"]),
        ("telescopique", {"telescopic"}, ["telescopic"]),
        ("automatic", {"automatique", "auto"}, ["automatique"]),
        ("rigid", {"rigide"}, ["rigide"]),
        ("battery", {"batterie"}, ["batterie"]),
        ("ventilated", {"ventile"}, ["ventile"]),
        ("ceramic", {"ceramics"}, []),
        ("care", {"car"}, []),
    ],
    ids=["ic", "ique", "ic-among-others", "a-final-e", "y", "ated", "no-such-ending", "too-short"],
)
def test_a_word_with_the_other_languages_ending(word: str, known: set[str], expected: list[str]) -> None:
    assert cognates(word, known) == expected


def test_an_english_learned_word_finds_the_french_designation() -> None:
    index = _index(
        "Nettoyant plaque vitrocéramique 500 ml", "Nettoyant inox 500 ml", "Nettoyant céramique 500 ml"
    )
    match = match_article(
        make_extracted_line("ceramic cleaner 500 ml", quantity="4"), index, customer_id=None
    )
    assert match.sku == "A3"
    assert match.score >= 0.75


def test_one_side_of_an_article_printed_with_two() -> None:
    index = _index(
        "Sac kraft à poignées 26 x 32 cm",
        "Sac kraft à poignées 32 x 45 cm",
        "Sac kraft à poignées 45 x 55 cm",
    )
    match = match_article(
        make_extracted_line("sacs kraft poignées de 26 cm", quantity="500"), index, customer_id=None
    )
    assert match.sku == "A1"
    assert match.score >= 0.75


def test_a_side_two_articles_share_stays_a_doubt() -> None:
    index = _index("Sac kraft à poignées 26 x 32 cm", "Sac kraft à poignées 32 x 45 cm")
    match = match_article(
        make_extracted_line("sacs kraft poignées 32 cm", quantity="500"), index, customer_id=None
    )
    assert match.score < 0.75


@pytest.mark.parametrize("said", ["pointure 42", "P42", "EU 42", "taille 42", "T42"])
def test_a_shoe_size_said_as_the_shops_say_it(said: str) -> None:
    assert "size:42" in read_wording(f"chaussures de randonnée {said}").features


@pytest.mark.parametrize("said", ["P42", "EU 42", "pointure 42", "42"])
def test_a_shoe_size_finds_its_article(said: str) -> None:
    index = _index(*(f"Chaussure de randonnée Trek cuir pointure {size}" for size in (40, 41, 42, 43)))
    match = match_article(
        make_extracted_line(f"chaussures rando Trek cuir {said}", quantity="2"), index, customer_id=None
    )
    assert match.sku == "A3"
    assert match.score >= 0.75
