"""An English word the trade says two ways in French ('hose': tuyau or flexible) is one word of the
customer's, covered by whichever of the two a designation prints."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.normalize import read_wording
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line


def _plumbing() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="FLX-50", name="Flexible tressé inox 15x21 longueur 50 cm", unit="pce"),
                ProductRow(sku="PER-16", name="Tube PER nu 16 couronne 50 m", unit="couronne"),
                ProductRow(sku="ARR-25", name="Tuyau d'arrosage 19 mm couronne 25 m", unit="couronne"),
                ProductRow(sku="JNT-15", name="Joint fibre 15x21 sachet de 10", unit="sachet"),
            ]
        )
    )


def test_the_french_words_of_one_english_word_are_kept_together() -> None:
    wording = read_wording("braided hose 50 cm")
    assert ("tuyau", "flexible") in wording.either
    assert {"tuyau", "flexible", "tresse"} <= set(wording.words)


def test_a_designation_printing_one_of_the_two_covers_the_word() -> None:
    match = match_article(
        make_extracted_line("braided hoses 50 cm", quantity=4), _plumbing(), customer_id=None
    )
    assert match.sku == "FLX-50"
    assert match.score >= 0.75


@pytest.mark.parametrize(
    ("wording", "either"),
    [
        ("fleece-lined rigger boots", ("ligne", "fourre")),
        ("LED strip 5 m warm white", ("chaud", "2700k", "3000k")),
        ("réglette étanche blanc froid 120 cm", ("froid", "4000k")),
    ],
    ids=["lined-paper-or-lined-boots", "a-white-by-its-name-or-its-kelvins", "the-french-name-too"],
)
def test_words_of_one_meaning_said_otherwise(wording: str, either: tuple[str, ...]) -> None:
    assert either in read_wording(wording).either


def test_trade_names_of_a_thing_are_its_catalogue_words() -> None:
    assert read_wording("3 rouleaux de rubalise").words[-2:] == ("ruban", "signalisation")
    assert "courant" not in read_wording("prise de courant étanche IP55").words
