"""The matching vocabulary file is validated at load, with errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchers.normalize import fold, read_wording, unit_of
from matchers.vocabulary import VOCABULARY_FILE, Vocabulary, WordList, load_vocabulary
from models.errors import ConfigError
from parsers.values.units import normalise_unit, unit_vocabulary


def test_shipped_vocabulary_loads() -> None:
    assert load_vocabulary(VOCABULARY_FILE).abbreviations["ctn"] == "carton"


@pytest.mark.parametrize(
    ("written", "unit"),
    [("ctn", "carton"), ("cs", "carton"), ("rlx", "rouleau"), ("pces", "pce"), ("couronnes", "couronne"),
     ("bags", "sachet"), ("col", "colis"), ("fl", "flacon"), ("Boîte", "boite"), ("stück", "pce"),
     ("bouteilles", "flacon"), ("caisses", "carton"), ("barquettes", "barquette"), ("fûts", "fut"),
     ("reams", "ramette")],
)  # fmt: skip
def test_the_matchers_and_the_readers_read_units_through_one_table(written: str, unit: str) -> None:
    assert normalise_unit(written) == unit
    assert unit_of()[fold(written)] == unit


def test_every_written_unit_means_the_same_to_the_matchers_and_the_readers() -> None:
    for form, unit in unit_vocabulary().lookup().items():
        assert unit_of()[fold(form)] == unit == normalise_unit(form)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[units\n", "not valid TOML"),
        ("[units]\n[abbreviations]\n[stopwords]\n", "Field required"),
    ],
    ids=["broken-toml", "missing-section"],
)
def test_bad_vocabulary_is_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_vocabulary(path)


def test_missing_vocabulary_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_vocabulary(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    ("english", "french"),
    [("elbows", "coude"), ("brass", "laiton"), ("box", "boite"), ("hose", "tuyau|flexible")],
    ids=["a-trade-word-plural", "a-trade-word", "a-general-word", "both-words"],
)
def test_one_table_of_english_words_for_the_matcher_and_the_follow_ups(english: str, french: str) -> None:
    """matchers/data/vocabulary.toml [translations]: the follow-ups read it too (intake/followups/clause.py)."""
    assert load_vocabulary().expand(english) == french


@pytest.mark.parametrize(
    ("wording", "words"),
    [
        ("black lever arch files 80mm", ("noir", "classeur", "levier")),
        ("foam ear plugs", ("mousse", "bouchon", "oreille")),
        ("Classeur à levier dos 80 mm", ("classeur", "levier", "dos")),
        ("ear defenders SNR 35", ("casque", "anti", "bruit", "snr")),
        ("cut resistant gloves level D", ("anti", "coupure", "gant", "niveau", "d")),
        ("disposable vented masks", ("jetable", "ventile", "masque")),
        ("front brake pads", ("avant", "plaquette", "frein")),
        ("Plaquettes de frein AV", ("plaquette", "frein", "avant")),
        ("fall arrest harness with belt", ("antichute", "harnai", "ceinture")),
        ("T-shirt navy", ("te", "shirt", "bleu", "marine")),
        ("Work trousers navy multi-pocket", ("travail", "pantalon", "bleu", "marine", "multipoche")),
        ("AdBlue cans with spout", ("adblue", "bidon", "canette", "bec", "verseur")),
        ("Hand sanitiser 500 ml pump", ("gel", "hydroalcoolique", "pompe", "circulateur")),
    ],
    ids=[
        "phrase-plural",
        "phrase-inside",
        "french-untouched",
        "ppe-phrase",
        "ppe-words",
        "ppe-adjectives",
        "parts-english",
        "parts-abbreviation",
        "ppe-phrases",
        "garment",
        "garment-words",
        "can-and-spout",
        "sanitiser-before-hand",
    ],
)
def test_a_phrase_of_the_trade_is_read_as_one_before_its_words(wording: str, words: tuple[str, ...]) -> None:
    assert read_wording(wording).words == words


@pytest.mark.parametrize(
    ("customer", "catalogue"),
    [
        ("grey box", "Boîte grise"),
        ("serviettes blanches", "Serviette blanche"),
        ("noirs", "noire"),
        ("vitre glace", "vitres glacées"),
    ],
    ids=["english-and-feminine", "feminine-plural", "masculine-plural", "participle-feminine-plural"],
)
def test_an_inflected_form_compares_with_its_plain_one(customer: str, catalogue: str) -> None:
    assert set(read_wording(customer).words) == set(read_wording(catalogue).words)


def test_a_trade_abbreviation_reads_as_the_catalogue_s_words() -> None:
    assert read_wording("PDT sous vide").words == read_wording("pommes de terre sous vide").words
    assert read_wording("LR -35 5L").words == read_wording("liquide de refroidissement -35 5 L").words


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("smoked salmon fillets", "Filet de saumon fumé"),
        ("frozen peas 2.5 kg", "Petits pois surgelés 2,5 kg"),
        ("raspberry jam portions", "Portions confiture framboise"),
        ("ground beef", "Viande hachée bœuf"),
        ("surge protector 3P+N", "Parafoudre 3P+N"),
        ("4-way lever connectors", "Borne de connexion à levier 4 entrées"),
        ("truck brake pads", "Plaquettes de frein poids lourd"),
        ("corded earplugs", "Bouchons d'oreille à cordon"),
        ("stainless steel polish", "Polish inox"),
    ],
    ids=["food-words", "frozen-peas", "jam", "meat-phrase", "electrical-phrase", "count-of-ways",
         "vehicle", "ppe-one-word", "steel-phrase"],
)  # fmt: skip
def test_an_english_buyer_s_words_read_as_the_french_catalogue_s(english: str, french: str) -> None:
    said, printed = read_wording(english), set(read_wording(french).words) | {"portion"}
    meanings = {word: set(group) for group in said.either for word in group}  # 'filet|pave': one word
    assert all(meanings.get(word, {word}) & printed for word in said.words)


def test_an_abbreviation_written_with_a_slash_is_read_as_one_phrase() -> None:
    """'gaine ICTA V/J' is the green and yellow one (the earth's colours), not the letters v and j."""
    assert read_wording("gaine ICTA 20 V/J").words == ("gaine", "icta", "vert", "jaune")


def test_an_english_plural_in_oes_finds_its_singular() -> None:
    vocabulary = Vocabulary(
        abbreviations={},
        stopwords=WordList(),
        company_words=WordList(),
        translations={"torpedo": "torpille", "shoe": "chaussure"},
    )
    assert vocabulary.expand("torpedoes") == "torpille"
    assert vocabulary.expand("shoes") == "chaussure"
