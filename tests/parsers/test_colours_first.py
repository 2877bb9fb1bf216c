"""Colours listed after an article's name and a colon, each written before its count ('Adagio colour paper
A4: yellow 2 reams, blue 2 reams'): that article in each colour."""

from __future__ import annotations

import pytest

from parsers.text.reader import read_lines


def _read(text: str) -> list[tuple[str, int, str | None]]:
    return [
        (
            line.description.value if line.description else "",
            int(line.quantity.value) if line.quantity else 0,
            line.unit.value if line.unit else None,
        )
        for line in read_lines(text, part="body")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hi,\nColour card A4 160g: yellow 2 packs, blue 2 packs, pink 1 pack\nGlue sticks x 10\n",
            [
                ("Colour card A4 160g yellow", 2, "paquet"),
                ("Colour card A4 160g blue", 2, "paquet"),
                ("Colour card A4 160g pink", 1, "paquet"),
                ("Glue sticks", 10, None),
            ],
        ),
        (
            "Gants nitrile M : bleus 2 boîtes et noirs 3 boîtes.\n",
            [("Gants nitrile M bleus", 2, "boite"), ("Gants nitrile M noirs", 3, "boite")],
        ),
        (
            "Sacs poubelle 50 L : noirs 10 rouleaux, bleus 5 rouleaux\n",
            [("Sacs poubelle 50 L noirs", 10, "rouleau"), ("Sacs poubelle 50 L bleus", 5, "rouleau")],
        ),
    ],
    ids=["stationery-en", "gloves-fr", "hygiene-fr"],
)
def test_each_colour_before_its_count_is_the_named_article_in_that_colour(
    text: str, expected: list[tuple[str, int, str | None]]
) -> None:
    assert _read(text) == expected
