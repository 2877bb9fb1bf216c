"""Written numbers, word quantities and units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.values.numbers import normalise_unit, parse_number, unit_kind, unit_vocabulary, word_quantity


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
    ],
    ids=["deux", "douze", "une", "douzaine", "vingtaine", "three", "not-a-number"],
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
        ("gobelets", None),
    ],
)
def test_normalise_unit(text: str, expected: str | None) -> None:
    assert normalise_unit(text) == expected


def test_unit_vocabulary_kinds() -> None:
    vocab = unit_vocabulary()
    assert unit_kind("carton") == "count"
    assert unit_kind("cl") == "measure"
    assert {"pce", "boite", "carton", "rouleau"} <= set(vocab.units)
