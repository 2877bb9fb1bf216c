"""Attachments into orders: which ones count, bad input bounded and sent to review."""

from __future__ import annotations

import io
import time
from email.message import EmailMessage

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models import Attachment, DocumentKind, DocumentReadError, ParsedMessage, Settings
from parsers import extract_orders, parse_message
from parsers.documents.attachments import DocumentLimits, document_kinds, read_attachments, read_document
from parsers.documents.sandbox import run_bounded
from tests.factories.documents import Item, Layout, make_batch_pdf, make_po_pdf

PO = make_po_pdf([Item("VIS-440-200", "Vis inox 4x40", "6", "boite", "5,91", "35,46")])


def message(
    *attachments: tuple[str, bytes],
    body: str = "Bonjour, ci-joint notre commande.",
    subject: str = "Commande",
) -> ParsedMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "achats@martin-btp.fr", "commandes@example.fr", subject
    mail["Date"] = "Mon, 30 Nov 2026 09:12:00 +0100"
    mail["Message-ID"] = "<m1@martin-btp.fr>"
    mail.set_content(body)
    for name, data in attachments:
        mail.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return parse_message(bytes(mail))


def attachment(name: str, data: bytes) -> Attachment:
    return Attachment(filename=name, content_type="application/octet-stream", data=data)


def encrypted_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, encrypt="secret")
    pdf.drawString(50, 800, "BON DE COMMANDE")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("po.pdf", b"%PDF-1.4\n%garbage\n", "PDF"),
        ("po.pdf", PO[: len(PO) // 2], "PDF"),
        ("po.pdf", encrypted_pdf(), "encrypted"),
        ("po.pdf", b"", "PDF"),
        ("po.xlsx", b"PK\x03\x04 not a zip", "spreadsheet"),
        ("po.ods", b"nothing", "spreadsheet"),
        ("po.xls", b"\xd0\xcf\x11\xe0 broken", "spreadsheet"),
    ],
    ids=["garbage", "truncated", "encrypted", "empty", "bad-xlsx", "bad-ods", "bad-xls"],
)
def test_unreadable_documents_say_why(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentReadError) as error:
        read_document(attachment(name, data))
    assert error.value.part == f"attachment:{name}"
    assert reason in str(error.value)


@pytest.mark.parametrize(
    ("limits", "reason"),
    [(DocumentLimits(max_bytes=1000), "bytes"), (DocumentLimits(max_pages=1), "pages")],
    ids=["too-big", "too-many-pages"],
)
def test_limits_from_settings_reject_enormous_documents(limits: DocumentLimits, reason: str) -> None:
    data = make_po_pdf([Item(f"A{i}", "a", "1") for i in range(80)], Layout(rows_per_page=40))
    with pytest.raises(DocumentReadError, match=reason):
        read_document(attachment("po.pdf", data), limits=limits)


def test_limits_come_from_settings() -> None:
    limits = DocumentLimits.from_settings(
        Settings(max_attachment_bytes=10, max_pdf_pages=2, parse_timeout_seconds=3)
    )
    assert (limits.max_bytes, limits.max_pages, limits.timeout_seconds) == (10, 2, 3)


def _sleep_forever() -> None:
    time.sleep(60)


def _allocate() -> bytes:
    return b"x" * (2 * 2**30)


def _crash() -> None:
    raise ValueError("a reader bug")


@pytest.mark.parametrize(
    ("func", "timeout", "reason"),
    [(_sleep_forever, 1.0, "longer than"), (_allocate, 30.0, "memory"), (_crash, 30.0, "ValueError")],
    ids=["hangs", "eats-memory", "crashes"],
)
def test_a_runaway_reader_is_stopped(func, timeout: float, reason: str) -> None:
    with pytest.raises(DocumentReadError, match=reason):
        run_bounded(func, part="attachment:x.pdf", timeout=timeout, memory_bytes=256 * 2**20)


def test_purchase_order_attachment_gives_the_order_not_the_body() -> None:
    parsed = message(("BC-1.pdf", PO), body="Bonjour,\n- VIS-440-500 Vis inox : 3\nMerci")
    orders = extract_orders(parsed)
    assert [(o.source, o.part, len(o.lines)) for o in orders] == [("pdf", "attachment:BC-1.pdf", 1)]


def test_two_purchase_orders_give_two_orders() -> None:
    second = make_po_pdf([Item("A", "a", "2")], Layout(fields=(("Commande n° :", "PO-TEST-002"),)))
    orders = extract_orders(message(("BC-1.pdf", PO), ("BC-2.pdf", second)))
    assert [o.po_number.value for o in orders] == ["PO-TEST-001", "PO-TEST-002"]


def test_one_pdf_holding_two_purchase_orders_gives_two_orders() -> None:
    first = ([Item(f"A{i}", "a", "1") for i in range(45)], Layout(rows_per_page=30))
    second = ([Item("B", "b", "2")], Layout(fields=(("Commande n° :", "PO-TEST-002"),)))
    orders = extract_orders(message(("batch.pdf", make_batch_pdf([first, second]))))
    assert [(o.po_number.value, len(o.lines)) for o in orders] == [("PO-TEST-001", 45), ("PO-TEST-002", 1)]


def test_an_attached_invoice_is_no_order_and_is_reported() -> None:
    invoice = make_po_pdf([Item("A", "a", "2")], Layout(title="FACTURE"))
    parsed = message(("FA-1.pdf", invoice), body="Bonjour,\n- VIS-440-500 Vis inox : 3\n")
    assert extract_orders(parsed) == []
    assert document_kinds(parsed) == {"attachment:FA-1.pdf": DocumentKind.INVOICE}


