"""Order numbers under the labels purchase orders print them with, in a PDF and in a sheet."""

from __future__ import annotations

import pytest

from parsers.documents.pdf import read_pdf
from parsers.documents.sheets import read_sheet
from tests.factories.documents import Item, Layout, make_po_pdf, make_workbook

PLANTS = [Item("TER-40", "Terreau horticole sac 40 L", "12"), Item("POT-18", "Pot rond 18 cm", "50")]


@pytest.mark.parametrize(
    ("fields", "title", "number"),
    [
        ((("P.O. #", "77310"), ("Date:", "12/11/2026")), "PURCHASE ORDER", "77310"),
        ((("P.O. Number", ""), ("GV-2210", ""), ("Date:", "12/11/2026")), "PURCHASE ORDER", "GV-2210"),
        ((("N° de pièce :", "BCF01877"), ("Date :", "12/11/2026")), "BON DE COMMANDE", "BCF01877"),
        ((("Pièce n°", "BCF01877"), ("Date :", "12/11/2026")), "COMMANDE FOURNISSEUR", "BCF01877"),
    ],
    ids=[
        "dotted abbreviation and a sign",
        "dotted abbreviation over its number",
        "an accounting piece",
        "piece first",
    ],
)
@pytest.mark.parametrize("at", ["right", "left", "below"])
def test_a_pdf_prints_its_number_after_a_dotted_or_an_accounting_label(fields, title, number, at):
    order = read_pdf(make_po_pdf(PLANTS, Layout(fields=fields, fields_at=at, title=title)), "p1", max_pages=5)
    assert order.po_number is not None and order.po_number.value == number
    assert len(order.lines) == 2


@pytest.mark.parametrize(
    "head",
    [
        [["N° de commande", "Date", "Livraison"], ["JV-2611-04", "12/11/2026", "19/11/2026"]],
        [["Order No.", "Order date"], ["JV-2611-04", "12/11/2026"]],
    ],
    ids=["fr", "en"],
)
def test_a_row_of_labels_over_a_row_of_values_gives_each_label_the_cell_below(head):
    rows = [*head, [], ["Code", "Désignation", "Qté"], ["TER-40", "Terreau horticole sac 40 L", 12]]
    order = read_sheet(make_workbook({"Commande": rows}), "commande.xlsx", "p1")
    assert order.po_number is not None and order.po_number.value == "JV-2611-04"
    assert order.order_date is not None and order.order_date.value.isoformat() == "2026-11-12"


def test_a_label_with_its_value_to_the_right_keeps_it():
    rows = [["N° de commande", "JV-2611-04"], ["Date", "12/11/2026"], [], ["Code", "Qté"], ["TER-40", 12]]
    order = read_sheet(make_workbook({"Commande": rows}), "commande.xlsx", "p1")
    assert order.po_number is not None and order.po_number.value == "JV-2611-04"
