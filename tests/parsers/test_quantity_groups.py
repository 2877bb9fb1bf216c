"""A quantity heading merged over a column per site or week (parsers/text/quantity_groups.py): each filled
cell under it is a line of its own, in the HTML table and in a body whose text rendering lost the columns."""

from __future__ import annotations

from decimal import Decimal
from email.message import EmailMessage

import pytest

from parsers import parse_message
from parsers.mail.html import html_to_text
from parsers.text.reader import extract_from_text
from parsers.text.tables import read_table

PLUMBING = (
    "<tr><th rowspan=2>Réf.</th><th rowspan=2>Désignation</th><th colspan=2>Quantité</th></tr>"
    "<tr><th>Chantier Nord</th><th>Chantier Sud</th></tr>"
    "<tr><td>RAC-1220</td><td>Raccord laiton 20/27</td><td>12</td><td>6</td></tr>"
    "<tr><td>VAN-0815</td><td>Vanne 1/4 tour</td><td></td><td>4</td></tr>"
    "<tr><td>TUB-1600</td><td>Tube cuivre 16 mm</td><td>8</td><td></td></tr>"
)
LAB = (
    "<tr><th rowspan=2>Item</th><th rowspan=2>Description</th><th colspan=3>Qty</th></tr>"
    "<tr><th>Week 1</th><th>Week 2</th><th>Week 3</th></tr>"
    "<tr><td>PIP-200</td><td>Pipette tips 200 µl</td><td>2</td><td></td><td>2</td></tr>"
    "<tr><td>GLV-M</td><td>Nitrile gloves M</td><td></td><td>5</td><td></td></tr>"
)
PLUMBING_LINES = [
    ("Raccord laiton 20/27", Decimal(12)),
    ("Raccord laiton 20/27", Decimal(6)),
    ("Vanne 1/4 tour", Decimal(4)),
    ("Tube cuivre 16 mm", Decimal(8)),
]
LAB_LINES = [
    ("Pipette tips 200 µl", Decimal(2)),
    ("Pipette tips 200 µl", Decimal(2)),
    ("Nitrile gloves M", Decimal(5)),
]


@pytest.mark.parametrize(
    ("rows", "expected"), [(PLUMBING, PLUMBING_LINES), (LAB, LAB_LINES)], ids=["sites", "weeks"]
)
def test_each_filled_cell_under_a_split_quantity_heading_is_a_line(
    rows: str, expected: list[tuple[str, Decimal]]
) -> None:
    (table,) = html_to_text(f"<table>{rows}</table>").tables
    lines = read_table(table, part="html")
    assert [(ln.description.value, ln.quantity.value) for ln in lines] == expected


def test_a_second_heading_row_of_counts_is_a_row_not_a_split_heading() -> None:
    html = (
        "<table><tr><th>Réf.</th><th>Désignation</th><th>Quantité</th><th></th></tr>"
        "<tr><td>RAC-1220</td><td>Raccord laiton 20/27</td><td>12</td><td>6</td></tr></table>"
    )
    (table,) = html_to_text(html).tables
    assert [ln.quantity.value for ln in read_table(table, part="html")] == [Decimal(12)]


# The plain part a mail client writes beside the HTML: tabs between cells, an empty cell one more tab.
PLUMBING_TEXT = (
    "Réf.\tDésignation\tQuantité\n\t\tChantier Nord\tChantier Sud\n"
    "RAC-1220\tRaccord laiton 20/27\t12\t6\nVAN-0815\tVanne 1/4 tour\t\t4\nTUB-1600\tTube cuivre 16 mm\t8\t\n"
)
LAB_TEXT = (
    "Item\tDescription\tQty\n\t\tWeek 1\tWeek 2\tWeek 3\n"
    "PIP-200\tPipette tips 200 µl\t2\t\t2\nGLV-M\tNitrile gloves M\t\t5\t\n"
)


@pytest.mark.parametrize(
    ("rows", "text", "expected"),
    [(PLUMBING, PLUMBING_TEXT, PLUMBING_LINES), (LAB, LAB_TEXT, LAB_LINES)],
    ids=["sites", "weeks"],
)
def test_a_body_reads_the_html_table_where_its_text_rendering_lost_the_columns(
    rows: str, text: str, expected: list[tuple[str, Decimal]]
) -> None:
    mail = EmailMessage()
    mail["From"] = "achats@example.fr"
    mail["To"] = "commandes@example.com"
    mail["Subject"] = "Commande"
    mail["Message-ID"] = "<grid@example.fr>"
    mail.set_content(f"Bonjour,\n\nVoici notre commande :\n\n{text}\nMerci.\n")
    mail.add_alternative(
        f"<html><body><p>Bonjour,</p><p>Voici notre commande :</p><table>{rows}</table>"
        "<p>Merci.</p></body></html>",
        subtype="html",
    )
    order = extract_from_text(parse_message(mail.as_bytes()))
    assert [(ln.description.value, ln.quantity.value) for ln in order.lines] == expected
