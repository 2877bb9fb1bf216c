"""Order lines written as key-value blocks (parsers/text/blocks.py), in text and in a table's cells."""

from __future__ import annotations

from decimal import Decimal
from email.message import EmailMessage

import pytest

from parsers import parse_message
from parsers.orders import extract_orders
from parsers.text.reader import read_lines


def _html_lines(html: str) -> list[tuple[str | None, str | None, Decimal]]:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "atelier@garage-roux.fr", "cde@x.fr", "Demande 5521"
    message.set_content(html, subtype="html")
    return [
        (
            ln.code.value if ln.code else None,
            ln.description.value if ln.description else None,
            ln.quantity.value,
        )
        for order in extract_orders(parse_message(bytes(message)))
        for ln in order.lines
    ]


def test_fields_in_the_two_cells_of_a_form_table_are_read_as_blocks() -> None:
    rows = "".join(
        f"<tr><td>{label}</td><td>{value}</td></tr>"
        for label, value in (
            ("Réf :", "204417"), ("Désignation :", "Courroie accessoire 6PK1070"), ("Quantité :", "3"),
            ("Réf :", "KT-118"), ("Désignation :", "Galet tendeur"), ("Quantité :", "2"),
        )
    )  # fmt: skip
    assert _html_lines(f"<p>Nouvelle demande de pièces :</p><table>{rows}</table>") == [
        ("204417", "Courroie accessoire 6PK1070", Decimal(3)),
        ("KT-118", "Galet tendeur", Decimal(2)),
    ]


def test_one_table_per_article_with_headings_in_the_first_column() -> None:
    item = "<table><tr><th>Product</th><td>{}</td></tr><tr><th>Quantity</th><td>{}</td></tr></table>"
    html = (
        "<p>Order request received</p>"
        + item.format("Wiper blade 600 mm", 4)
        + item.format("Cabin filter", 2)
    )
    assert _html_lines(html) == [(None, "Wiper blade 600 mm", Decimal(4)), (None, "Cabin filter", Decimal(2))]


@pytest.mark.parametrize("second", ["Produit | 20", "Balai 600 mm | 20"])
def test_a_two_column_table_stays_a_table(second: str) -> None:
    lines = read_lines(f"Article | Quantité\nCourroie 6PK1070 | 12\n{second}\n", part="body")
    assert [(ln.description.value, ln.quantity.value, ln.provenance.rule) for ln in lines] == [
        ("Courroie 6PK1070", Decimal(12), "text-table"),
        (second.split(" | ")[0], Decimal(20), "text-table"),
    ]
