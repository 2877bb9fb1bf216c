"""The unit a customer counts in, as the catalogue sells the article (matchers/conversions.own_pack)."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.conversions import names_its_pack
from models import ProductRow, ReferenceData
from parsers.values.units import same_case, same_unit
from tests.factories.pipeline import make_extracted_line


def _garden() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="TER-40", name="Terreau universel 40 L - palette de 60 sacs", unit="palette"),
                ProductRow(sku="GRN-GAZ", name="Graines gazon rustique 1 kg - lot de 6", unit="carton"),
                ProductRow(sku="TUT-120", name="Tuteur bambou 120 cm colis de 50", unit="colis"),
                ProductRow(sku="ENG-10", name="Engrais granulé 10 kg - carton de 4 seaux", unit="carton"),
            ]
        )
    )


@pytest.mark.parametrize(
    ("wording", "unit", "sku", "sold"),
    [
        ("graines gazon rustique 1 kg", "lots", "GRN-GAZ", "carton"),
        ("tuteurs bambou 120 cm", "cartons", "TUT-120", "colis"),
        ("tuteurs bambou 120 cm", "caisses", "TUT-120", "colis"),
    ],
    ids=["the-name-calls-the-carton-a-lot", "a-carton-for-the-colis", "a-case-for-the-colis"],
)
def test_a_count_in_the_word_of_what_is_sold_is_in_the_unit_sold(
    wording: str, unit: str, sku: str, sold: str
) -> None:
    line = make_extracted_line(wording, quantity=3, unit=unit)
    match = match_article(line, _garden(), customer_id=None)
    assert (match.sku, match.quantity, match.unit) == (sku, 3, sold)


def test_a_count_of_what_the_case_holds_is_not_the_case() -> None:
    line = make_extracted_line("engrais granulé 10 kg", quantity=3, unit="seaux")
    match = match_article(line, _garden(), customer_id=None)
    assert (match.sku, match.unit) == ("ENG-10", "seau")


def test_a_pallet_is_no_case_and_cases_stay_apart_while_matching() -> None:
    assert same_case("caisse", "colis") and same_case("cartons", "colis")
    assert not same_case("palette", "carton")
    assert not same_unit("carton", "colis")  # twins sold by each stay told apart by the name
    assert not names_its_pack("Engrais granulé 10 kg - carton de 4 seaux", "seau", "carton")


def _lengths() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="TUY-PER-16", name="Tube PER nu 16 mm - carton de 100 m", unit="carton"),
                ProductRow(
                    sku="FIL-NYL-2", name="Fil nylon débroussailleuse 2,4 mm - carton 87 m", unit="carton"
                ),
                ProductRow(sku="GAZ-500", name="Gazon en rouleau 1 m² - palette 50 m²", unit="palette"),
            ]
        )
    )


@pytest.mark.parametrize(
    ("wording", "unit", "sku", "sold"),
    [
        ("tube PER nu 16 mm", "boxes", "TUY-PER-16", "carton"),
        ("fil nylon débroussailleuse 2,4 mm", "boîtes", "FIL-NYL-2", "carton"),
    ],
    ids=["boxes-of-a-carton-of-tube", "boxes-of-a-carton-of-line"],
)
def test_a_pack_counted_of_a_length_sold_packed_is_the_pack_sold(
    wording: str, unit: str, sku: str, sold: str
):
    line = make_extracted_line(wording, quantity=2, unit=unit)
    match = match_article(line, _lengths(), customer_id=None)
    assert (match.sku, match.quantity, match.unit) == (sku, 2, sold)


def test_a_pack_of_an_area_is_no_pack_of_a_length() -> None:
    line = make_extracted_line("gazon en rouleau 1 m²", quantity=2, unit="cartons")
    match = match_article(line, _lengths(), customer_id=None)
    assert match.unit != "palette"
