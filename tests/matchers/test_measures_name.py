"""Measures naming the article where the words hardly do: the one article printing every measure written
is found however low its words rank it, and a bare figure written with them ('en 8') is one of its sizes."""

from __future__ import annotations

import pytest

from matchers import match_article
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        (
            (
                "Lien caoutchouc pour arbre 50 cm (lot de 50)",
                "Ligne goutte-à-goutte espacement 50 cm - couronne 25 m",
                "Ligne goutte-à-goutte espacement 50 cm - couronne 100 m",
                "Piquet de maintien (sachet de 50)",
                "Plaque de semis 24 alvéoles (carton de 50)",
            ),
            "Rubber tree straps 50 cm, packs of 50",
            "A1",
        ),
        (
            (
                "Collier de fixation isophonique Ø 32 mm (sachet de 25)",
                "Tube multicouche Ø 32 mm - couronne 25 m",
                "Coude à sertir Ø 32 mm",
                "Joint fibre (sachet de 25)",
                "Raccord union (sachet de 25)",
            ),
            "acoustic pipe clamps 32 mm, bag of 25",
            "A1",
        ),
        (
            (
                "Bac gastronorme inox GN 1/1 65 mm 14 L (lot de 6)",
                "Couvercle inox pour bac GN 1/1, 14 L",
                "Louche inox 14 cm",
                "Plateau inox (lot de 6)",
            ),
            "stainless steel pans 14 L, set of 6",
            "A1",
        ),
    ],
    ids=["garden-ties", "plumbing-clamps", "catering-pans"],
)
def test_the_one_article_printing_the_measures_and_the_pack_is_proposed(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku
    assert match.score < 0.65


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        (
            (
                "Tuteur pin traité rond Ø 8 x 250 cm",
                "Tuteur pin traité rond Ø 10 x 250 cm",
                "Tuteur pin traité rond Ø 8 x 200 cm",
                "Engrais enrobé libération 8-9 mois 25 kg",
            ),
            "tuteurs en 8 de 2m50",
            "A1",
        ),
        (
            (
                "Tige filetée acier zingué Ø 8 x 1000 mm",
                "Tige filetée acier zingué Ø 10 x 1000 mm",
                "Tige filetée acier zingué Ø 8 x 2000 mm",
                "Cheville nylon 8-9 mm (boîte de 100)",
            ),
            "tiges filetées en 8 de 1m00",
            "A1",
        ),
    ],
    ids=["garden-stakes", "hardware-threaded-rods"],
)
def test_a_bare_figure_beside_a_measure_is_one_of_the_articles_sizes(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="10"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku


@pytest.mark.parametrize(
    ("names", "written"),
    [
        (
            ("Farine de blé T55 sac 25 kg", "Farine de blé T55 bio sac 25 kg", "Farine de blé T55 sac 1 kg"),
            "T55 25 kg",
        ),
        (("Vis inox 4x40 (boîte de 200)", "Vis inox tête fraisée 4x40 (boîte de 200)"), "4x40, boîte de 200"),
        (("Enveloppe 229x324 mm (boîte de 250)", "Enveloppe à fenêtre 229x324 mm (boîte de 250)"), "229x324"),
    ],
    ids=["food-flour", "hardware-screws", "stationery-envelopes"],
)
def test_sizes_naming_a_plain_name_and_its_qualified_twin_name_the_plain_one(
    names: tuple[str, ...], written: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="3"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A1"
