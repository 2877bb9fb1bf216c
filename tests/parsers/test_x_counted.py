"""Items named then counted with an x, joined in one sentence, are read one by one: the words asking
for them and the joins are no part of their names (invented plumbing, stationery and lab wordings)."""

from __future__ import annotations

import pytest

from parsers.text.free_line import read_free


def _read(sentence: str) -> list[tuple[str, int]]:
    found = read_free(sentence, part="body", start=0, codes=None)
    return [
        (line.description.value, int(line.quantity.value))
        for line in found
        if line.description and line.quantity
    ]


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        (
            "On prend les coudes cuivre à souder x 20 et les manchons laiton x 10.",
            [("coudes cuivre à souder", 20), ("manchons laiton", 10)],
        ),
        (
            "We'll take the yellow highlighters x 12 and the A4 refill pads x 6, thanks.",
            [("yellow highlighters", 12), ("A4 refill pads", 6)],
        ),
        (
            "Nous prenons les pipettes graduées 3 mL x 5, les portoirs x 2 et les gants nitrile M x 4.",
            [("pipettes graduées 3 mL", 5), ("portoirs", 2), ("gants nitrile M", 4)],
        ),
    ],
    ids=["plumbing-fr", "stationery-en", "lab-three-fr"],
)
def test_items_named_then_counted_with_an_x_are_read_one_by_one(
    sentence: str, items: list[tuple[str, int]]
) -> None:
    assert _read(sentence) == items


@pytest.mark.parametrize(
    "sentence",
    ["Tube cuivre 16 x 20 et raccords", "Carton 4 x 2,5 kg et sacs x 3"],
    ids=["dimension", "decimal"],
)
def test_a_dimension_or_a_decimal_after_an_x_counts_no_item(sentence: str) -> None:
    assert len(_read(sentence)) <= 1


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        (
            "Hello, please send: 4 x copper elbows 22 mm, 6 x brass couplers and 1 x 3/4 inch ball valve. Thanks.",
            [("copper elbows 22 mm", 4), ("brass couplers", 6), ("3/4 inch ball valve", 1)],
        ),
        (
            "Merci d'envoyer 4 x pipettes graduées 10 mL, 2 x portoirs et 1 x 3 litres de tampon.",
            [("pipettes graduées 10 mL", 4), ("portoirs", 2), ("3 litres de tampon", 1)],
        ),
    ],
    ids=["plumbing-en", "lab-fr"],
)
def test_items_counted_first_with_an_x_in_a_sentence_are_read_one_by_one(
    sentence: str, items: list[tuple[str, int]]
) -> None:
    assert _read(sentence) == items


def test_a_dimension_inside_a_name_opens_no_item() -> None:
    assert len(_read("Merci d'envoyer 4 x gaines 20 x 100 et la facture.")) <= 1


class _Book:
    """A catalogue that knows two codes."""

    def knows_code(self, token: str) -> bool:
        return token in {"3760123456786", "PNT-W-2L5"}


@pytest.mark.parametrize(
    ("line", "item", "code"),
    [
        (
            "pots de peinture blanche 2,5 L x 6 (EAN 3760123456786)",
            ("pots de peinture blanche 2,5 L", 6),
            "3760123456786",
        ),
        ("white paint tins 2.5 L x 6 (ref. PNT-W-2L5)", ("white paint tins 2.5 L", 6), "PNT-W-2L5"),
    ],
    ids=["ean-fr", "ref-en"],
)
def test_a_known_code_in_brackets_closing_a_counted_line_is_its_code(
    line: str, item: tuple[str, int], code: str
) -> None:
    (found,) = read_free(line, part="body", start=0, codes=_Book())
    assert (found.description.value, int(found.quantity.value)) == item
    assert found.code is not None and found.code.value == code


def test_an_unknown_code_in_brackets_reads_no_line_from_its_figures() -> None:
    found = read_free("pots de peinture blanche x 6 (EAN 3760999999999)", part="body", start=0, codes=_Book())
    assert all(line.code is None or line.code.value != "3760999999999" for line in found)


def test_an_article_after_the_adding_words_counts_the_one_item_added() -> None:
    said = "Il nous faut douze balais, douze raclettes, plus un chariot de ménage (pas besoin de presse)."
    assert _read(said) == [("balais", 12), ("raclettes", 12), ("chariot de ménage (pas besoin de presse)", 1)]
