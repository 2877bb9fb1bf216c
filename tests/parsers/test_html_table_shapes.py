"""HTML tables as customers lay them out: columns of their own beside the article's, headings qualified
before their naming word, no header row at all."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models import ParsedMessage
from parsers.mail.html import html_to_text
from parsers.text.reader import extract_from_text, read_lines


def _table(rows: list[list[str]], head: list[str] | None = None) -> str:
    header = "<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>" if head else ""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<p>Bonjour, merci de livrer :</p><table>{header}{body}</table><p>Cordialement</p>"


def _read(html: str) -> list[tuple[str | None, str | None, Decimal]]:
    rendered = html_to_text(html)
    parsed = ParsedMessage(message_id="<t@x>", text=rendered.text, tables=rendered.tables)
    order = extract_from_text(parsed, codes=None, by_model=False)
    return [
        (
            ln.code.value if ln.code else None,
            ln.description.value if ln.description else None,
            ln.quantity.value,
        )
        for ln in order.lines
    ]


@pytest.mark.parametrize(
    ("head", "rows"),
    [
        (
            ["Étage", "Pièce", "Désignation", "Qté"],
            [
                ["R+1", "Salle A", "Peinture acrylique 10 L", "3"],
                ["R+2", "Salle B", "Rouleau laqueur 180 mm", "6"],
            ],
        ),
        (
            ["Site", "Floor", "Item", "Qty"],
            [["Lyon", "1st", "Peinture acrylique 10 L", "3"], ["Lyon", "2nd", "Rouleau laqueur 180 mm", "6"]],
        ),
        (
            ["Pos", "Zone", "Usage", "Article", "Qté", "Obs."],
            [
                ["1", "Hall", "murs", "Peinture acrylique 10 L", "3", ""],
                ["2", "Cour", "portes", "Rouleau laqueur 180 mm", "6", "urgent"],
            ],
        ),
    ],
    ids=["fr-floor-room", "en-site-floor", "fr-position-zone-use-remark"],
)
def test_the_customers_own_columns_beside_the_named_ones_leave_the_designation_alone(head, rows) -> None:
    assert [(d, q) for _, d, q in _read(_table(rows, head))] == [
        ("Peinture acrylique 10 L", Decimal(3)),
        ("Rouleau laqueur 180 mm", Decimal(6)),
    ]


def test_a_sentence_split_by_spaces_is_no_header() -> None:
    assert read_lines("Merci  de livrer  la quantité  demandée  au dépôt", part="body") == []


def test_headings_qualified_before_their_naming_word_name_the_column() -> None:
    head = ["Our code", "Product name", "Requested quantity"]
    found = _read(
        _table([["PT-10", "Acrylic white paint 10 L", "3"], ["RL-18", "Gloss roller 180 mm", "6"]], head)
    )
    assert found == [
        ("PT-10", "Acrylic white paint 10 L", Decimal(3)),
        ("RL-18", "Gloss roller 180 mm", Decimal(6)),
    ]


def test_a_table_without_headings_is_read_by_what_its_columns_hold() -> None:
    found = _read(
        _table([["PT-10", "Peinture acrylique 10 L", "3"], ["RL-18", "Rouleau laqueur 180 mm", "6"]])
    )
    assert found == [
        ("PT-10", "Peinture acrylique 10 L", Decimal(3)),
        ("RL-18", "Rouleau laqueur 180 mm", Decimal(6)),
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "<tr><th colspan=2>Item</th><th rowspan=2>Qty</th></tr><tr><th>No.</th><th>Description</th></tr>",
            [("PT-10", "Acrylic paint 10 L", Decimal(3)), ("RL-18", "Gloss roller 180 mm", Decimal(6))],
        ),
        (
            "<tr><th colspan=2>Article</th><th rowspan=2>Quantité</th></tr><tr><th>N°</th><th>Libellé</th></tr>",
            [("PT-10", "Acrylic paint 10 L", Decimal(3)), ("RL-18", "Gloss roller 180 mm", Decimal(6))],
        ),
        (
            "<tr><th rowspan=2>Réf.</th><th rowspan=2>Désignation</th><th colspan=2>Quantité</th></tr>"
            "<tr><th>Cdée</th><th>Livrée</th></tr>",
            [("PT-10", "Acrylic paint 10 L", Decimal(3)), ("RL-18", "Gloss roller 180 mm", Decimal(6))],
        ),
    ],
    ids=["en-item-over-no", "fr-article-over-n", "fr-quantity-over-ordered-and-delivered"],
)
def test_a_header_over_two_rows_reads_each_heading_with_the_group_above_it(head: str, expected) -> None:
    rows = "".join(
        f"<tr><td>{code}</td><td>{name}</td><td>{qty}</td><td></td></tr>"
        for code, name, qty in (("PT-10", "Acrylic paint 10 L", 3), ("RL-18", "Gloss roller 180 mm", 6))
    )
    assert _read(f"<p>Hello, please supply:</p><table>{head}{rows}</table><p>Thanks</p>") == expected


def test_a_designation_merged_across_the_code_column_is_the_designation() -> None:
    html = (
        "<table><tr><th>Réf.</th><th>Désignation</th><th>Qté</th></tr>"
        "<tr><td colspan=2>Enduit de rebouchage 5 kg</td><td>4</td></tr>"
        "<tr><td>RL-18</td><td>Rouleau laqueur 180 mm</td><td>6</td></tr></table>"
    )
    assert _read(html) == [
        (None, "Enduit de rebouchage 5 kg", Decimal(4)),
        ("RL-18", "Rouleau laqueur 180 mm", Decimal(6)),
    ]


def test_a_count_of_packs_in_the_quantity_cell_is_the_count_in_that_pack() -> None:
    html = (
        "<table><tr><th>Réf.</th><th>Désignation</th><th>Qté</th></tr>"
        "<tr><td>CH-08</td><td>Cheville nylon 8 mm</td><td>3 boîtes de 100</td></tr>"
        "<tr><td>GA-20</td><td>Gaine ICTA 20</td><td>1 couronne de 50 m</td></tr>"
        "<tr><td>VI-45</td><td>Vis agglo 4x45</td><td>2 x 5 L</td></tr></table>"
    )
    lines = read_lines(html_to_text(html).text, part="html")
    assert [
        (ln.code.value, ln.quantity.value, ln.unit.value, ln.pack_size.value if ln.pack_size else None)
        for ln in lines[:2]
    ] == [("CH-08", Decimal(3), "boite", Decimal(100)), ("GA-20", Decimal(1), "couronne", None)]


@pytest.mark.parametrize(
    ("heading", "unit"),
    [("Qté (colis)", "colis"), ("Nb cartons", "carton"), ("Number of boxes", "boite"), ("Qté", None)],
    ids=lambda value: str(value),
)
def test_a_bare_count_counts_in_the_unit_its_heading_names(heading: str, unit: str | None) -> None:
    html = (
        f"<table><tr><th>Réf.</th><th>Désignation</th><th>{heading}</th></tr>"
        "<tr><td>TER-40</td><td>Terreau universel 40 L</td><td>6</td></tr></table>"
    )
    [line] = read_lines(html_to_text(html).text, part="html")
    assert (line.quantity.value, line.unit.value if line.unit else None) == (Decimal(6), unit)


def test_a_column_no_heading_names_that_gives_a_measure_is_read_into_the_designation() -> None:
    html = (
        "<table><tr><th>Zone</th><th>Désignation</th><th>Puissance</th><th>Qté</th></tr>"
        "<tr><td>Hall</td><td>Ampoule LED GU10</td><td>5 W</td><td>12</td></tr>"
        "<tr><td>Cour</td><td>Projecteur LED</td><td>50 W</td><td>2</td></tr></table>"
    )
    assert [(d, q) for _, d, q in _read(html)] == [
        ("Ampoule LED GU10 5 W", Decimal(12)),
        ("Projecteur LED 50 W", Decimal(2)),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["DF4378S", "Brake disc 430 mm", "1 pair", "139.00", "278.00"], Decimal(2)),
        (["BOU-EP-42", "Bouchons d'oreilles mousse", "3 paires", "0,40", "2,40"], Decimal(6)),
        (["GNT-NIT-9", "Gants nitrile taille 9", "2 paires", "3,50", "7,00"], Decimal(2)),
        (["CHS-S3-43", "Work boots S3 size 43", "1 pair", "45.00", "45.00"], Decimal(1)),
        (["DF4378S", "Brake disc 430 mm", "1 pair", "139.00", ""], Decimal(1)),
    ],
    ids=[
        "discs-sold-singly",
        "earplugs-sold-singly",
        "gloves-priced-by-pair",
        "boots-priced-by-pair",
        "no-total",
    ],
)
def test_a_pair_whose_line_total_prices_each_piece_counts_the_pieces(
    row: list[str], expected: Decimal
) -> None:
    html = _table([row], head=["Part no", "Description", "Qty", "Unit price", "Line total"])
    assert [qty for *_, qty in _read(html)] == [expected]
