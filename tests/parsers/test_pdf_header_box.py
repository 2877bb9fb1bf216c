"""A purchase order's head as ERPs print it: labels in a row of boxes over their values, short labels
('PO #', 'Bon n°', 'Délai', 'Need date'), and a line table whose code heading is a plain word
('Line | Item | Description | Qty')."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models import ExtractedOrder
from parsers.documents.pdf import read_pdf
from parsers.documents.pdf.fields import without_recipient
from tests.factories.documents import Item, Layout, draw_numbered_rows, make_po_pdf

TOP = A4[1]
ROWS = [
    ("1", "LAB-2501", "Bécher forme basse 250 ml", "12", "pce", "3,40", "40,80"),
    ("2", "LAB-1100", "Fiole jaugée 100 ml", "6", "pce", "7,90", "47,40"),
    ("3", "882104", "Pipette graduée 10 ml", "20", "pce", "1,15", "23,00"),
]
XS = (40, 65, 130, 340, 380, 430, 490, 560)


def _order(
    boxes: list[tuple[str, str]],
    headings: tuple[str, ...],
    rows: list[tuple[str, ...]] = ROWS,
    under_title: tuple[str, ...] = (),
    beside_title: str = "",
    title: str = "PURCHASE ORDER",
) -> ExtractedOrder:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(40, TOP - 50, "LABORATOIRE DES COTEAUX")
    pdf.drawString(330, TOP - 50, title)
    if beside_title:
        pdf.drawString(500, TOP - 50, beside_title)
    pdf.setFont("Helvetica", 8)
    for i, text in enumerate(under_title):
        pdf.drawString(330, TOP - 66 - 11 * i, text)
    for i, (label, value) in enumerate(boxes):
        x = 300 + 85 * i
        pdf.rect(x, TOP - 110, 80, 30)
        pdf.drawString(x + 3, TOP - 90, label)
        pdf.drawString(x + 3, TOP - 104, value)
    y = TOP - 200
    draw_numbered_rows(pdf, XS, headings, rows, y)
    pdf.showPage()
    pdf.save()
    return read_pdf(out.getvalue(), "attachment:po.pdf", max_pages=2)


ENGLISH = ("Line", "Item no.", "Description", "Qty", "UoM", "Unit price", "Amount")


@pytest.mark.parametrize(
    "boxes",
    [
        [("PO #", "7700124"), ("Date", "01/12/2026"), ("Need date", "09/12/2026")],
        [("N° de bon", "7700124"), ("Date", "01/12/2026"), ("Délai", "09/12/2026")],
        [("Bon n°", "7700124"), ("Émis le", "01/12/2026"), ("Livraison", "09/12/2026")],
        [("Order No.", "7700124"), ("Issued", "01/12/2026"), ("Delivery", "09/12/2026")],
        [("Order No.", "7700124"), ("Date", "01/12/2026"), ("Required", "09/12/2026")],
    ],
    ids=["po-sign", "n-de-bon", "bon-n", "order-no", "required"],
)
def test_a_label_over_its_value_in_a_header_box_names_it(boxes: list[tuple[str, str]]) -> None:
    order = _order(boxes, ENGLISH)
    assert order.po_number is not None and order.po_number.value == "7700124"
    assert order.order_date is not None and order.order_date.value == dt.date(2026, 12, 1)
    assert order.requested_delivery_date is not None
    assert order.requested_delivery_date.value == dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("boxes", "under_title"),
    [
        ([("N° client", "C0042"), ("N° commande", "7700124")], ()),
        ([("N° fournisseur", "F00412"), ("N°", "7700124")], ()),
        ([("No. ACCOUNT", "AC0042"), ("PO #", "7700124")], ()),
        ([], ("N° client : C0042", "Bon n° 7700124")),
        ([], ("N° bon : 7700124",)),
        ([], ("No. PO 7700124",)),
    ],
    ids=["client-box", "supplier-box-then-bare", "account-box", "client-line", "n-bon", "no-po-prefix"],
)
def test_a_number_sign_before_a_word_numbers_what_the_word_names(
    boxes: list[tuple[str, str]], under_title: tuple[str, ...]
) -> None:
    order = _order(boxes, ENGLISH, under_title=under_title)
    assert order.po_number is not None and order.po_number.value.endswith("7700124")


@pytest.mark.parametrize(
    "first",
    ["Line", "Pos", "#", "Ligne"],
)
def test_a_plain_word_heading_over_one_code_per_row_left_of_the_designation_is_the_code(first: str) -> None:
    order = _order(
        [("PO #", "7700124")], (first, "Item", "Description", "Qty", "UoM", "Unit price", "Amount")
    )
    assert [(line.code.value if line.code else None, line.quantity.value) for line in order.lines] == [
        ("LAB-2501", Decimal(12)),
        ("LAB-1100", Decimal(6)),
        ("882104", Decimal(20)),
    ]


def test_a_word_heading_over_dates_is_no_code() -> None:
    dated = [(n, "09/12/2026", *rest) for n, _, *rest in ROWS]
    order = _order(
        [("PO #", "7700124")], ("Line", "Due", "Description", "Qty", "UoM", "Unit price", "Amount"), dated
    )
    assert len(order.lines) == 3
    assert not any(line.code for line in order.lines)


@pytest.mark.parametrize(
    ("under_title", "po"),
    [
        (("PO-55120",), "PO-55120"),
        (("PO-55120 of 01/12/2026",), "PO-55120"),
        (("LB-26-0412 du 1 décembre 2026",), "LB-26-0412"),
        (("2025/10/7712", "Date : 01/12/2026"), "2025/10/7712"),
        (("Référence : ACH-26-0412",), "ACH-26-0412"),
        (("Ref: ACH-26-0412",), "ACH-26-0412"),
        (("Réf. client : C0042",), None),
        (("Votre référence : DEV-1180",), None),
        (("Page 1/2",), None),
        (("01/12/2026",), None),
    ],
    ids=[
        "number",
        "number-of-its-date",
        "number-du-its-date",
        "number-then-date",
        "reference",
        "ref",
        "client",
        "our-quote",
        "page",
        "date",
    ],
)
def test_the_order_number_under_the_title_or_after_a_reference_label(
    under_title: tuple[str, ...], po: str | None
) -> None:
    order = _order([], ENGLISH, under_title=under_title)
    assert (order.po_number.value if order.po_number else None) == po


def test_a_date_printed_under_the_delivery_address_is_no_line_of_it() -> None:
    layout = Layout(
        headers=("Code", "Description", "Qty", "UoM", "Unit price", "Amount"),
        ship_label="Ship to",
        ship_lines=("Pumping station Les Iles", "Chemin du Halage", "69390 Vernaison", "1 Dec 2026"),
    )
    order = read_pdf(
        make_po_pdf([Item("PMP-0412", "Submersible pump 1.5 kW", "2")], layout),
        "attachment:po.pdf",
        max_pages=2,
    )
    assert order.ship_to is not None
    assert order.ship_to.value == "Pumping station Les Iles, Chemin du Halage, 69390 Vernaison"


@pytest.mark.parametrize(
    ("ship_lines", "expected"),
    [
        (
            ("Greenhouse 3", "Tollgate Lane", "Spalding", "PE11 3QT", "United Kingdom"),
            "Greenhouse 3, Tollgate Lane, Spalding, PE11 3QT",
        ),
        (
            ("Serre nord", "Route de Lyon", "26000 Valence, France"),
            "Serre nord, Route de Lyon, 26000 Valence, France",
        ),
        (
            ("Serre nord", "Route de Lyon", "26000 Valence", "Quai de réception - porte 3"),
            "Serre nord, Route de Lyon, 26000 Valence",
        ),
        (
            ("Greenhouse 3", "Tollgate Lane, Spalding PE11 3QT", "Bay 4 - ring first"),
            "Greenhouse 3, Tollgate Lane, Spalding PE11 3QT",
        ),
    ],
    ids=[
        "country-line-of-its-own",
        "country-on-the-towns-line",
        "a-note-under-the-town",
        "a-note-under-the-uk-town",
    ],
)
def test_a_delivery_block_ends_at_the_line_of_its_town_less_a_country_line_of_its_own(
    ship_lines: tuple[str, ...], expected: str
) -> None:
    layout = Layout(
        headers=("Code", "Description", "Qty", "UoM", "Unit price", "Amount"), ship_lines=ship_lines
    )
    order = read_pdf(
        make_po_pdf([Item("SEM-0412", "Seed trays 40 cells", "30")], layout), "attachment:po.pdf", max_pages=2
    )
    assert order.ship_to is not None and order.ship_to.value == expected


@pytest.mark.parametrize(
    ("boxes", "under_title", "po"),
    [
        ([("N° demande d'achat", "DA-26-0412"), ("Date", "01/12/2026")], (), "DA-26-0412"),
        ([("Requisition no.", "PR-11872"), ("PO #", "7700124")], (), "7700124"),
        ([("Requisition no.", "PR-11872"), ("Date", "01/12/2026")], ("PO-55120",), "PO-55120"),
    ],
    ids=["request-alone", "po-box-beside", "number-under-the-title"],
)
def test_a_purchase_request_number_is_the_po_only_when_the_head_prints_none(
    boxes: list[tuple[str, str]], under_title: tuple[str, ...], po: str
) -> None:
    order = _order(boxes, ENGLISH, under_title=under_title)
    assert order.po_number is not None and order.po_number.value == po


@pytest.mark.parametrize(
    ("beside_title", "po"),
    [
        ("LAB-26-0577", "LAB-26-0577"),
        ("4500012877", "4500012877"),
        ("01/12/2026", None),
        ("1/2", None),
        ("Page 1/2", None),
    ],
    ids=["number", "erp-number", "date", "page", "page-word"],
)
def test_the_order_number_in_the_cell_beside_the_title(beside_title: str, po: str | None) -> None:
    order = _order([], ENGLISH, beside_title=beside_title)
    assert (order.po_number.value if order.po_number else None) == po


@pytest.mark.parametrize(
    ("under_title", "po"),
    [
        (("BC 2026-00317",), "BC 2026-00317"),
        (("BC : 2026-00317",), "2026-00317"),
        (("BC n° 2026-00317",), "2026-00317"),
        (("Bon de commande n° : BC 2026-00317",), "BC 2026-00317"),
    ],
    ids=["printed-with-its-number", "label-colon", "label-number-sign", "after-a-label-of-its-own"],
)
def test_a_bc_printed_with_its_number_in_a_box_is_part_of_it(under_title: tuple[str, ...], po: str) -> None:
    order = _order([], ENGLISH, under_title=under_title)
    assert order.po_number is not None and order.po_number.value == po


@pytest.mark.parametrize(
    ("address", "buyer", "expected"),
    [
        (
            "Laboratoire des Coteaux, 12 chemin des Vignes, 26600 Tain",
            "LABORATOIRE DES COTEAUX",
            "12 chemin des Vignes, 26600 Tain",
        ),
        (
            "Address, Coteaux Labs Ltd, 4 Mill Road, Leeds LS1 4DY",
            "Page 1 of 1",
            "Coteaux Labs Ltd, 4 Mill Road, Leeds LS1 4DY",
        ),
        (
            "Serre B - Pépinière, 12 chemin des Vignes, 26600 Tain",
            "Laboratoire des Coteaux",
            "Serre B - Pépinière, 12 chemin des Vignes, 26600 Tain",
        ),
        (
            "Laboratoire des Coteaux, 26600 Tain",
            "Laboratoire des Coteaux",
            "Laboratoire des Coteaux, 26600 Tain",
        ),
    ],
    ids=["buyers-own-name", "address-heading", "a-site-of-its-own", "nothing-left-but-the-town"],
)
def test_a_delivery_block_without_its_heading_nor_the_buyers_own_name(
    address: str, buyer: str, expected: str
) -> None:
    assert without_recipient(address, buyer) == expected


@pytest.mark.parametrize(
    ("title", "po"),
    [
        ("Order LB-7712 of 01/12/2026", "LB-7712"),
        ("Commande CF-2231 du 01/12/2026", "CF-2231"),
        ("Bon de commande n° 2026-0412 du 1 décembre 2026", "2026-0412"),
        ("Commande en date du 01/12/2026", None),
    ],
    ids=["order-number-of-date", "commande-number-du-date", "bon-n-number-du-date", "title-and-date-only"],
)
def test_the_title_prints_the_number_then_the_order_date(title: str, po: str | None) -> None:
    order = _order([], ENGLISH, title=title)
    assert (order.po_number.value if order.po_number else None) == po
    assert order.order_date is not None and order.order_date.value == dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("title", "boxes", "under_title", "po"),
    [
        ("PURCHASE ORDER", [("Document No.", "4500012877"), ("Date", "01/12/2026")], (), "4500012877"),
        ("PURCHASE ORDER", [], ("Document No. 4500012877",), "4500012877"),
        ("BON DE COMMANDE", [], ("N° de document : LB-26-0091",), "LB-26-0091"),
        ("DELIVERY NOTE", [("Document No.", "4500012877"), ("Date", "01/12/2026")], (), None),
        ("INVOICE", [], ("Document No. 4500012877",), None),
        ("PURCHASE ORDER", [("Number", "4500012877"), ("Date", "01/12/2026")], (), "4500012877"),
        ("PURCHASE ORDER", [], ("Phone number: 0612345678",), None),
        ("PURCHASE ORDER", [], ("Customer Number 12345",), None),
    ],
    ids=[
        "order-box",
        "order-line",
        "commande-line",
        "delivery-note",
        "invoice",
        "number-box",
        "phone-number",
        "customer-number",
    ],
)
def test_the_document_number_is_the_order_number_only_on_a_document_titled_as_an_order(
    title: str, boxes: list[tuple[str, str]], under_title: tuple[str, ...], po: str | None
) -> None:
    order = _order(boxes, ENGLISH, under_title=under_title, title=title)
    assert (order.po_number.value if order.po_number else None) == po
