"""A thickness in micrometres as printed ('17 µm') and as typed without the Greek letter ('17 um', '17 mu'),
and an English adjective in -al for the French one in -ique ('thermal' / 'thermique'): the catalogue's
own words and sizes, in any trade."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.cognates import cognates
from matchers.normalize import read_wording
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize("written", ["20 µm", "20 um", "20 mu", "20 microns", "20µ"])
def test_a_micrometre_is_one_thickness_however_typed(written: str) -> None:
    assert "thick:20" in read_wording(f"sacs {written}").features


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        # Lab supplies: a filter's pore size.
        (
            ("Filtre seringue PES 0,22 µm", "Filtre seringue PES 0,45 µm"),
            "filtres seringue PES 0.45 um",
            "A2",
        ),
        # Hygiene: bin bags by their film's thickness.
        (("Sac poubelle 50 L 20 µm", "Sac poubelle 50 L 40 µm"), "sacs poubelle 50 L 40 microns", "A2"),
        # Stationery: laminating pouches.
        (
            ("Pochette plastification A4 80 µm", "Pochette plastification A4 125 µm"),
            "pochettes plastification A4 125 mu",
            "A2",
        ),
    ],
    ids=["lab-filter", "hygiene-bags", "stationery-pouches"],
)
def test_the_thickness_written_chooses_the_twin(names: tuple[str, ...], written: str, sku: str) -> None:
    match = match_article(
        make_extracted_line(written, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("thermal", {"thermique"}, ["thermique"]),
        ("thermique", {"thermal"}, ["thermal"]),
        ("metal", {"metique"}, ["metique"]),
    ],
    ids=["english-to-french", "french-to-english", "only-what-the-catalogue-prints"],
)
def test_an_adjective_in_al_is_the_french_one_in_ique(
    word: str, known: set[str], expected: list[str]
) -> None:
    assert cognates(word, known) == expected


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        # Stationery: till rolls.
        (
            ("Rouleau papier offset 57 mm", "Rouleau papier thermique 57 mm"),
            "thermal paper rolls 57 mm",
            "A2",
        ),
        # Workwear: gloves against the cold.
        (("Sous-gants coton", "Sous-gants thermiques"), "thermal liner gloves", "A2"),
        # Electrical: an overload relay.
        (("Relais magnétique 4-6 A", "Relais thermique 4-6 A"), "thermal relay 4-6 A", "A2"),
    ],
    ids=["stationery", "workwear", "electrical"],
)
def test_thermal_reads_as_the_catalogues_thermique(names: tuple[str, ...], written: str, sku: str) -> None:
    match = match_article(
        make_extracted_line(written, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku
