"""Lines that name their article with little the catalogue prints: one article far ahead of any other
below the floor (proposed to a clerk, never accepted), a customer's code alone among words of no
designation, a pair of sizes beside a pack word, English names of common goods."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.normalize import read_wording
from models import CustomerRefRow, CustomerRow, ProductRow, ReferenceData
from tests.factories.pipeline import make_extracted_line

# intake.routing.decision.GUESS: a match below it holds the order in every routing mode.
_GUESS = 0.65


def _index(*names: str, refs: tuple[tuple[str, str], ...] = ()) -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku=f"A{i}", name=name, unit="pce") for i, name in enumerate(names, start=1)
            ],
            customers=[CustomerRow(customer_id="C1", name="Client")],
            customer_refs=[CustomerRefRow(customer_id="C1", customer_ref=r, sku=s) for r, s in refs],
        )
    )


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (
            ("Coude laiton femelle 15 mm", "Té laiton 22 mm", "Manchon cuivre 22 mm", "Vanne à bille 15 mm"),
            "coudes laiton 15 mm qu'on attaque jeudi",
        ),
        (
            ("Pot de ricotta 1,5 kg", "Mascarpone pot 500 g", "Crème fraîche pot 1 L", "Moutarde pot 1 kg"),
            "pots de ricotta qu'il lui faut demain",
        ),
        (
            (
                "Pipette graduée 10 ml en verre",
                "Bécher 250 ml",
                "Erlenmeyer 500 ml",
                "Éprouvette graduée 100 ml",
            ),
            "pipettes graduées 10 ml qu'il lui faut demain",
        ),
    ],
    ids=["plumbing", "foodservice", "lab"],
)
def test_the_one_article_that_fits_is_proposed_to_a_clerk(names: tuple[str, ...], said: str) -> None:
    match = match_article(make_extracted_line(said, quantity="4"), _index(*names), customer_id=None)
    assert match.sku == "A1"
    assert match.score < _GUESS


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (
            ("Coude laiton femelle 15 mm", "Coude laiton mâle 15 mm", "Manchon cuivre 22 mm"),
            "coudes laiton 15 mm qu'on attaque jeudi",
        ),
        (
            ("Pipette graduée 10 ml en verre", "Pipette graduée 10 ml en plastique", "Bécher 250 ml"),
            "pipettes graduées 10 ml qu'il lui faut demain",
        ),
    ],
    ids=["plumbing", "lab"],
)
def test_two_articles_that_fit_alike_leave_the_line_blank(names: tuple[str, ...], said: str) -> None:
    match = match_article(make_extracted_line(said, quantity="4"), _index(*names), customer_id=None)
    assert match.sku is None


@pytest.mark.parametrize(
    ("said", "sku"),
    [("PL-CU-22", "A2"), ("material PL-CU-22", "A2"), ("Ajoutez PL-CU-22 svp", "A2"), ("10004529", "A1")],
    ids=["code-alone", "labelled", "in-a-sentence", "number-alone"],
)
def test_a_customers_code_among_words_of_no_designation(said: str, sku: str) -> None:
    index = _index("Coude cuivre 15 mm", "Coude cuivre 22 mm", refs=(("10004529", "A1"), ("PL-CU-22", "A2")))
    assert match_article(make_extracted_line(said, quantity="2"), index, customer_id="C1").sku == sku


def test_a_code_beside_words_naming_another_article_does_not_name_it() -> None:
    index = _index(
        "Coude cuivre 15 mm", "Coude cuivre 22 mm", "Vanne à bille 15 mm", refs=(("PL-CU-22", "A2"),)
    )
    line = make_extracted_line("PL-CU-22 vanne à bille", quantity="2")
    assert match_article(line, index, customer_id="C1").sku != "A2"


@pytest.mark.parametrize("said", ["twin packs 600/450", "pack 600/450", "box 30/40"])
def test_a_pair_of_sizes_after_a_pack_word_is_no_pack_count(said: str) -> None:
    assert not any(f.startswith("pack:") for f in read_wording(said).features)


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (("Tableau liège 60 x 90 cm", "Tableau blanc 60 x 90 cm"), "cork boards 60 x 90"),
        (("Tomate cerise barquette 250 g", "Tomate grappe 250 g"), "cherry tomatoes 250 g punnet"),
        (("Charnières inox 100 mm (jeu de 2)", "Charnière inox 100 mm"), "stainless hinges 100 mm twin pack"),
        (("Feu de gabarit LED orange", "Feu de gabarit LED blanc"), "LED side marker lamp, amber"),
        (("Distributeur savon sans contact", "Distributeur savon à pompe"), "touch-free soap dispenser"),
        (("Brouette 100 L roue gonflable", "Tuyau d'arrosage 19 mm - 25 m"), "wheelbarrows 100 L"),
        (("Carrelage grès brillant 30x60", "Carrelage grès mat 30x60"), "30x60 glossy stoneware tiles"),
    ],
    ids=["cork", "cherry-punnet", "twin-pack", "marker-amber", "touch-free", "wheelbarrow", "glossy"],
)
def test_english_names_of_common_goods(names: tuple[str, ...], said: str) -> None:
    match = match_article(make_extracted_line(said, quantity="2"), _index(*names), customer_id=None)
    assert match.sku == "A1"


def test_an_article_lacking_a_word_another_prints_is_not_proposed() -> None:
    index = _index(
        "Filtre à air Renault Clio IV 1.5 dCi",
        "Filtre à gasoil Renault 1.5 dCi",
        "Filtre à huile Peugeot 208 1.2",
        "Plaquettes de frein Clio IV",
    )
    line = make_extracted_line("Clio IV 1.5 dCi filtre à gasoil", quantity="1")
    assert match_article(line, index, customer_id=None).sku is None


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (
            (
                "Frites 9x9 mm carton 4 x 2,5 kg",
                "Frites 9x9 mm sac 2,5 kg",
                "Frites 12x12 mm carton 4 x 2,5 kg",
            ),
            "frites 9x9 4x2,5",
        ),
        (("Eau minérale plate pack 6 x 1,5 L", "Eau minérale plate 1,5 L"), "eau plate 6x1,5"),
        (("Encre de Chine flacon 3 x 250 ml", "Encre de Chine flacon 250 ml"), "encre de chine 3x250"),
    ],
    ids=["fries", "water", "ink"],
)
def test_two_figures_without_units_are_a_pack_and_what_each_holds(names: tuple[str, ...], said: str) -> None:
    match = match_article(make_extracted_line(said, quantity="2"), _index(*names), customer_id=None)
    assert match.sku == "A1"


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (
            (
                "Tableau blanc émaillé magnétique 120 x 180 cm",
                "Marqueur tableau blanc pointe ogive noir - boîte de 10",
                "Marqueur tableau blanc - étui de 4 couleurs",
                "Brosse effaceur tableau blanc magnétique",
            ),
            "your big whiteboards, the 120 x 180",
        ),
        (
            (
                "Eau de source 50 cl - pack de 24",
                "Gobelet plastique blanc - sachet de 100",
                "Thé vert menthe - boîte de 25 sachets",
            ),
            "still water 50 cl (the 24-bottle packs)",
        ),
        (
            ("Tuyau d'arrosage 19 mm - 50 m", "Tuyau d'arrosage 19 mm - 25 m", "Raccord rapide 19 mm"),
            "the long hoses, 50 m",
        ),
    ],
    ids=["stationery", "drinks", "garden"],
)
def test_the_one_article_printing_the_sizes_written_is_proposed(names: tuple[str, ...], said: str) -> None:
    match = match_article(make_extracted_line(said, quantity="2"), _index(*names), customer_id=None)
    assert match.sku == "A1"
    assert match.score < _GUESS


def test_sizes_two_articles_print_name_neither() -> None:
    index = _index(
        "Tableau blanc émaillé magnétique 120 x 180 cm",
        "Tableau liège cadre alu 120 x 180 cm",
        "Marqueur tableau blanc pointe ogive noir - boîte de 10",
    )
    line = make_extracted_line("your big boards, the 120 x 180", quantity="1")
    assert match_article(line, index, customer_id=None).sku is None


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (
            (
                "Filtre à huile Mann W 712/95 - VW 2.0 TDI",
                "Filtre à huile Mann W 712/83 - PSA 1.6 HDi",
                "Filtre à air Mann C 30 005 - VW Golf VII 2.0 TDI",
                "Plaquettes de frein AV - VW Golf VII 2.0 TDI",
            ),
            "Golf VII 2.0 TDI | Filtre à huile",
        ),
        (
            (
                "Courroie trapézoïdale SPB 1700 - Iveco Daily 3.0",
                "Courroie trapézoïdale SPB 1700 - Renault Master 2.3",
                "Filtre à air - Iveco Daily 3.0 benne",
                "Balai essuie-glace 600 mm - Iveco Daily 3.0 benne",
            ),
            "Daily 3.0 benne | Courroie SPB 1700",
        ),
    ],
    ids=["car", "van"],
)
def test_the_column_naming_the_article_is_read_with_the_others_as_its_heading(
    names: tuple[str, ...], said: str
) -> None:
    match = match_article(make_extracted_line(said, quantity="1"), _index(*names), customer_id=None)
    assert match.sku == "A1"
    assert match.score < _GUESS


def test_the_words_of_as_usual_name_nothing() -> None:
    names = ("Serviette papier 2 plis 33x33 blanche", "Serviette papier 2 plis 40x40 blanche")
    match = match_article(
        make_extracted_line("serviettes 33x33 blanches comme d'hab", quantity="6"),
        _index(*names),
        customer_id=None,
    )
    assert (match.sku, match.score >= 0.75) == ("A1", True)
