"""Answers counting sizes under our quoted offer of an article in a range of sizes: each size counted is a
line of the article in that size; the row's numbering and price count nothing (invented lab-wear,
footwear and catering wordings)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from intake.followups.sized_answers import sized_answer


def _read(above: str, answer: str) -> list[tuple[str, Decimal]]:
    return [
        (line.description.value, line.quantity.value)
        for line in sized_answer(above, answer, "body", (0, len(answer)))
        if line.description and line.quantity
    ]


@pytest.mark.parametrize(
    ("above", "answer", "lines"),
    [
        (
            "> 1. Blouse de laboratoire coton, S à XL - 24,00 € HT",
            "3 en M, 2 en L",
            [("Blouse de laboratoire coton M", Decimal(3)), ("Blouse de laboratoire coton L", Decimal(2))],
        ),
        (
            "> 2. Kitchen clogs white, sizes from 36 to 46 - 31.50 a pair",
            "4 pairs size 41 and 2 pairs size 43",
            [("Kitchen clogs white size 41", Decimal(4)), ("Kitchen clogs white size 43", Decimal(2))],
        ),
        (
            "> - Gants nitrile jetables, T6 à T10 : 8,90 € la boîte",
            "10 T8",
            [("Gants nitrile jetables T8", Decimal(10))],
        ),
    ],
    ids=["lab-coat-letters-fr", "clogs-numbers-en", "gloves-t-fr"],
)
def test_sizes_counted_under_an_offered_range_are_the_lines(
    above: str, answer: str, lines: list[tuple[str, Decimal]]
) -> None:
    assert _read(above, answer) == lines


@pytest.mark.parametrize(
    ("above", "answer"),
    [
        ("> 1. Blouse de laboratoire coton, S à XL - 24,00 € HT", "3 en 3XL"),
        ("> 3. Helmet winter liner - 6.90 each", "4 in L"),
        ("> 1. Blouse de laboratoire coton, S à XL - 24,00 € HT", "3 en M, et je rappelle demain"),
        ("> 1. Blouse de laboratoire coton, S à XL - 24,00 € HT", "not this time"),
    ],
    ids=["size-outside-range", "no-range-offered", "clause-counting-no-size", "no-count"],
)
def test_an_answer_not_counting_offered_sizes_reads_nothing_here(above: str, answer: str) -> None:
    assert _read(above, answer) == []