def test_an_unreadable_attachment_goes_to_review_with_its_reason() -> None:
    orders = extract_orders(message(("BC-1.pdf", b"%PDF-1.4 broken")))
    assert len(orders) == 1
    assert orders[0].lines == [] and "could not be read" in orders[0].notes[0]


def test_an_unreadable_attachment_beside_body_lines_notes_the_reason() -> None:
    orders = extract_orders(message(("scan.pdf", b"%PDF-1.4 broken"), body="- VIS-440-500 Vis inox : 3\n"))
    assert orders[0].source == "email" and "scan.pdf" in orders[0].notes[-1]


def test_an_order_xml_attachment_gives_its_order() -> None:
    from fixtures.documents.special import order_x

    orders = extract_orders(message(("order-x.xml", order_x())))
    assert [(o.source, o.po_number.value, len(o.lines)) for o in orders] == [("api", "DP-2026-0311", 5)]


def test_other_attachments_are_ignored() -> None:
    parsed = message(("logo.png", b"\x89PNG\r\n"), ("cgv.txt", b"conditions"))
    assert document_kinds(parsed) == {}


SHEET = "Code;Désignation;Qté\nVIS-440-200;Vis inox 4x40;4\n".encode()
SHEET_WITH_PO = "N° de commande;CF-77\n\n".encode() + SHEET


@pytest.mark.parametrize(
    ("subject", "body", "po", "delivery"),
    [
        (
            "Commande",
            "Commande en PJ. Réf. commande PO-5512, livraison le 07/12/2026.",
            "PO-5512",
            "2026-12-07",
        ),
        ("Commande PO-5512", "Bonjour, voir fichier joint.", "PO-5512", None),
        (
            "Commande",
            "Ci-joint. Livraison le 07/12/2026 à : 4 rue Vaucanson, 69150 Décines",
            None,
            "2026-12-07",
        ),
    ],
    ids=["po-and-date-in-body", "po-in-subject", "date-only"],
)
def test_the_body_fills_what_the_attached_order_lacks(subject, body, po, delivery) -> None:
    (order,) = extract_orders(message(("cde.csv", SHEET), body=body, subject=subject))
    assert order.source == "spreadsheet" and len(order.lines) == 1
    assert (order.po_number.value if order.po_number else None) == po
    date = order.requested_delivery_date
    assert (date.value.isoformat() if date else None) == delivery


def test_the_attached_order_keeps_its_own_po_over_the_body() -> None:
    parsed = message(("cde.csv", SHEET_WITH_PO), body="Commande en PJ, réf. commande PO-5512.")
    (order,) = extract_orders(parsed)
    assert order.po_number.value == "CF-77"


def test_with_two_attached_orders_the_body_po_goes_to_neither() -> None:
    parsed = message(("a.csv", SHEET), ("b.csv", SHEET_WITH_PO), body="Réf. commande PO-5512 en PJ.")
    orders = extract_orders(parsed)
    assert [o.po_number.value if o.po_number else None for o in orders] == [None, "CF-77"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("lundi 7 décembre", "2026-12-07"), ("07/12/2026", "2026-12-07"), ("dès que possible", None)],
    ids=["weekday-and-day", "date", "no-date"],
)
def test_a_delivery_worded_in_the_sheet_is_read_against_the_sending_date(cell: str, expected) -> None:
    sheet = f"Livraison;{cell}\n\n".encode() + SHEET
    (order,) = extract_orders(message(("cde.csv", sheet), body="Bonjour, commande en PJ."))
    date = order.requested_delivery_date
    assert (date.value.isoformat() if date else None) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [("Livraison : sous huitaine, au dépôt.", "2026-12-08"), ("Delivery: within 48 hours", "2026-12-02")],
    ids=["huitaine-fr", "hours-en"],
)
def test_a_delivery_note_printed_right_under_the_rows_is_read_against_the_sending_date(
    note, expected
) -> None:
    rows = [Item("FR-2210", "Farine T55 sac 25 kg", "3", "sac", "19,80", "59,40")]
    pdf = make_po_pdf(rows, Layout(fields=(("Commande n° :", "BLG-77"),), note_under_rows=note))
    (order,) = extract_orders(message(("commande.pdf", pdf)))
    assert [ln.description.value for ln in order.lines] == ["Farine T55 sac 25 kg"]
    assert order.requested_delivery_date.value.isoformat() == expected


def test_a_document_copied_and_amended_is_found_as_read_by_every_later_reader() -> None:
    parsed = message(("BC-1.pdf", PO))
    assert document_kinds(parsed) == {"attachment:BC-1.pdf": DocumentKind.PURCHASE_ORDER}
    (first,) = read_attachments(parsed)
    first.lines.clear()
    first.document_kind = DocumentKind.QUOTE
    assert document_kinds(parsed) == {"attachment:BC-1.pdf": DocumentKind.PURCHASE_ORDER}
    (second,) = read_attachments(parsed)
    assert second is not first and len(second.lines) == 1
    assert read_attachments(parsed, kind=DocumentKind.QUOTE) == []


def test_documents_of_one_kind_are_copies_of_those_alone() -> None:
    quote = make_po_pdf([Item("CAB-3G15", "Câble 3G1,5", "4", "couronne")], Layout(title="DEVIS"))
    parsed = message(("BC-1.pdf", PO), ("DV-7.pdf", quote))
    quotes = read_attachments(parsed, kind=DocumentKind.QUOTE)
    assert [(d.part, d.document_kind) for d in quotes] == [("attachment:DV-7.pdf", DocumentKind.QUOTE)]
    quotes[0].lines.clear()  # a copy: the next reader finds the document as read
    again = read_attachments(parsed)
    assert [(d.document_kind, len(d.lines)) for d in again] == [
        (DocumentKind.PURCHASE_ORDER, 1),
        (DocumentKind.QUOTE, 1),
    ]
