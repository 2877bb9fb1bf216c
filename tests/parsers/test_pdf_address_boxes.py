"""A purchase order's head with address blocks and no label on them: the letterhead, the supplier's
block and a one-off delivery point side by side; the message's recipients tell the supplier's."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from matchers import _ship_to
from models import Address, Extracted, Provenance
from parsers.documents.pdf import read_pdf
from parsers.documents.pdf.boxes import BOX_RULE, delivery_box

TOP = A4[1]
SUPPLIER = ("Verdure Semences SAS", "12 chemin des Serres", "84300 Cavaillon")
SITE = ("Pépinière Dulac - Serre 4", "Route de Beaucaire", "30300 Fourques")
BUYER = ("Dulac Paysages SARL", "8 rue des Jardins", "30000 Nîmes")


def _po(left: tuple[str, ...], right: tuple[str, ...], over_left: str = "") -> bytes:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(40, TOP - 40, "DULAC PAYSAGES")
    pdf.drawString(330, TOP - 40, "BON DE COMMANDE")
    pdf.setFont("Helvetica", 8)
    pdf.drawString(40, TOP - 54, "8 rue des Jardins - 30000 Nîmes - TVA FR12345678901")
    pdf.drawString(330, TOP - 60, "DP-26-0412")
    pdf.drawString(330, TOP - 72, "03/12/2026")
    if over_left:
        pdf.drawString(45, TOP - 106, over_left)
    for x, block in ((45, left), (330, right)):
        for i, text in enumerate(block):
            pdf.drawString(x, TOP - 118 - 11 * i, text)
    y = TOP - 190
    for x, heading in zip((40, 130, 400, 460), ("Réf.", "Désignation", "Qté", "PU HT"), strict=True):
        pdf.drawString(x, y, heading)
    for code, name, qty in (("GR-0412", "Gazon rustique sac 10 kg", "6"), ("TE-2210", "Terreau 70 L", "12")):
        y -= 14
        pdf.drawString(40, y, code)
        pdf.drawString(130, y, name)
        pdf.drawRightString(420, y, qty)
        pdf.drawRightString(500, y, "9,90")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


OURS = [Address(name="Verdure Semences - Commandes", email="commandes@verdure-semences.fr")]
OURS_SHORT = [Address(name="Verdure - Service commandes", email="commandes@verdure.fr")]


@pytest.mark.parametrize(
    ("left", "right", "over_left", "recipients", "expected"),
    [
        (SUPPLIER, SITE, "", OURS, "Pépinière Dulac - Serre 4, Route de Beaucaire, 30300 Fourques"),
        (SITE, SUPPLIER, "", OURS, "Pépinière Dulac - Serre 4, Route de Beaucaire, 30300 Fourques"),
        (
            SUPPLIER,
            SITE,
            "Fournisseur :",
            [],
            "Pépinière Dulac - Serre 4, Route de Beaucaire, 30300 Fourques",
        ),
        (SUPPLIER, SITE, "", [], None),
        (SUPPLIER, BUYER, "", OURS, None),
        (SITE, SUPPLIER, "", OURS_SHORT, "Pépinière Dulac - Serre 4, Route de Beaucaire, 30300 Fourques"),
    ],
    ids=[
        "supplier-left",
        "supplier-right",
        "supplier-labelled",
        "no-recipient-two-left",
        "the-buyers-own",
        "a-one-word-mailbox",
    ],
)
def test_the_delivery_is_the_one_unlabelled_block_neither_the_suppliers_nor_the_buyers(
    left: tuple[str, ...],
    right: tuple[str, ...],
    over_left: str,
    recipients: list[Address],
    expected: str | None,
) -> None:
    order = read_pdf(_po(left, right, over_left), "attachment:po.pdf", max_pages=2)
    buyer = "Dulac Paysages SARL"
    found = delivery_box(order.address_boxes, buyer, recipients)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("read", "rule", "expected"),
    [
        ("Dulac Paysages SARL, 8 rue des Jardins, 30000 Nîmes", BOX_RULE, "8 rue des Jardins, 30000 Nîmes"),
        (
            "Pépinière Dulac - Serre 4, Route de Beaucaire, 30300 Fourques",
            BOX_RULE,
            "Pépinière Dulac - Serre 4, Route de Beaucaire, 30300 Fourques",
        ),
        ("Serre 2, 8 rue des Jardins, 30000 Nîmes", "pdf-table", "Serre 2, 8 rue des Jardins, 30000 Nîmes"),
        (None, None, "8 rue des Jardins, 30000 Nîmes"),
    ],
    ids=["letterhead-block-is-the-file-address", "one-off-block", "a-labelled-site", "nothing-read"],
)
def test_an_unlabelled_block_naming_the_address_on_file_is_the_usual_delivery(
    read: str | None, rule: str | None, expected: str
) -> None:
    found = (
        Extracted[str](value=read, confidence=0.7, provenance=Provenance(part="p", rule=rule))
        if read
        else None
    )
    assert _ship_to(found, "8 rue des Jardins, 30000 Nîmes") == expected


def _boxed_head(boxes: tuple[str, str, str], note: str) -> bytes:
    """The buyer's letterhead, then the order's number, its date and where to deliver in three boxes
    with no label on one row, then the rows and a note a little below them."""
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(40, TOP - 50, "MERCIER PLOMBERIE SARL")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, TOP - 62, "5 rue des Forges")
    pdf.drawString(40, TOP - 74, "69007 Lyon")
    for x, text in zip((40, 160, 260), boxes, strict=True):
        pdf.drawString(x, TOP - 120, text)
    pdf.setFont("Helvetica", 8)
    y = TOP - 150
    for x, heading in zip((40, 130, 400, 460), ("Réf.", "Désignation", "Qté", "Unité"), strict=True):
        pdf.drawString(x, y, heading)
    for code, name, qty in (("RAC-1220", "Raccord laiton 20/27", "12"), ("VAN-0815", "Vanne 1/4 tour", "4")):
        y -= 18
        pdf.drawString(40, y, code)
        pdf.drawString(130, y, name)
        pdf.drawRightString(420, y, qty)
        pdf.drawString(460, y, "pce")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, y - 30, note)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("site", "note", "expected"),
    [
        (
            "Chantier Les Tilleuls, 14 rue des Acacias, 69100 Villeurbanne",
            "Livraison avant le 18.12.2026 - accès par la cour, 7h30-16h.",
            "2026-12-18",
        ),
        (
            "Lab annex, Unit 4 Riverside Park, Bristol BS1 5TT",
            "Delivery before 21/12/2026 - goods-in 8:00-15:00.",
            "2026-12-21",
        ),
    ],
    ids=["site-in-a-box-and-delivery-before", "english-lab-annex"],
)
def test_a_whole_address_in_one_box_of_the_head_is_a_delivery_block_and_the_note_under_the_rows_dates_it(
    site: str, note: str, expected: str
) -> None:
    order = read_pdf(_boxed_head(("MP-26-0412", "07.12.2026", site), note), "attachment:bc.pdf", max_pages=2)
    found = delivery_box(order.address_boxes, "MERCIER PLOMBERIE SARL", OURS)
    assert found is not None and found.value == site
    assert order.requested_delivery_date is not None
    assert order.requested_delivery_date.value.isoformat() == expected
    assert len(order.lines) == 2


def test_a_sentence_ending_on_a_town_is_no_address_box() -> None:
    order = read_pdf(
        _boxed_head(("MP-26-0412", "07.12.2026", "Livrer comme d'habitude à 69007 Lyon"), "Merci."),
        "attachment:bc.pdf",
        max_pages=2,
    )
    assert order.address_boxes == []


def test_a_whole_address_alone_on_its_line_under_the_title_is_the_letterhead() -> None:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(40, TOP - 40, "Lakeside Rentals - parts order")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(40, TOP - 56, "Lakeside Rentals SARL, 4 avenue du Lac, 74000 Annecy")
    pdf.drawString(40, TOP - 70, "27/11/2026")
    y = TOP - 110
    for x, heading in zip((40, 300, 460), ("Description", "Vehicle", "Qty"), strict=True):
        pdf.drawString(x, y, heading)
    pdf.drawString(40, y - 16, "Clutch kit Valeo 3-piece")
    pdf.drawString(300, y - 16, "Ford Transit Custom")
    pdf.drawRightString(480, y - 16, "1")
    pdf.showPage()
    pdf.save()
    order = read_pdf(out.getvalue(), "attachment:po.pdf", max_pages=2)
    assert order.address_boxes == []
