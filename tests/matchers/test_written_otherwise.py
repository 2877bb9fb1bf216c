"""Words and sizes a customer writes otherwise than the catalogue: a learned word with the other
language's ending, one side of an article printed with two, a shoe's size said as the shops say it, English
words of common goods, and the words of a sentence written around the article."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_article
from matchers.cognates import cognates
from matchers.normalize import read_wording
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("ceramic", {"ceramique"}, ["ceramique"]),
        ("telescopique", {"telescopic"}, ["telescopic"]),
        ("automatic", {"automatique", "auto"}, ["automatique"]),
        ("rigid", {"rigide"}, ["rigide"]),
        ("battery", {"batterie"}, ["batterie"]),
        ("ventilated", {"ventile"}, ["ventile"]),
        ("ceramic", {"ceramics"}, []),
        ("care", {"car"}, []),
        ("filtered", {"filtre"}, ["filtre"]),
        ("centered", {"centre", "centrer"}, ["centre"]),
        ("planter", {"plantoir", "plante"}, ["plantoir"]),
        ("chloride", {"chlorure", "chlore"}, ["chlorure"]),
        ("fluoride", {"fluorure"}, ["fluorure"]),
        ("oxide", {"oxyde"}, ["oxyde"]),
        ("bactericidal", {"bactericide"}, ["bactericide"]),
        ("sulphate", {"sulfate"}, ["sulfate"]),
        ("sulphuric", {"sulfurique"}, ["sulfurique"]),
        ("hydrochloric", {"chlorhydrique", "chlorique"}, ["chlorhydrique"]),
        ("chlorhydrique", {"hydrochloric"}, ["hydrochloric"]),
        ("hydrofluoric", {"fluorhydrique"}, ["fluorhydrique"]),
    ],
    ids=[
        "ic",
        "ique",
        "ic-among-others",
        "a-final-e",
        "y",
        "ated",
        "no-such-ending",
        "too-short",
        "ered-lab",
        "ered-plumbing",
        "tool-garden",
        "ide-pool",
        "ide-hygiene",
        "oxide-workshop",
        "idal-hygiene",
        "ph-food",
        "ph-and-ending",
        "hydro-acid",
        "hydro-acid-french",
        "hydro-acid-glass",
    ],
)
def test_a_word_with_the_other_languages_ending(word: str, known: set[str], expected: list[str]) -> None:
    assert cognates(word, known) == expected


def test_an_english_learned_word_finds_the_french_designation() -> None:
    index = catalogue_index(
        "Nettoyant plaque vitrocéramique 500 ml", "Nettoyant inox 500 ml", "Nettoyant céramique 500 ml"
    )
    match = match_article(
        make_extracted_line("ceramic cleaner 500 ml", quantity="4"), index, customer_id=None
    )
    assert match.sku == "A3"
    assert match.score >= 0.75


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        (
            "hydrochloric acid 33% 5 L",
            ("Acide chlorhydrique 33 % bidon 5 L", "Acide phosphorique 33 % bidon 5 L", "Acide nitrique 5 L"),
        ),
        ("sodium chloride 25 kg", ("Chlorure de sodium sac 25 kg", "Hydroxyde de sodium sac 25 kg")),
        ("zinc oxide cream 100 ml", ("Crème à l'oxyde de zinc 100 ml", "Crème hydratante 100 ml")),
        ("bulb planter", ("Plantoir à bulbes", "Plante vivace en godet")),
    ],
    ids=["cleaning-acid", "food-salt", "hygiene-cream", "garden-tool"],
)
def test_a_name_of_chemistry_or_of_a_tool_in_the_other_language(wording: str, names: tuple[str, ...]) -> None:
    match = match_article(make_extracted_line(wording), catalogue_index(*names), customer_id=None)
    assert match.candidates[0].key == "A1"


def test_one_side_of_an_article_printed_with_two() -> None:
    index = catalogue_index(
        "Sac kraft à poignées 26 x 32 cm",
        "Sac kraft à poignées 32 x 45 cm",
        "Sac kraft à poignées 45 x 55 cm",
    )
    match = match_article(
        make_extracted_line("sacs kraft poignées de 26 cm", quantity="500"), index, customer_id=None
    )
    assert match.sku == "A1"
    assert match.score >= 0.75


def test_a_side_two_articles_share_stays_a_doubt() -> None:
    index = catalogue_index("Sac kraft à poignées 26 x 32 cm", "Sac kraft à poignées 32 x 45 cm")
    match = match_article(
        make_extracted_line("sacs kraft poignées 32 cm", quantity="500"), index, customer_id=None
    )
    assert match.score < 0.75


@pytest.mark.parametrize("said", ["pointure 42", "P42", "EU 42", "taille 42", "T42"])
def test_a_shoe_size_said_as_the_shops_say_it(said: str) -> None:
    assert "size:42" in read_wording(f"chaussures de randonnée {said}").features


@pytest.mark.parametrize("said", ["P42", "EU 42", "pointure 42", "42"])
def test_a_shoe_size_finds_its_article(said: str) -> None:
    index = catalogue_index(
        *(f"Chaussure de randonnée Trek cuir pointure {size}" for size in (40, 41, 42, 43))
    )
    match = match_article(
        make_extracted_line(f"chaussures rando Trek cuir {said}", quantity="2"), index, customer_id=None
    )
    assert match.sku == "A3"
    assert match.score >= 0.75


def test_an_english_word_french_prints_otherwise_is_read_in_its_english_meaning() -> None:
    index = catalogue_index(
        "Assiette porcelaine blanche Ø27 cm", "Bol porcelaine blanc 50 cl", "Tasse porcelaine blanche 20 cl"
    )
    match = match_article(
        make_extracted_line("white porcelain plates 27 cm", quantity="48"), index, customer_id=None
    )
    assert match.sku == "A1"
    assert match.score >= 0.75


def test_the_same_word_is_the_catalogues_own_where_it_prints_it() -> None:
    index = catalogue_index("Eau minérale plate 1 L", "Eau minérale gazeuse 1 L", "Plaque de cuisson 1 L")
    match = match_article(
        make_extracted_line("eau minérale plate 1 L", quantity="12"), index, customer_id=None
    )
    assert match.sku == "A1"


@pytest.mark.parametrize(
    ("said", "sku"),
    [("porcelain bowls 50 cl", "A2"), ("tasses porcelaine pink 20 cl", "A4")],
    ids=["a-thing", "a-colour"],
)
def test_common_goods_words_in_english(said: str, sku: str) -> None:
    index = catalogue_index(
        "Assiette porcelaine blanche Ø27 cm",
        "Bol porcelaine blanc 50 cl",
        "Tasse porcelaine blanche 20 cl",
        "Tasse porcelaine rose 20 cl",
    )
    match = match_article(make_extracted_line(said, quantity="6"), index, customer_id=None)
    assert match.sku == sku


def _plumbing() -> CatalogIndex:
    return catalogue_index(
        "Robinet d'arrêt laiton 15x21",
        "Robinet d'arrêt laiton 20x27",
        "Flexible inox 15x21 longueur 50 cm",
        "Coude laiton 15x21",
    )


@pytest.mark.parametrize(
    "said",
    [
        "quelques robinets d'arrêt laiton 20x27 comme d'habitude",
        "encore des robinets d'arrêt 20x27 si vous en avez",
        "the brass stop valves in 20x27 we usually get",
        "some more of your 20x27 brass stop valves",
    ],
    ids=["comme-d-habitude", "si-vous-en-avez", "we-usually-get", "some-more-of-your"],
)
def test_the_words_of_a_sentence_around_the_article_do_not_lower_its_match(said: str) -> None:
    match = match_article(make_extracted_line(said, quantity="10"), _plumbing(), customer_id=None)
    assert match.sku == "A2"
    assert match.score >= 0.75


def test_a_word_no_designation_prints_may_be_what_the_article_is() -> None:
    """'coudes PVC' against a catalogue of brass elbows: the word the catalogue lacks may name another
    article, one it does not sell, so the elbow it sells is no sure match."""
    match = match_article(
        make_extracted_line("coudes PVC 15x21", quantity="10"), _plumbing(), customer_id=None
    )
    assert match.score < 0.75


@pytest.mark.parametrize(
    "said",
    [
        "kitchen towel, 6-roll packs",
        "kitchen towel (6 roll pack)",
        "kitchen towel 6-pack",
        "kitchen towel 6 ct",
    ],
)
def test_a_packs_count_with_what_it_counts_between(said: str) -> None:
    assert "pack:6" in read_wording(said).features


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        (
            "Pilot G2 black, fine point (0.5)",
            (
                "Roller gel Pilot G2 0.5 noir - boîte de 12",
                "Roller gel Pilot G2 0.7 noir - boîte de 12",
                "Marqueur permanent Sharpie pointe fine noir - boîte de 12",
            ),
        ),
        (
            "mines graphite HB pointe moyenne (0.7)",
            (
                "Mines graphite HB 0.7 - étui de 12",
                "Mines graphite HB 0.5 - étui de 12",
                "Feutre pointe moyenne",
            ),
        ),
    ],
    ids=["pen-tip", "pencil-lead"],
)
def test_a_tip_said_in_words_and_in_brackets_is_the_figure(wording: str, names: tuple[str, ...]) -> None:
    """The words say the width the bracketed figure says as the catalogue prints it; another article may
    print the words ('Sharpie pointe fine', 'Feutre pointe moyenne')."""
    match = match_article(
        make_extracted_line(wording, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert (match.sku, match.margin >= 0.1) == ("A1", True)
