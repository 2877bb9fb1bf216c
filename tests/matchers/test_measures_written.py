"""A measure written otherwise than the catalogue prints it ('200ul' for '0,2 ml', '90gsm' for '90 g/m2',
'2m10 sur 50' for '2,10 x 50 m', 'BX50' for 'boîte de 50') is the same measure: both are read into one
canonical quantity, which tells the twins differing by it apart."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.normalize import read_wording
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("colorant 200ul", "colorant 0,2 ml"),
        ("colorant 200 µL", "colorant 0,2 ml"),
        ("papier A4 90gsm", "papier A4 90 g/m2"),
        ("papier A4 90 grammes", "papier A4 90 g/m²"),
        ("film 2m10 sur 50", "film 2,10 x 50 m"),
        ("cordeau 2m50", "cordeau 2,50 m"),
        ("tube cuivre Ø22 x 1", "tube cuivre Ø 22 x 1 mm"),
        ("gants nitrile BX100", "gants nitrile (boîte de 100)"),
        ("stylos PK10", "stylos (paquet de 10)"),
        ("tomates pelées CS6", "tomates pelées (carton de 6)"),
    ],
    ids=[
        "food-microlitres",
        "food-microlitres-spaced",
        "stationery-gsm",
        "stationery-grammes",
        "building-metres-glued-by",
        "garden-metres-glued",
        "plumbing-diameter-leading",
        "workwear-box-glued",
        "stationery-pack-glued",
        "food-case-glued",
    ],
)
def test_a_measure_written_otherwise_reads_as_the_catalogue_prints_it(written: str, printed: str) -> None:
    said, ours = read_wording(written), read_wording(printed)
    measures = {f for f in ours.features if not f.startswith("num:")}
    assert measures
    assert measures <= said.features


def test_a_count_out_of_another_is_no_dimension() -> None:
    assert not any(f.startswith("dim:") for f in read_wording("3 sur 4 livrés").features)


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        (
            ("Tube cuivre Ø 22 x 1 mm (barre de 2 m)", "Tube cuivre Ø 16 x 1 mm (barre de 2 m)"),
            "tube cuivre Ø22 x 1",
            "A1",
        ),
        (
            ("Papier A4 blanc 80 g/m2 (ramette de 500)", "Papier A4 blanc 90 g/m2 (ramette de 500)"),
            "papier A4 blanc 90gsm",
            "A2",
        ),
        (
            ("Gants nitrile taille M (boîte de 100)", "Gants nitrile taille M (boîte de 50)"),
            "gants nitrile M BX50",
            "A2",
        ),
        (("Film polyane 2,10 x 50 m", "Film polyane 4,20 x 50 m"), "film polyane en 2m10 sur 50", "A1"),
        (
            ("Colorant alimentaire rouge 2 ml", "Colorant alimentaire rouge 0,2 ml"),
            "colorant alimentaire rouge 200ul",
            "A2",
        ),
        (
            (
                "Gobelets carton 20 cl (colis de 960 = 20 paquets de 48)",
                "Gobelets carton 20 cl (colis de 1000)",
            ),
            "gobelets carton 20 cl 20X48",
            "A1",
        ),
        (
            ("Agenda semainier A5 édition 2026", "Agenda semainier A5 édition 2027"),
            "agenda semainier A5 27",
            "A2",
        ),
    ],
    ids=[
        "plumbing-diameter",
        "stationery-gsm",
        "workwear-box-glued",
        "building-by",
        "food-microlitres",
        "catering-packs-of-packs",
        "a-year-by-its-last-two-figures",
    ],
)
def test_the_measure_written_otherwise_tells_the_twins_apart(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku
