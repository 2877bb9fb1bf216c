"""A container or a tray under the customer's own word, named as the catalogue sells it once the article is
matched (matchers/scoring.finish_match, parsers/data/units.toml)."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from models import ProductRow, ReferenceData
from parsers.values.units import abbreviates, same_unit, same_vessel
from tests.factories.pipeline import make_extracted_line


def _catalogue() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="HM-5W30-20", name="Huile moteur 5W30 synthèse - bidon 20 L", unit="bidon"),
                ProductRow(sku="ETH-96-5", name="Éthanol 96 % dénaturé bidon 5 L", unit="bidon"),
                ProductRow(sku="FRA-500", name="Fraises gariguette barquette 500 g", unit="barquette"),
                ProductRow(sku="BIERE-30", name="Bière blonde pression fût 30 L", unit="fut"),
            ]
        )
    )


@pytest.mark.parametrize(
    ("wording", "unit", "sku", "sold"),
    [
        ("huile moteur 5W30 synthèse 20 L", "drums", "HM-5W30-20", "bidon"),
        ("bière blonde pression 30 L", "bidons", "BIERE-30", "fut"),
        ("fraises gariguette 500 g", "trays", "FRA-500", "barquette"),
        ("fraises gariguette 500 g", "punnets", "FRA-500", "barquette"),
    ],
    ids=["a-drum-of-a-20-l-can", "cans-of-a-30-l-keg", "trays", "punnets"],
)
def test_the_customers_word_for_the_container_is_the_catalogues_once_matched(
    wording: str, unit: str, sku: str, sold: str
) -> None:
    match = match_article(make_extracted_line(wording, quantity=4, unit=unit), _catalogue(), customer_id=None)
    assert (match.sku, match.quantity, match.unit) == (sku, 4, sold)


def test_a_container_without_its_volume_written_keeps_the_customers_word() -> None:
    line = make_extracted_line("éthanol 96 % dénaturé", quantity=2, unit="drums")
    match = match_article(line, _catalogue(), customer_id=None)
    assert (match.sku, match.unit) == ("ETH-96-5", "fut")


def test_a_can_and_a_drum_are_vessels_not_one_unit() -> None:
    assert same_vessel("drum", "bidon") and same_vessel("fûts", "jerricans")
    assert not same_unit("fût", "bidon") and not same_vessel("carton", "bidon")


def _by_short_forms() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="HV-OL-50", name="Huile d'olive vierge extra 50 cl", unit="btl"),
                ProductRow(sku="SIR-ER-1", name="Sirop d'érable 1 L", unit="btl"),
            ]
        )
    )


@pytest.mark.parametrize("unit", ["bottles", "bouteilles"])
def test_a_catalogue_unit_written_as_consonants_is_the_customers_word_it_abbreviates(unit: str) -> None:
    line = make_extracted_line("huile d'olive vierge extra 50 cl", quantity=6, unit=unit)
    match = match_article(line, _by_short_forms(), customer_id=None)
    assert (match.sku, match.quantity, match.unit) == ("HV-OL-50", 6, "btl")


@pytest.mark.parametrize(
    ("sold", "stated", "expected"),
    [("btl", "bottles", True), ("ctn", "cartons", True), ("btl", "boxes", False), ("bte", "bottles", False)],
    ids=["bottle", "carton", "another-word", "a-vowel-is-no-short-form"],
)
def test_a_short_form_abbreviates_only_a_word_holding_its_letters_in_order(
    sold: str, stated: str, expected: bool
) -> None:
    assert abbreviates(sold, stated) is expected
