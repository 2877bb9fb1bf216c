"""Quantities split by size: pairs on a designation's line, and size grids (parsers/text/sizes.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers.normalize import read_wording
from parsers.text.reader import read_lines
from parsers.text.sizes import read_size_header, read_size_split


def _read(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [
        (line.description.value, line.quantity.value, line.unit.value if line.unit else None)
        for line in read_lines(text, part="body")
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("gants soudeur T9 x 6, T10 x 4", [("gants soudeur T9", 6), ("gants soudeur T10", 4)]),
        ("blouses : 2 en 38, 3 en 40 et 1 en 42", [("blouses 38", 2), ("blouses 40", 3), ("blouses 42", 1)]),
        (
            "- polo marine tailles : 2 M, 3 L, 1 XL",
            [("polo marine M", 2), ("polo marine L", 3), ("polo marine XL", 1)],
        ),
        ("Tablier : S x 3, M x 5 et XL x 2", [("Tablier S", 3), ("Tablier M", 5), ("Tablier XL", 2)]),
    ],
    ids=["size-x-count", "count-en-size", "labelled-letters", "letters-x-count"],
)
def test_a_line_of_sizes_gives_a_line_per_size(line, expected):
    found = read_size_split(line, part="body", start=0)
    assert [(x.description.value, x.quantity.value) for x in found] == [(d, Decimal(q)) for d, q in expected]


@pytest.mark.parametrize(
    "line",
    ["câble souple 2 m, 3 m", "vis 4x40, 5x60", "gants T9 x 6", "gobelets 20 cl x 50, 25 cl x 20"],
    ids=["metres", "dimensions", "one-size", "volumes"],
)
def test_lengths_dimensions_and_a_single_size_are_no_split(line):
    assert read_size_split(line, part="body", start=0) is None


def test_sizes_alone_under_a_designation_take_its_name():
    text = "Bonjour,\n\nChemise oxford bleue\ntailles : 2 M, 1 XL\n"
    assert _read(text) == [("Chemise oxford bleue M", 2, None), ("Chemise oxford bleue XL", 1, None)]


def test_units_written_with_the_pairs_are_kept():
    assert _read("bottes PVC : 2 paires en 41, 1 paire en 43\n") == [
        ("bottes PVC 41", 2, "paire"),
        ("bottes PVC 43", 1, "paire"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Article\tS\tM\tL\tXL\nPolo marine\t\t2\t4\t\nGilet gris\t1\t\t3\t2\n",
        "Article | S | M | L | XL\nPolo marine | | 2 | 4 |\nGilet gris | 1 | - | 3 | 2\n",
        "               S    M    L    XL\nPolo marine    -    2    4    -\nGilet gris     1    -    3    2\n",
    ],
    ids=["tabs", "pipes", "spaces"],
)
def test_a_size_grid_gives_a_line_per_filled_cell(text):
    assert _read(text) == [
        ("Polo marine M", 2, None),
        ("Polo marine L", 4, None),
        ("Gilet gris S", 1, None),
        ("Gilet gris L", 3, None),
        ("Gilet gris XL", 2, None),
    ]


def test_a_grid_row_after_a_blank_line_still_belongs_to_it():
    text = "Modèle\t40\t41\t42\nBotte S5\t1\t2\t\n\nSabot blanc\t\t1\t1\n\nMerci\n"
    assert [(d, q) for d, q, _ in _read(text)] == [
        ("Botte S5 40", 1),
        ("Botte S5 41", 2),
        ("Sabot blanc 41", 1),
        ("Sabot blanc 42", 1),
    ]


@pytest.mark.parametrize(
    "line",
    ["Réf | Désignation | Qté", "Total 12 15", "Code\t10\t200", "Prix\tM\tL"],
    ids=["line-table", "numbers", "not-rising", "units-only"],
)
def test_a_header_of_other_columns_opens_no_grid(line):
    assert read_size_header(line) is None


def test_xxl_and_2xl_are_one_size():
    assert (
        read_wording("polaire noire XXL").features == read_wording("veste polaire noir taille 2XL").features
    )
