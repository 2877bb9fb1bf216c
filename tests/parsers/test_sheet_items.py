"""A sheet's column of long numbers under a plain word ('Item' over '304296') is the articles' code, and a
works site written above the table with its postcode ('Site' | '..., 69330 Meyzieu') is where the goods go."""

from __future__ import annotations

import pytest

from parsers.documents.sheets import read_sheet
from tests.factories.documents import make_workbook

PART = "attachment:order"
HEAD = ["Item", "Description", "Unit", "Qty", "Unit price"]


@pytest.mark.parametrize(
    "rows",
    [
        [
            ["304296", "Red TPC duct 90, 50 m coil", "coil", 2, 94.5],
            ["906392", "Threaded rod M8, 1 m", "pc", 20, 1.6],
        ],
        [["41022", "Copper elbow 22 mm", "pc", 10, 1.2], ["41028", "Copper elbow 28 mm", "pc", 6, 1.9]],
        [
            ["770145", "Pipette tips 200 µl, rack of 96", "rack", 4, 6.5],
            ["770152", "Nitrile gloves M", "box", 2, 7],
        ],
    ],
    ids=["electrical", "plumbing", "lab-supplies"],
)
def test_long_numbers_one_per_row_under_a_word_are_the_articles_codes(rows) -> None:
    order = read_sheet(make_workbook({"PO": [HEAD, *rows, [None, None, None, "TOTAL", 99]]}), "po.xlsx", PART)
    assert [ln.code.value if ln.code else None for ln in order.lines] == [row[0] for row in rows]


def test_a_number_repeated_on_every_row_is_no_code() -> None:
    rows = [["4471", "Copper elbow 22 mm", "pc", 10, 1.2], ["4471", "Copper elbow 28 mm", "pc", 6, 1.9]]
    order = read_sheet(make_workbook({"PO": [HEAD, *rows]}), "po.xlsx", PART)
    assert all(ln.code is None for ln in order.lines)


@pytest.mark.parametrize(
    ("label", "value", "expected"),
    [
        (
            "Site",
            "Trenching works, ZAC des Gaulnes, 69330 Meyzieu",
            "Trenching works, ZAC des Gaulnes, 69330 Meyzieu",
        ),
        (
            "Chantier",
            "Résidence Les Pins, 4 allée des Cèdres, 33600 Pessac",
            "Résidence Les Pins, 4 allée des Cèdres, 33600 Pessac",
        ),
        ("Site", "www.plomberie-durand.fr", None),
    ],
    ids=["site-en", "chantier-fr", "a-web-site"],
)
def test_a_works_site_above_the_table_with_its_postcode_is_the_ship_to(label, value, expected) -> None:
    head = [["PO number", "BC-2231"], [label, value], []]
    rows = [
        HEAD,
        ["41022", "Copper elbow 22 mm", "pc", 10, 1.2],
        ["41028", "Copper elbow 28 mm", "pc", 6, 1.9],
    ]
    order = read_sheet(make_workbook({"PO": [*head, *rows]}), "po.xlsx", PART)
    assert (order.ship_to.value if order.ship_to else None) == expected
