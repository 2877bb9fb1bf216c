"""English names of goods against a French catalogue: the trade's English words, a phrase naming a tool,
the '-ing' of a verb, and the name everyone gives to tape."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.vocabulary import load_vocabulary
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        (
            "crimping pliers for ferrules",
            ("Pince à sertir pour embouts 0,25-6 mm²", "Embout de câblage 1,5 mm² - boîte de 100"),
        ),
        ("automatic wire stripper", ("Pince à dénuder automatique 0,2-6 mm²", "Fil H07V-U 1,5 mm² bleu")),
        (
            "half masks with A2P3 filters",
            ("Demi-masque réutilisable filtres A2P3", "Paire de filtres A2P3 pour demi-masque"),
        ),
        ("half baguettes", ("Demi-baguette précuite 125 g", "Baguette précuite 250 g")),
        ("goat's cheese logs", ("Bûche de chèvre 1 kg à la pièce", "Fromage blanc 40 % seau 5 kg")),
        ("goat cheese crottins", ("Crottin de chèvre 60 g", "Crottin de brebis 60 g")),
        ("phone headset", ("Casque téléphonique filaire", "Casque audio stéréo")),
        ("dry wipes", ("Lingette sèche 30 x 30 cm", "Lingette humide désinfectante")),
        ("scotch 19 mm", ("Ruban adhésif transparent 19 mm x 33 m", "Colle en bâton 20 g")),
        (
            "cable cleats 7-10 white",
            ("Cavalier à clouer pour câble 7-10 mm blanc", "Cavalier à clouer pour câble 10-14 mm blanc"),
        ),
        ("slug pellets 1 kg", ("Anti-limaces granulés - boîte 1 kg", "Engrais granulés 1 kg")),
        ("bamboo canes 150 cm", ("Tuteur bambou 150 cm - botte de 25", "Tuteur acier plastifié 150 cm")),
        ("rotary sprinklers on a stand", ("Arroseur rotatif sur pied", "Arroseur oscillant")),
        (
            "2-gang flush boxes for drywall",
            ("Boîte d'encastrement cloison sèche 2 postes", "Boîte d'encastrement maçonnerie 2 postes"),
        ),
        (
            "flush box plasterboard 2-gang",
            ("Boîte d'encastrement cloison sèche 2 postes", "Boîte d'encastrement maçonnerie 2 postes"),
        ),
        ("BA13 standard plasterboard", ("Plaque de plâtre BA13 standard", "Plaque de plâtre BA13 hydrofuge")),
        ("wireless mice", ("Souris optique sans fil noire", "Souris optique filaire noire")),
        ("wired mouse", ("Souris optique filaire noire", "Souris optique sans fil noire")),
        ("recycling bin 60 L", ("Poubelle de tri sélectif 60 L", "Corbeille à papier 60 L")),
        ("A5 squared exercise books", ("Cahier A5 96 pages quadrillé", "Bloc-notes A5 quadrillé")),
        ("rotary sprinklers on a stand", ("Arroseur rotatif sur pied", "Arroseur oscillant sur traîneau")),
        ("LED lamp on a stand", ("Lampe LED sur pied noire", "Lampe LED à pince noire")),
        ("salmon fillets 125 g", ("Pavé de saumon 125 g", "Saumon fumé tranché 125 g")),
        ("square plates 24 cm", ("Assiette carrée porcelaine 24 cm", "Assiette ronde porcelaine 24 cm")),
        (
            "square sticky notes yellow",
            ("Notes repositionnables carrées jaunes", "Notes rectangulaires jaunes"),
        ),
        ("square pots 9x9", ("Godet carré 9x9 cm (carton de 1120)", "Pot rond noir 9 cm (carton de 1500)")),
    ],
    ids=[
        "ing-verb",
        "tool-phrase",
        "half-workwear",
        "half-food",
        "goat-cheese-log",
        "goat-cheese-crottin",
        "phone",
        "dry",
        "tape",
        "cleat",
        "garden",
        "stakes",
        "sprinkler",
        "drywall",
        "plasterboard-box",
        "plasterboard",
        "mice",
        "wired",
        "recycling-bin",
        "exercise-book",
        "sprinkler",
        "stand",
        "fillet",
        "square-food",
        "square-office",
        "square-garden",
    ],
)
def test_an_english_name_finds_the_french_designation(wording: str, names: tuple[str, ...]) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A1"


@pytest.mark.parametrize("word", ["sealing", "bolting", "packing"])
def test_the_ing_of_a_word_the_vocabulary_gives_no_french_verb_for_stays_english(word: str) -> None:
    assert load_vocabulary().expand(word) == word
