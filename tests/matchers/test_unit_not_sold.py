"""A count unit no article of the catalogue is sold by ('pairs', 'bundles', 'coils', 'rolls') is the
customer's word for the matched article's own unit; a catalogue selling by that unit keeps the customer's.
An English word for two units ('boxes': boîte or carton, 'bags': sachet or sac) names the one the
catalogue, or the article's twins, sell by."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.units_written import with_the_unit_written
from models import Extracted, ExtractedLine, ProductRow, Provenance, ReferenceData
from tests.factories.pipeline import make_extracted_line


def _catalogue(*rows: tuple[str, str]) -> CatalogIndex:
    products = [ProductRow(sku=f"A{i}", name=name, unit=unit) for i, (name, unit) in enumerate(rows, start=1)]
    return CatalogIndex.build(ReferenceData(products=products))


@pytest.mark.parametrize(
    ("wording", "unit", "rows", "expected"),
    [
        (
            "leather work gloves size 9",
            "pairs",
            (("Gant de travail cuir taille 9", "pce"), ("Gant de travail cuir taille 10", "pce")),
            "pce",
        ),
        (
            "asparagus green 500 g",
            "bundles",
            (("Asperges vertes 500 g (botte)", "botte"), ("Asperges blanches 1 kg", "kg")),
            "botte",
        ),
        (
            "copper tube 12 mm 25 m",
            "coils",
            (("Tube cuivre recuit 12 mm - couronne 25 m", "rouleau"), ("Tube cuivre 12 mm barre 2 m", "pce")),
            "rouleau",
        ),
        (
            "cable H07V-U 1,5 mm2 blue 100 m",
            "rolls",
            (("Câble H07V-U 1,5 mm² bleu - touret 100 m", "touret"), ("Câble H07V-U 2,5 mm² bleu", "m")),
            "touret",
        ),
    ],
    ids=["workwear-pair", "food-bundle", "plumbing-coil", "electrical-roll"],
)
def test_the_article_own_unit_when_the_catalogue_sells_none_by_the_word(
    wording: str, unit: str, rows: tuple[tuple[str, str], ...], expected: str
) -> None:
    index = _catalogue(*rows)
    found = match_article(make_extracted_line(wording, unit=unit), index, customer_id=None)
    assert (found.sku, found.unit) == ("A1", expected)


def test_a_unit_the_catalogue_sells_by_stays_the_customers() -> None:
    index = _catalogue(("Chaussure de sécurité S3 pointure 43", "pce"), ("Botte PVC S5 pointure 43", "paire"))
    found = match_article(
        make_extracted_line("safety shoes S3 size 43", unit="pairs"), index, customer_id=None
    )
    assert (found.sku, found.unit) == ("A1", "paire")


def test_a_shipping_case_is_never_read_as_the_article() -> None:
    index = _catalogue(("Stylo bille bleu", "pce"), ("Stylo bille noir", "pce"))
    found = match_article(make_extracted_line("blue ballpoint pens", unit="cartons"), index, customer_id=None)
    assert found.unit == "carton"


@pytest.mark.parametrize(
    ("wording", "unit", "rows", "expected"),
    [
        (
            "round pots black 12 cm",
            "boxes",
            (
                ("Pot rond noir 12 cm (lot de 50)", "lot"),
                ("Pot rond noir 12 cm (carton de 1000)", "carton"),
                ("Agrafes 24/6 (boîte de 1000)", "boite"),
            ),
            ("A2", "carton"),
        ),
        (
            "brass olives 15 mm",
            "boxes",
            (
                ("Olive laiton 15 mm (sachet de 10)", "sachet"),
                ("Olive laiton 15 mm (carton de 200)", "carton"),
                ("Vis à bois 4x40 (boîte de 200)", "boite"),
            ),
            ("A2", "carton"),
        ),
        (
            "staples 24/6",
            "boxes",
            (("Agrafes 24/6 (boîte de 1000)", "boite"), ("Agrafes 24/6 (carton de 20 boîtes)", "carton")),
            ("A1", "boite"),
        ),
    ],
    ids=["garden-pots", "plumbing-olives", "office-staples-box-sold"],
)
def test_boxes_are_the_carton_where_the_twins_sell_no_box(
    wording: str, unit: str, rows: tuple[tuple[str, str], ...], expected: tuple[str, str]
) -> None:
    found = match_article(make_extracted_line(wording, unit=unit), _catalogue(*rows), customer_id=None)
    assert (found.sku, found.unit) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ((("Terreau universel 50 L", "sac"), ("Engrais gazon 10 kg", "sac")), "sac"),
        ((("Ciment gris 35 kg", "sac"), ("Chevilles nylon 6 mm (boîte de 100)", "boite")), "sac"),
        ((("Microtubes 1,5 ml (sachet de 500)", "sachet"), ("Bécher 250 ml", "pce")), "sachet"),
        ((("Sucre en poudre 1 kg", "sac"), ("Sucre en morceaux (sachet de 50)", "sachet")), "sachet"),
    ],
    ids=["garden-sac", "building-sac", "lab-sachet", "food-both"],
)
def test_bags_are_the_unit_the_catalogue_sells_by(rows: tuple[tuple[str, str], ...], expected: str) -> None:
    assert _catalogue(*rows).sales_unit("bags") == expected


def _counted(text: str, written: str, read: str) -> ExtractedLine:
    start = text.index(written)
    where = Provenance(part="body", span=(start, start + len(written)))
    return make_extracted_line("pots", unit=read).model_copy(
        update={"unit": Extracted[str](value=read, provenance=where)}
    )


@pytest.mark.parametrize(
    ("text", "written", "read", "expected"),
    [
        ("- Round pots black 12 cm - 3 boxes", "boxes", "boite", "boxes"),
        ("4 bags of mulch 50 L", "bags", "sachet", "bags"),
        ("3 boîtes de vis 4x40", "boîtes", "boite", "boite"),
        ("2 cartons of A4 paper", "cartons", "carton", "carton"),
    ],
    ids=["garden-boxes", "garden-bags", "building-french-box", "office-carton"],
)
def test_the_unit_word_written_where_it_names_two_units(
    text: str, written: str, read: str, expected: str
) -> None:
    line = _counted(text, written, read)
    assert with_the_unit_written(line, text).unit.value == expected  # type: ignore[union-attr]


def test_pieces_are_never_read_as_the_articles_pack() -> None:
    index = _catalogue(
        ("Vis à bois 4x40 (boîte de 200)", "boite"), ("Cheville nylon 6 mm (boîte de 100)", "boite")
    )
    found = match_article(make_extracted_line("vis bois 4x40", unit="pièces"), index, customer_id=None)
    assert (found.sku, found.unit) == ("A1", "pce")


def test_a_bottle_keeps_its_word() -> None:
    index = _catalogue(("Savon crème mains 500 ml", "pce"), ("Savon crème mains 5 L", "bidon"))
    found = match_article(
        make_extracted_line("savon crème mains 500 ml", unit="flacons"), index, customer_id=None
    )
    assert (found.sku, found.unit) == ("A1", "flacon")
