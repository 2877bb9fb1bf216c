"""What a customer writes around an article's name or instead of its words: a clause of use or delivery
after it, the English order of words (what the article is, said last), a maker's ref among weak words,
the initials of the designation's words."""

from __future__ import annotations

import pytest

from intake.routing.decision import GUESS
from matchers import match_article
from matchers.articles import GUESS_FLOOR, GUESS_SCORE
from matchers.normalize import read_wording
from matchers.remarks import clause_words, without_use_clause
from tests.factories.pipeline import catalogue_index, make_extracted_line

_CLEANING = catalogue_index(
    "Gants nitrile bleus non poudrés taille 8 - boîte de 100",
    "Gants latex blancs poudrés taille 8 - boîte de 100",
    "Sacs poubelle 110 L noirs - rouleau de 25",
    "Essuie-mains pliés en Z blancs - carton de 3750",
    "Savon mains crème 5 L",
    "Lavette microfibre bleue 40 x 40 cm",
    "Seau de lavage 12 L bleu",
    "Balai cantonnier 40 cm",
    "Raclette sol 55 cm",
    "Frange de lavage coton 350 g",
    "Chariot de ménage 2 seaux",
    "Détergent sols 5 L",
)

_ELECTRICAL = catalogue_index(
    "Gaine ICTA grise 20 mm - couronne 100 m",
    "Boîte de dérivation étanche 105 x 105 mm",
    "Câble rigide cuivre 1,5 mm² bleu - couronne 100 m",
    "Câble souple noir 3G1,5",
    "Ruban isolant vert/jaune 19 mm x 20 m",
    "Ampoule LED E27 standard 9W blanc chaud",
    "Interrupteur va-et-vient blanc",
    "Prise de courant 2P+T blanche",
    "Disjoncteur 1P+N 16A",
    "Tube IRL gris 20 mm - 3 m",
    "Spot encastrable blanc GU10",
    "Collier de serrage noir 200 mm - sachet de 100",
)


@pytest.mark.parametrize(
    ("wording", "name", "clause"),
    [
        ("seaux 12 L pour les agents du soir", "seaux 12 L", "pour les agents du soir"),
        ("lavettes bleues pour l'équipe de nuit", "lavettes bleues", "pour l'équipe de nuit"),
        ("mop heads for the new gym", "mop heads", "for the new gym"),
        ("squeegees to go with the trolleys", "squeegees", "to go with the trolleys"),
        ("savon 5 L à livrer au gymnase avant jeudi", "savon 5 L", "à livrer au gymnase avant jeudi"),
        ("bin bags, to be delivered to gate 2", "bin bags", "to be delivered to gate 2"),
        ("seau 10 L (gris) pour les agents du soir", "seau 10 L (gris)", "pour les agents du soir"),
        ("filtre pour hotte", "filtre pour hotte", ""),
        ("gel ready to use", "gel ready to use", ""),
        ("for the kitchen", "for the kitchen", ""),
    ],
    ids=[
        "pour-les",
        "pour-l",
        "for-the",
        "to-verb",
        "a-livrer",
        "delivered-to",
        "after-a-bracket",
        "no-determiner",
        "ready-to",
        "no-name",
    ],
)
def test_a_clause_of_use_or_delivery_is_read_apart(wording: str, name: str, clause: str) -> None:
    assert without_use_clause(wording) == (name, clause)


def test_a_delivery_clause_tells_no_twin_apart() -> None:
    assert clause_words("à livrer au dépôt bleu") == ()
    assert clause_words("pour le chariot bleu") == ("chariot", "bleu")


def test_the_guess_floor_is_the_routings() -> None:
    assert GUESS_FLOOR == GUESS
    assert GUESS_SCORE < GUESS


def test_a_delivery_clause_is_no_part_of_the_name() -> None:
    line = make_extracted_line(
        "savon mains crème 5 L à livrer au gymnase municipal avant jeudi", quantity="3"
    )
    match = match_article(line, _CLEANING, customer_id=None)
    assert match.sku == "A5"
    assert match.score >= 0.9


def test_a_clause_naming_catalogue_words_leaves_a_guess_for_a_clerk() -> None:
    line = make_extracted_line("raclette 55 cm pour le chariot de ménage du 2e", quantity="2")
    match = match_article(line, _CLEANING, customer_id=None)
    assert match.sku == "A9"
    assert match.score < GUESS


@pytest.mark.parametrize(
    ("wording", "head"),
    [
        ("grey flexible conduit 20", ("gaine",)),
        ("white recessed spotlight", ("spot",)),
        ("blue nitrile gloves, box of 100", ("gant",)),
        ("gloves box of 100", ("gant",)),
        ("gaine grise", ()),
    ],
    ids=["last-word", "adjectives-first", "comma-ends", "pack-is-no-head", "french"],
)
def test_an_english_phrase_names_its_article_last(wording: str, head: tuple[str, ...]) -> None:
    assert read_wording(wording).english_head == head


@pytest.mark.parametrize(
    ("wording", "sku"), [("grey flexible conduit 20", "A1"), ("white recessed spotlight", "A11")]
)
def test_a_short_english_wording_finds_the_article_it_names(wording: str, sku: str) -> None:
    match = match_article(make_extracted_line(wording, quantity="3"), _ELECTRICAL, customer_id=None)
    assert match.sku == sku
    assert match.score >= 0.65


def test_a_makers_ref_among_weak_words_names_its_article_surely() -> None:
    index = catalogue_index(
        "Disjoncteur Hager MFN716 1P+N 16A courbe C",
        "Disjoncteur Hager MFN720 1P+N 20A courbe C",
        "Interrupteur différentiel Hager CDA740F 40A 30mA type AC",
    )
    match = match_article(
        make_extracted_line("Hager MFN716 compact breakers", quantity="4"), index, customer_id=None
    )
    assert match.sku == "A1"
    assert match.score >= 0.9


_DAIRY = catalogue_index(
    "Crème fraîche épaisse 30% MG 5 L",
    "Crème liquide entière 35% MG 1 L",
    "Lait demi-écrémé UHT 1 L",
    "Beurre doux plaquette 250 g",
    "Fromage blanc 20% MG 5 kg",
    "Huile tournesol 5 L",
)


@pytest.mark.parametrize(("wording", "sku"), [("CF épaisse 5 L", "A1"), ("LDE UHT", "A3")])
def test_initials_stand_for_the_words_they_open(wording: str, sku: str) -> None:
    match = match_article(make_extracted_line(wording, quantity="3"), _DAIRY, customer_id=None)
    assert match.sku == sku
    assert match.score >= 0.65


def test_letters_opening_no_words_of_the_name_name_nothing() -> None:
    match = match_article(make_extracted_line("crème XY 5 L", quantity="3"), _DAIRY, customer_id=None)
    assert match.score < 0.65  # the one cream of 5 L at most proposed to a clerk, the letters adding nothing
