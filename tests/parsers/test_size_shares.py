from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.text.reader import read_lines


def _read(text: str) -> list[tuple[str, Decimal]]:
    return [
        (ln.description.value, ln.quantity.value)
        for ln in read_lines(text, part="body")
        if ln.description and ln.quantity
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "we need twelve hi-vis parkas in yellow, six in L and six in XL, and 6 lifejackets 150N.",
            [("hi-vis parkas in yellow L", 6), ("hi-vis parkas in yellow XL", 6), ("lifejackets 150N", 6)],
        ),
        (
            "il nous faut dix blouses blanches, 4 en M et 6 en L, et 2 paires de sabots.",
            [("blouses blanches M", 4), ("blouses blanches L", 6), ("sabots", 2)],
        ),
        (
            "Could you send 20 lab coats, 5 in S, 10 in M and 5 in L, plus 3 boxes of nitrile gloves.",
            [("lab coats S", 5), ("lab coats M", 10), ("lab coats L", 5), ("nitrile gloves", 3)],
        ),
    ],
    ids=["en", "fr", "three-sizes"],
)
def test_a_count_shared_among_sizes_gives_a_line_per_size(text: str, expected: list) -> None:
    assert _read(text) == [(name, Decimal(count)) for name, count in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The shares do not add up: the item stays as written, for a clerk.
        (
            "we need 12 hi-vis parkas in yellow, 6 in L and 4 in XL, and 4 hard hats.",
            [("hi-vis parkas in yellow", 12), ("hard hats", 4)],
        ),
        # The item names its size: the next are variants of it, counted on top.
        (
            "il nous faut 10 gilets jaunes en L, 5 en XL et 2 casques.",
            [("gilets jaunes en L", 10), ("gilets jaunes en XL", 5), ("casques", 2)],
        ),
    ],
    ids=["not-adding-up", "sized-item"],
)
def test_counts_after_an_item_that_share_nothing_out(text: str, expected: list) -> None:
    assert _read(text) == [(name, Decimal(count)) for name, count in expected]
