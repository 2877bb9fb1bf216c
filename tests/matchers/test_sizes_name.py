"""A line whose sizes name one article of the catalogue where its words hardly do ('the 2500x1200',
'black C4 mailers 229x324', '25 L'): the sizes are the catalogue's own figures; the words written and the
unit counted tell twins apart, and an article left open stays blank."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.index import CatalogIndex
from models import ProductRow, ReferenceData
from tests.factories.pipeline import catalogue_index, make_extracted_line


def _sold(*rows: tuple[str, str]) -> CatalogIndex:
    products = [ProductRow(sku=f"A{i}", name=name, unit=unit) for i, (name, unit) in enumerate(rows, start=1)]
    return CatalogIndex.build(ReferenceData(products=products))


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        # Building supplies: a board named by its size alone.
        (
            (
                "Plaque de plâtre BA13 2500x1200 mm",
                "Panneau OSB3 2500x675 mm",
                "Plaque de plâtre BA13 2600x1200 mm",
            ),
            "the 2500x1200",
            "A1",
        ),
        # Stationery: English words the French catalogue does not print, and a colour telling two envelopes.
        (
            ("Enveloppe blanche 229x324 mm", "Enveloppe noire 229x324 mm", "Classeur noir A4 dos 50 mm"),
            "black mailers 229x324",
            "A2",
        ),
        # Catering: a volume alone.
        (
            ("Bac gastronorme inox GN 1/1 25 L", "Bac gastronorme inox GN 1/1 14 L", "Sac poubelle 50 L"),
            "25 L",
            "A1",
        ),
    ],
    ids=["building-board", "stationery-colour", "catering-volume"],
)
def test_the_sizes_written_name_the_one_article_printing_them(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="3"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku
    assert match.score < 0.65  # proposed for a clerk, never a silent choice


def test_the_unit_counted_tells_the_twins_printing_the_sizes() -> None:
    index = _sold(
        ("Plaque de plâtre BA13 2500x1200 mm", "pce"),
        ("Plaque de plâtre BA13 2500x1200 mm (palette de 50)", "palette"),
    )
    line = make_extracted_line("2500x1200", quantity="2", unit="palette")
    assert match_article(line, index, customer_id=None).sku == "A2"


@pytest.mark.parametrize(
    ("names", "written"),
    [
        # Lab supplies: two glasses of the volume, the customer named neither.
        (("Bécher forme basse 250 ml", "Erlenmeyer col étroit 250 ml"), "250 ml"),
        # Logistics: the one article of the size prints none of the words the catalogue knows.
        (("Palette Europe 1200x800 mm", "Film bulle 3 couches 100 cm x 50 m"), "couches 1200x800"),
        # Stationery: the colour written by no twin of the size.
        (("Enveloppe blanche 229x324 mm", "Enveloppe kraft 229x324 mm"), "mailers 229x324"),
    ],
    ids=["lab-two-of-the-volume", "logistics-word-it-lacks", "stationery-twins-untold"],
)
def test_sizes_naming_none_or_several_leave_the_line_blank(names: tuple[str, ...], written: str) -> None:
    match = match_article(
        make_extracted_line(written, quantity="1"), catalogue_index(*names), customer_id=None
    )
    assert match.sku is None


def test_a_size_in_centimetres_and_initials_name_the_article_printed_in_millimetres() -> None:
    # Cleaning supplies: a mat by its size in cm and 'DF' for 'double face' ('double' is also a count).
    index = catalogue_index(
        "Tapis double face 600x400 mm", "Tapis simple face 600x400 mm", "Tapis 900x600 mm"
    )
    assert match_article(make_extracted_line("60x40 DF"), index, customer_id=None).sku == "A1"
    assert match_article(make_extracted_line("60x40"), index, customer_id=None).sku is None


def test_a_wording_denying_the_article_of_the_size_names_it_not() -> None:
    # Hygiene: 'pas de sacs 110 L' in a reply says which line goes, not which article is wanted.
    index = catalogue_index("Sacs poubelle 110 L noirs - carton de 200", "Essuie-mains pliés - carton de 20")
    assert match_article(make_extracted_line("pas de sacs 110 L"), index, customer_id=None).sku is None
