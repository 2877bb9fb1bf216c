"""A grid of counts under a header over two rows (parsers/text/count_grid.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.mail.html import html_to_text
from parsers.text.tables import read_table

_HEAD = (
    "<tr><th rowspan=2>Site</th><th colspan=3>Polo piqué (pièces)</th><th colspan=2>Parka hiver</th></tr>"
    "<tr><th>S</th><th>M</th><th>L</th><th>Marine</th><th>Noir</th></tr>"
)


def _read(rows: str) -> list[tuple[str, Decimal]]:
    (table,) = html_to_text(f"<table>{_HEAD}{rows}</table>").tables
    return [(ln.description.value, ln.quantity.value) for ln in read_table(table, part="html")]


def test_each_count_under_a_group_heading_is_a_line_named_by_both_headings_and_the_row() -> None:
    rows = (
        "<tr><td>Entrepôt Nord</td><td>4</td><td></td><td>2</td><td>1</td><td></td></tr>"
        "<tr><td>Agence Sud</td><td></td><td>3</td><td>-</td><td></td><td>2</td></tr>"
        "<tr><td>Total</td><td>4</td><td>3</td><td>2</td><td>1</td><td>2</td></tr>"
    )
    assert _read(rows) == [
        ("Polo piqué (pièces) S - Entrepôt Nord", Decimal(4)),
        ("Polo piqué (pièces) L - Entrepôt Nord", Decimal(2)),
        ("Parka hiver Marine - Entrepôt Nord", Decimal(1)),
        ("Polo piqué (pièces) M - Agence Sud", Decimal(3)),
        ("Parka hiver Noir - Agence Sud", Decimal(2)),
    ]


def test_a_cell_of_words_or_a_price_among_the_counts_makes_no_grid() -> None:
    assert (
        _read("<tr><td>Entrepôt Nord</td><td>4</td><td>12,50 €</td><td></td><td>1</td><td></td></tr>") == []
    )
    assert _read("<tr><td>Agence Sud</td><td>2</td><td>à voir</td><td></td><td></td><td></td></tr>") == []


def test_a_header_over_one_row_is_no_grid_of_counts() -> None:
    html = (
        "<table><tr><th>Site</th><th>Polo S</th><th>Polo M</th></tr>"
        "<tr><td>Entrepôt Nord</td><td>4</td><td>2</td></tr></table>"
    )
    (table,) = html_to_text(html).tables
    assert read_table(table, part="html") == []


def _grid(html: str) -> list[tuple[str, Decimal, str | None]]:
    (table,) = html_to_text(f"<table>{html}</table>").tables
    return [
        (ln.description.value, ln.quantity.value, ln.unit.value if ln.unit else None)
        for ln in read_table(table, part="html")
    ]


def test_columns_of_measures_complete_each_rows_article() -> None:
    html = (
        "<tr><th rowspan=2>Tube cuivre (cartons)</th><th colspan=3>Diamètre</th></tr>"
        "<tr><th>12 mm</th><th>16 mm</th><th>22 mm</th></tr>"
        "<tr><td>Tube écroui 4 m</td><td>10</td><td></td><td>6</td></tr>"
        "<tr><td>Tube recuit 2 m</td><td></td><td>4</td><td>-</td></tr>"
    )
    assert _grid(html) == [
        ("Tube écroui 4 m 12 mm", Decimal(10), "carton"),
        ("Tube écroui 4 m 22 mm", Decimal(6), "carton"),
        ("Tube recuit 2 m 16 mm", Decimal(4), "carton"),
    ]


def test_sizes_under_a_size_heading_complete_each_rows_article() -> None:
    html = (
        "<tr><th rowspan=2>Article</th><th colspan=3>Size</th></tr>"
        "<tr><th>S</th><th>M</th><th>L</th></tr>"
        "<tr><td>Lab coat white</td><td>2</td><td>4</td><td></td></tr>"
    )
    assert _grid(html) == [("Lab coat white S", Decimal(2), None), ("Lab coat white M", Decimal(4), None)]


def test_columns_of_years_or_mixed_measures_are_no_variants() -> None:
    years = (
        "<tr><th rowspan=2>Article</th><th colspan=2>Volume</th></tr>"
        "<tr><th>2025</th><th>2026</th></tr>"
        "<tr><td>Copy paper A4</td><td>40</td><td>44</td></tr>"
    )
    mixed = (
        "<tr><th rowspan=2>Article</th><th colspan=2>Format</th></tr>"
        "<tr><th>250 ml</th><th>2 m</th></tr>"
        "<tr><td>Wash bottle</td><td>4</td><td>2</td></tr>"
    )
    assert _grid(years) == [] and _grid(mixed) == []


_SHELVES = (
    "<tr><th rowspan=2>Bureau</th><th colspan=2>Étagère acier H 1800</th><th colspan=2>Accessoires</th></tr>"
    "<tr><th>L 800</th><th>L 1000</th><th>Porte-étiquette</th><th>Séparateur 40 cm</th></tr>"
    "<tr><td>Étage 2 - bureau 14</td><td>1</td><td></td><td>6</td><td>2</td></tr>"
    "<tr><td>Étage 3 - bureau 7</td><td></td><td>2</td><td></td><td>-</td></tr>"
)
_CABLES = (
    "<tr><th rowspan=2>Cable</th><th colspan=3>Connector</th></tr>"
    "<tr><th>Type C 3.1</th><th>Type C 2.0</th><th>Lightning</th></tr>"
    "<tr><td>USB cable 1 m</td><td></td><td>10</td><td></td></tr>"
    "<tr><td>USB cable 2 m</td><td>6</td><td></td><td>4</td></tr>"
)
_WATERS = (
    "<tr><th rowspan=2>Bottle</th><th colspan=2>Cartons of 12</th></tr>"
    "<tr><th>Still</th><th>Sparkling</th></tr>"
    "<tr><td>Mineral water 50 cl</td><td>4</td><td></td></tr>"
    "<tr><td>Mineral water 1 L</td><td>2</td><td>3</td></tr>"
)


@pytest.mark.parametrize(
    ("html", "lines"),
    [
        (
            _SHELVES,
            [
                ("Étagère acier H 1800 L 800", 1, None),
                ("Porte-étiquette", 6, None),
                ("Séparateur 40 cm", 2, None),
                ("Étagère acier H 1800 L 1000", 2, None),
            ],
        ),
        (
            _CABLES,
            [
                ("USB cable 1 m Connector Type C 2.0", 10, None),
                ("USB cable 2 m Connector Type C 3.1", 6, None),
                ("USB cable 2 m Connector Lightning", 4, None),
            ],
        ),
        (
            _WATERS,
            [
                ("Mineral water 50 cl Still", 4, "carton"),
                ("Mineral water 1 L Still", 2, "carton"),
                ("Mineral water 1 L Sparkling", 3, "carton"),
            ],
        ),
    ],
    ids=[
        "designation-over-measures-rows-are-sites",
        "dimension-over-named-variants",
        "pack-over-named-variants",
    ],
)
def test_a_header_with_figures_names_each_filled_cells_article(
    html: str, lines: list[tuple[str, int, str | None]]
) -> None:
    assert _grid(html) == [(words, Decimal(count), unit) for words, count, unit in lines]
