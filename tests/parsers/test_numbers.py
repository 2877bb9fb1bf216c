"""Written numbers, word quantities and units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.values.numbers import parse_number, split_quantity, without_spelled_count, word_quantity
from parsers.values.units import normalise_unit, unit_kind, unit_vocabulary
from review_ui.edits import parse_number as parse_typed_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", Decimal(12)),
        ("1 200", Decimal(1200)),
        ("1\u00a0200", Decimal(1200)),
        ("1\u202f200", Decimal(1200)),
        ("1.500", Decimal(1500)),
        ("2,5", Decimal("2.5")),
        ("12,50", Decimal("12.5")),
        ("1 500,000", Decimal(1500)),
        ("10,000", Decimal(10)),
        ("1.250,00", Decimal(1250)),
        ("1,250.50", Decimal("1250.50")),
        ("abc", None),
        ("", None),
    ],
    ids=[
        "int",
        "space",
        "nbsp",
        "nnbsp",
        "dot-thousands",
        "decimal-comma",
        "price",
        "sap",
        "sap-small",
        "fr-amount",
        "en-amount",
        "word",
        "empty",
    ],
)
def test_parse_number(text: str, expected: Decimal | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deux", (Decimal(2), False)),
        ("douze", (Decimal(12), False)),
        ("une", (Decimal(1), False)),
        ("une douzaine", (Decimal(12), True)),
        ("une vingtaine", (Decimal(20), True)),
        ("three", (Decimal(3), False)),
        ("carton", None),
        ("two dozen", (Decimal(24), False)),
        ("3 dozen", (Decimal(36), False)),
        ("deux douzaines de", (Decimal(24), True)),
        ("1 dozen", (Decimal(12), False)),
        ("2 doz.", (Decimal(24), False)),
        ("eighteen", (Decimal(18), False)),
        ("dix-huit", (Decimal(18), False)),
        ("quarante", (Decimal(40), False)),
    ],
    ids=[
        "deux",
        "douze",
        "une",
        "douzaine",
        "vingtaine",
        "three",
        "not-a-number",
        "two-dozen",
        "3-dozen",
        "douzaines",
        "one-dozen-in-figures",
        "doz-cut-short",
        "eighteen",
        "dix-huit",
        "quarante",
    ],
)
def test_word_quantity(text: str, expected) -> None:
    assert word_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pce", "pce"),
        ("pces", "pce"),
        ("p.", "pce"),
        ("u.", "pce"),
        ("unité", "pce"),
        ("pcs", "pce"),
        ("bte", "boite"),
        ("bt", "boite"),
        ("Btes", "boite"),
        ("ctn", "carton"),
        ("cart.", "carton"),
        ("crt", "carton"),
        ("rlx", "rouleau"),
        ("rl", "rouleau"),
        ("pqt", "paquet"),
        ("sach.", "sachet"),
        ("pal.", "palette"),
        ("kg", "kg"),
        ("ml", "ml"),
        ("rolls", "rouleau"),
        ("couronnes", "couronne"),
        ("bags", "sachet"),
        ("gobelets", None),
        # A unit word cut short by a dot names the one unit it begins: a coil, a tray, a can, a drum.
        ("jx", "jeu"),
        ("cour.", "couronne"),
        ("barq.", "barquette"),
        ("bid.", "bidon"),
        ("Rou.", "rouleau"),
        # Too short, or the beginning of several units' words ('car.': a carton or a cartridge), or of none.
        ("co.", None),
        ("car.", None),
        ("env.", None),
        ("cour", None),
        ("bouteil.", "flacon"),
        ("rou.", "rouleau"),
        ("prof.", None),
        # A bundle is a pack tied together, in any trade: pipes, stakes, hangers.
        ("bundle", "paquet"),
        ("bundles", "paquet"),
    ],
)
def test_normalise_unit(text: str, expected: str | None) -> None:
    assert normalise_unit(text) == expected


def test_unit_vocabulary_kinds() -> None:
    vocab = unit_vocabulary()
    assert unit_kind("carton") == "count"
    assert unit_kind("cl") == "measure"
    assert {"pce", "boite", "carton", "rouleau"} <= set(vocab.units)


# Inputs the body reader, the document readers and the clerk's form once read
# differently; they now share one parser and must agree.
AGREED = {
    "zero-point": ("0.500", Decimal("0.5")),
    "dot-thousands": ("1.500", Decimal(1500)),
    "currency": ("12 €", Decimal(12)),
    "negative": ("-3", Decimal(-3)),
    "decimal-comma": ("2,5", Decimal("2.5")),
    "grouped": ("1 200,50", Decimal("1200.5")),
    "two-marks": ("1.250,00", Decimal(1250)),
    "four-digits": ("1234.567", Decimal("1234.567")),
    "swiss": ("1'000", Decimal(1000)),
}


@pytest.mark.parametrize(("text", "expected"), AGREED.values(), ids=AGREED.keys())
def test_every_reader_agrees_on_a_number(text: str, expected: Decimal) -> None:
    assert (parse_number(text), parse_typed_number(text)) == (expected, expected)


@pytest.mark.parametrize("text", ["1,2,3", "12.34.5", "douze", "-", "1-2"], ids=str)
def test_what_is_not_one_number_is_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "comma", "expected"),
    [
        ("1 234,50", True, "1234.50"),
        ("1\u202f234,50 €", True, "1234.50"),
        ("1.234,50", True, "1234.50"),
        ("1,234.50", False, "1234.50"),
        ("1.500", True, "1500"),
        ("1,500", False, "1500"),
        ("2,5", True, "2.5"),
        ("0.125", True, "0.125"),
        ("12", True, "12"),
        ("EUR 33,40", True, "33.40"),
        ("abc", True, None),
        ("", True, None),
    ],
)
def test_parse_number_as_documents_print_it(text: str, comma: bool, expected: str | None) -> None:
    assert parse_number(text, decimal_comma=comma) == (Decimal(expected) if expected else None)


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [("1 200 pces", "1200", "pces"), ("2,5 kg", "2.5", "kg"), ("12", "12", ""), ("ctn", None, "ctn")],
)
def test_split_quantity(text: str, quantity: str | None, unit: str) -> None:
    assert split_quantity(text) == (Decimal(quantity) if quantity else None, unit)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12 (douze)", "12"),
        ("4 sacs (quatre)", "4 sacs"),
        ("twenty (20)", "20"),
        ("12 (dix)", "12 (dix)"),
        ("6 (urgent)", "6 (urgent)"),
        ("8", "8"),
    ],
    ids=lambda value: str(value),
)
def test_a_count_spelled_again_in_words_is_the_count_alone(cell: str, expected: str) -> None:
    assert without_spelled_count(cell) == expected
