"""English words read through a general English-French dictionary, kept only when a sense is a word the
catalogue prints; the engine reads as before when the dictionary is not installed."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import matchers.bilingual
from matchers import match_article
from matchers.bilingual import DICTIONARY, headwords, load_dictionary, read_dictionary, translations
from tests.factories.pipeline import catalogue_index, make_extracted_line

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

installed = pytest.mark.skipif(
    not DICTIONARY.with_name(DICTIONARY.name + ".index").exists(),
    reason="dict-freedict-eng-fra not installed",
)


def _b64(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 64)
        digits = _B64[digit] + digits
        if not number:
            return digits


def make_dictd(folder: Path, entries: dict[str, str]) -> Path:
    """A dictionary in dictd's format (index of base-64 offsets, gzip-readable entries) of `entries`."""
    data = b""
    rows = []
    for headword, text in entries.items():
        entry = f"{headword} /ipa/\n{text}\n".encode()
        rows.append(f"{headword}\t{_b64(len(data))}\t{_b64(len(entry))}")
        data += entry
    path = folder / "eng-fra"
    path.with_name("eng-fra.index").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with gzip.open(path.with_name("eng-fra.dict.dz"), "wb") as out:
        out.write(data)
    return path


def test_reads_the_one_word_senses_of_each_headword(tmp_path: Path) -> None:
    path = make_dictd(
        tmp_path,
        {
            "ceiling": "plafond",
            "wheat": "froment",
            "glass": "1. verre\n2. vitre, chambre à coucher",
            "wear down": "roder, user",
        },
    )
    table = load_dictionary(path)
    assert table["ceiling"] == ("plafond",)
    assert table["glass"] == ("verre", "vitre")  # a sense of several words is left out
    assert "wear down" not in table


def test_an_absent_dictionary_reads_as_none(tmp_path: Path) -> None:
    assert load_dictionary(tmp_path / "missing") == {}
    assert read_dictionary("", b"") == {}


@pytest.mark.parametrize(
    ("word", "forms"),
    [("bodie", ["bodie", "body"]), ("boxe", ["boxe", "box"]), ("lid", ["lid"]), ("dishe", ["dishe", "dish"])],
    ids=["ies", "xes", "singular", "shes"],
)
def test_headwords_of_a_folded_plural(word: str, forms: list[str]) -> None:
    assert headwords(word) == forms


def test_only_senses_the_catalogue_prints_are_kept() -> None:
    dictionary = {"roller": ("cylindre", "rouleau"), "tray": ("plateau",)}
    known = {"rouleau": 0, "peinture": 1}
    assert translations("roller", known, lambda sense: (sense,), dictionary) == ["rouleau"]
    assert translations("tray", known, lambda sense: (sense,), dictionary) == []


@installed
@pytest.mark.parametrize(
    ("wording", "names"),
    [
        # 'ceiling' is no word of the vocabulary: the dictionary's 'plafond' is one of the catalogue's.
        ("ceiling paint white 10 L", ("Peinture plafond blanc mat 10 L", "Peinture façade blanc 10 L")),
        # The vocabulary says 'wheat' is 'blé', which this catalogue does not print; the dictionary's
        # 'froment' it does.
        ("wheat flour 1 kg", ("Farine de froment T55 1 kg", "Farine de seigle T130 1 kg")),
        ("laptop bodies 15 inch", ("Corps de portable aluminium 15 pouces", "Écran de portable 15 pouces")),
    ],
    ids=["ceiling", "wheat", "bodies"],
)
def test_english_words_read_in_the_catalogues_words(wording: str, names: tuple[str, ...]) -> None:
    found = match_article(make_extracted_line(wording), catalogue_index(*names), customer_id=None)
    assert found.candidates[0].key == "A1"
    assert found.candidates[0].score > found.candidates[1].score


@installed
def test_no_sense_of_a_word_said_after_a_negation_is_wanted() -> None:
    # 'bottles' is read 'bouteille' by the dictionary: after 'not' it names the twin not wanted.
    index = catalogue_index("Jus de pomme brique 1 L carton de 6", "Jus de pomme bouteille 1 L carton de 6")
    line = make_extracted_line("apple juice, the 1 L cartons not the glass bottles")
    found = match_article(line, index, customer_id=None).candidates
    assert found[0].key != "A2" or found[0].score == pytest.approx(found[1].score)


@installed
def test_the_engine_reads_without_the_dictionary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    index = catalogue_index("Peinture plafond blanc mat 10 L", "Peinture façade blanc 10 L")
    line = make_extracted_line("ceiling paint white 10 L")
    with_it = match_article(line, index, customer_id=None).candidates
    monkeypatch.setattr(matchers.bilingual, "load_dictionary", lambda: load_dictionary(tmp_path / "none"))
    without = match_article(line, index, customer_id=None).candidates
    assert without  # the line is still read and scored
    assert with_it[0].score > without[0].score
    assert with_it[0].score - with_it[1].score > without[0].score - without[1].score
