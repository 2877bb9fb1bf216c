"""A purchase order's head printing its number, date and delivery point as a row of boxes with no
label: the number is read as a guess a clerk confirms, the address written on one line is a delivery
box, and a row holding no reference, or two, names no number."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models import Address
from parsers.documents.pdf import read_pdf
from parsers.documents.pdf.boxes import delivery_box
from parsers.documents.pdf.head_row import GUESS

TOP = A4[1]
LETTERHEAD = ("LABOVIA ANALYSES", "Parc Technologique, 3 allée Newton", "69500 Bron", "achats@labovia.fr")
ROWS = (("LV-2201", "Pipettes Pasteur 3 ml x500", "4"), ("LV-3140", "Gants nitrile M boîte de 100", "10"))


def _po(row: tuple[str, ...], *, block: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(40, TOP - 40, LETTERHEAD[0])
    pdf.setFont("Helvetica", 9)
    for i, text in enumerate(LETTERHEAD[1:], start=1):
        pdf.drawString(40, TOP - 40 - 12 * i, text)
    for i, text in enumerate(block):  # an address box on the right, its last line on the row
        pdf.drawString(300, TOP - 100 - 12 * (len(block) - 1 - i), text)
    for x, text in zip((40, 140, 300), row, strict=False):
        pdf.drawString(x, TOP - 100, text)
    y = TOP - 140
    for x, heading in zip((60, 150, 420), ("Code", "Désignation", "Qté"), strict=True):
        pdf.drawString(x, y, heading)
    for code, name, qty in ROWS:
        y -= 14
        pdf.drawString(60, y, code)
        pdf.drawString(150, y, name)
        pdf.drawString(420, y, qty)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


SITE = "Laboratoire de Gerland, 12 rue du Vercors, 69007 Lyon"


def _read(data: bytes):
    return read_pdf(data, part="attachment 1", max_pages=5)


def test_the_number_beside_the_date_is_a_po_a_clerk_confirms():
    order = _read(_po(("LAB-PO-26-0412", "09.12.2026", SITE)))
    assert order.po_number is not None
    assert (order.po_number.value, order.po_number.confidence) == ("LAB-PO-26-0412", GUESS)
    assert order.order_date is not None and str(order.order_date.value) == "2026-12-09"


def test_the_address_on_the_row_is_the_delivery_box():
    order = _read(_po(("LAB-PO-26-0412", "09.12.2026", SITE)))
    assert [box.value for box in order.address_boxes] == [SITE]
    ours = [Address(name="Sciencia Distribution", email="commandes@sciencia.fr")]
    chosen = delivery_box(order.address_boxes, "LABOVIA ANALYSES", ours)
    assert chosen is not None and chosen.value == SITE


def test_the_number_beside_an_address_box_ending_on_the_row():
    block = ("Animalerie centrale", "4 chemin des Mouilles", "69130 Écully")
    order = _read(_po(("PO88412", "9 décembre 2026"), block=block))
    assert order.po_number is not None and order.po_number.value == "PO88412"


def test_a_plain_number_beside_the_date_is_no_po():
    # an account or an extension: no letter, so nothing tells it is the order's number
    order = _read(_po(("400123", "09.12.2026", SITE)))
    assert order.po_number is None


def test_two_references_on_the_row_name_none():
    order = _read(_po(("LAB-PO-26-0412", "09.12.2026", "DEV-26-118")))
    assert order.po_number is None


def test_a_row_without_a_whole_date_is_no_head_row():
    order = _read(_po(("LAB-PO-26-0412", "livraison mardi", SITE)))
    assert order.po_number is None
    assert order.address_boxes == []


def test_a_number_printed_in_groups_beside_the_date_is_a_po_a_clerk_confirms():
    order = _read(_po(("LAB 26 0412", "09.12.2026", SITE)))
    assert order.po_number is not None
    assert (order.po_number.value, order.po_number.confidence) == ("LAB 26 0412", GUESS)


def test_a_town_or_a_phone_beside_the_date_is_no_po():
    assert _read(_po(("69007 Lyon", "09.12.2026"))).po_number is None
    assert _read(_po(("04 78 12 34 56", "09.12.2026"))).po_number is None
