"""A count said for an article, then split among its sizes in clauses of their own."""

from __future__ import annotations

import pytest

from parsers.text.reader import read_lines
from parsers.text.sizes_apart import size_alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We'll take 15 cases of the jumbo rolls and 4 cases of the gloves, 2 medium and 2 large.",
            [("the jumbo rolls", 15), ("the gloves M", 2), ("the gloves L", 2)],
        ),
        (
            "Merci de livrer 5 cartons de blouses, 2 petites et 3 grandes.",
            [("blouses S", 2), ("blouses L", 3)],
        ),
        (
            "Please send 6 boxes of safety goggles, 4 small and 2 extra large.",
            [("safety goggles S", 4), ("safety goggles XL", 2)],
        ),
    ],
    ids=["gloves-en", "blouses-fr", "goggles-en"],
)
def test_sizes_said_after_the_article_counted_split_it(text: str, expected: list[tuple[str, int]]) -> None:
    lines = read_lines(text, part="body")
    assert [
        (ln.description.value, int(ln.quantity.value)) for ln in lines if ln.description and ln.quantity
    ] == expected


def test_sizes_whose_counts_do_not_make_the_article_count_stay_as_read() -> None:
    lines = read_lines("4 cases of the gloves, 2 medium and 3 large", part="body")
    assert [ln.description.value for ln in lines if ln.description] == ["the gloves", "medium", "large"]


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("medium", "M"),
        ("en XL", "XL"),
        ("the large ones", "L"),
        ("grandes", "L"),
        ("gloves", None),
        ("5 L", None),
    ],
)
def test_a_size_alone(text: str, letter: str | None) -> None:
    assert size_alone(text) == letter
