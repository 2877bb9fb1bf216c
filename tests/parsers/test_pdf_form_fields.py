"""A purchase order's head printed as a form: labels closed by a colon or by leader dots in one column,
their values in a column of their own at the next tab stop."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models import ExtractedOrder
from parsers.documents.pdf import read_pdf
from tests.factories.documents import draw_numbered_rows

TOP = A4[1]
XS = (40, 65, 130, 340, 380, 430, 490, 560)
HEADINGS = ("Line", "Item no.", "Description", "Qty", "UoM", "Unit price", "Amount")
ROWS = [
    ("1", "CAR-3050", "Carton double cannelure 60x40x40", "200", "pce", "1,10", "220,00"),
    ("2", "ADH-4820", "Ruban adhésif PP 48 mm x 66 m", "36", "pce", "1,90", "68,40"),
]


def _order(title: str, pairs: list[tuple[str, str]], value_x: float) -> ExtractedOrder:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(40, TOP - 50, title)
    pdf.setFont("Helvetica", 9)
    for i, (label, value) in enumerate(pairs):
        pdf.drawString(40, TOP - 100 - 12 * i, label)
        pdf.drawString(value_x, TOP - 100 - 12 * i, value)
    y = TOP - 220
    draw_numbered_rows(pdf, XS, HEADINGS, ROWS, y)
    pdf.showPage()
    pdf.save()
    return read_pdf(out.getvalue(), "attachment:po.pdf", max_pages=2)


@pytest.mark.parametrize(
    ("title", "pairs", "value_x"),
    [
        (
            "BON DE COMMANDE",
            [
                ("N° de commande :", "EMB-26-0415"),
                ("Date :", "01/12/2026"),
                ("Livraison souhaitée :", "08/12/2026"),
            ],
            300,
        ),
        (
            "PURCHASE ORDER",
            [
                ("Order number:", "EMB-26-0415"),
                ("Order date:", "01/12/2026"),
                ("Delivery date:", "08/12/2026"),
            ],
            300,
        ),
        (
            "BON DE COMMANDE",
            [
                ("N° de commande ..........", "EMB-26-0415"),
                ("Date ..........", "01/12/2026"),
                ("Livraison souhaitée ..........", "08/12/2026"),
            ],
            220,
        ),
    ],
    ids=["colon-fr", "colon-en", "leader-dots"],
)
def test_a_label_closed_by_a_colon_or_leader_dots_reads_its_value_at_the_next_tab_stop(
    title: str, pairs: list[tuple[str, str]], value_x: float
) -> None:
    order = _order(title, pairs, value_x)
    assert order.po_number is not None and order.po_number.value == "EMB-26-0415"
    assert order.order_date is not None and order.order_date.value == dt.date(2026, 12, 1)
    assert order.requested_delivery_date is not None
    assert order.requested_delivery_date.value == dt.date(2026, 12, 8)
    assert len(order.lines) == 2


def test_an_open_label_does_not_reach_a_value_half_a_page_away() -> None:
    order = _order("BON DE COMMANDE", [("N° de commande", "EMB-26-0415")], 480)
    assert order.po_number is None
