"""A pack written without 'de' ('(boîte 200)', 'the 8-packs', '(500 ct)'), or turned away after a negation
('not the box of 100'), reads as the catalogue's 'boîte de 200' does, and tells pack twins apart."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.normalize import read_wording
from models import ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line


@pytest.mark.parametrize(
    ("customer", "catalogue"),
    [
        ("bouchons d'oreille (boîte 200)", "Bouchons d'oreille mousse - boîte de 200"),
        ("AAA batteries, the 8-packs", "Piles alcalines AAA - pack de 8"),
        ("pack 6 bouteilles huile", "Huile moteur 1 L - pack de 6"),
        ("swab sticks (500 ct)", "Bâtonnets ouatés - boîte de 500"),
        ("couvercles carton 50", "Couvercle gobelet - carton de 50"),
    ],
    ids=["word-then-count", "count-pack", "pack-then-word", "count", "carton-count"],
)
def test_a_pack_written_without_de_reads_as_the_catalogues_pack(customer: str, catalogue: str) -> None:
    assert read_wording(customer).by_kind["pack"] == read_wording(catalogue).by_kind["pack"]


@pytest.mark.parametrize(
    "written",
    ["Boîte 2 postes", "carton 2,5 kg", "Coffret 3 rangées"],
    ids=["count-of-something-else", "a-measure", "no-pack-word"],
)
def test_a_number_after_a_package_word_that_counts_something_else_is_no_pack(written: str) -> None:
    assert "pack" not in read_wording(written).by_kind


def test_a_pack_after_a_negation_is_turned_away_not_ordered() -> None:
    wording = read_wording("grout sponges (loose, not the bags of 10)")
    assert "pack" not in wording.by_kind
    assert "pack:10" in wording.excluded


def _first_aid_index() -> CatalogIndex:
    """A first-aid counter: plasters and compresses by the piece and in packs."""
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="CMP-S", name="Compresse stérile 10x10 cm", unit="pce"),
                ProductRow(sku="CMP-S25", name="Compresse stérile 10x10 cm - sachet de 25", unit="sachet"),
                ProductRow(sku="CMP-S50", name="Compresse stérile 10x10 cm - sachet de 50", unit="sachet"),
                ProductRow(sku="PNS-R", name="Pansement rouleau 6 cm x 5 m", unit="rouleau"),
            ]
        )
    )


@pytest.mark.parametrize(
    ("wording", "unit", "sku"),
    [
        ("compresses stériles 10x10, 50 per bag", "sachet", "CMP-S50"),
        ("compresses stériles 10x10 (sachet 25)", "sachet", "CMP-S25"),
        ("compresses stériles 10x10, the 50-packs", "sachet", "CMP-S50"),
    ],
    ids=["per-bag", "bag-count", "count-packs"],
)
def test_the_pack_written_without_de_names_its_twin(wording: str, unit: str, sku: str) -> None:
    line = make_extracted_line(wording, quantity="2", unit=unit)
    assert match_article(line, _first_aid_index(), customer_id=None).sku == sku


def test_a_pack_turned_away_counts_against_the_twin_sold_in_it() -> None:
    line = make_extracted_line("compresses stériles 10x10 (loose, not the bags of 25)", quantity="30")
    found = match_article(line, _first_aid_index(), customer_id=None)
    assert found.candidates[0].key != "CMP-S25"
