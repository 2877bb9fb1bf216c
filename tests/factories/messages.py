"""E-mails carrying documents (PDF, spreadsheet, a zip bomb), and orders stored from them with provenance."""

from __future__ import annotations

import io
from decimal import Decimal
from email.message import EmailMessage

from intake.ingest import ingest_raw
from intake.pipeline import build_record
from matchers import CatalogIndex
from models import (
    CustomerMatch,
    Decision,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    LineMatch,
    MatchedOrder,
    OrderStatus,
    Origin,
    ParsedMessage,
    ProcessedOrder,
    ProcessResult,
    Provenance,
    RawMessage,
    ReviewReason,
    Settings,
    Store,
)


def make_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawString(72, 760, "BON DE COMMANDE BC-77")
    page.drawString(72, 700, "VJ10110  Gobelet carton blanc 10 cl   12")
    page.save()
    return out.getvalue()


def make_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Commande"
    sheet.append(["Code", "Désignation", "Qté"])
    sheet.append(["VJ10112", "Gobelet 12 cl", 5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def message_with_documents() -> bytes:
    message = EmailMessage()
    message["From"] = "achats@example.invalid"
    message["To"] = "commandes@intake.invalid"
    message["Subject"] = "BC-77"
    message["Message-ID"] = "<docs-77@example.invalid>"
    message.set_content("Ci-joint notre bon de commande.\n")
    message.add_attachment(make_pdf(), maintype="application", subtype="pdf", filename="BC-77.pdf")
    xlsx = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    message.add_attachment(make_xlsx(), maintype="application", subtype=xlsx, filename="lignes.xlsx")
    return message.as_bytes()


def store_documents_order(store: Store) -> tuple[int, int]:
    """A review order whose lines come from a PDF box and a spreadsheet cell."""
    raw = RawMessage(data=message_with_documents())
    row, _ = store.add_message(raw)
    heading = Provenance(part="attachment:BC-77.pdf", page=1, bbox=(70.0, 70.0, 300.0, 84.0))
    pdf = Provenance(part="attachment:BC-77.pdf", page=1, bbox=(68.0, 131.0, 330.0, 145.0))
    cell = Provenance(part="attachment:lignes.xlsx", sheet="Commande", cell="B2")
    lines = [
        ExtractedLine(
            line_no=1, description=Extracted[str](value="Gobelet 10 cl", provenance=pdf), provenance=pdf
        ),
        ExtractedLine(
            line_no=2, description=Extracted[str](value="Gobelet 12 cl", provenance=cell), provenance=cell
        ),
    ]
    extracted = ExtractedOrder(
        source="pdf",
        part=pdf.part,
        lines=lines,
        po_number=Extracted[str](value="BC-77", confidence=0.5, provenance=heading),
    )
    matched = MatchedOrder(
        order=extracted,
        customer=CustomerMatch(customer_id="C0118", score=1.0),
        lines=[LineMatch(line=line, sku=None, quantity=Decimal(2)) for line in lines],
    )
    decision = Decision(
        status=OrderStatus.REVIEW,
        confidence=0.4,
        reasons=[ReviewReason(code="line_unmatched", message="line 1", line_no=1)],
    )
    parsed = ParsedMessage(message_id="<docs-77@example.invalid>")
    processed = ProcessedOrder(
        matched=matched, decision=decision, record=build_record(parsed, matched, decision)
    )
    [order_id] = store.save_result(row.id, ProcessResult(parsed=parsed, orders=[processed]))
    return row.id, order_id


def make_zip_bomb_xlsx(unpacked_mib: int = 300) -> bytes:
    """A valid XLSX whose first row unpacks to `unpacked_mib` MiB of cells (a zip bomb)."""
    import zipfile

    small = zipfile.ZipFile(io.BytesIO(make_xlsx()))
    out = io.BytesIO()
    cells = b"<c><v>1</v></c>" * (2**20 // 15)
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for member in small.infolist():
            if member.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(member, small.read(member))
                continue
            with bomb.open(member.filename, "w", force_zip64=True) as sheet:
                sheet.write(b'<?xml version="1.0"?><worksheet xmlns="' + main + b'"><sheetData><row r="1">')
                for _ in range(unpacked_mib):
                    sheet.write(cells)
                sheet.write(b"</row></sheetData></worksheet>")
    return out.getvalue()


def message_with_attachment(data: bytes, filename: str, subtype: str) -> bytes:
    message = EmailMessage()
    message["From"] = "achats@example.invalid"
    message["To"] = "commandes@intake.invalid"
    message["Subject"] = f"Commande {filename}"
    message["Message-ID"] = f"<{filename}@example.invalid>"
    message.set_content("Bonjour,\nci-joint notre commande.\n")
    message.add_attachment(data, maintype="application", subtype=subtype, filename=filename)
    return message.as_bytes()


def ingest_bytes(store: Store, settings: Settings, data: bytes, name: str) -> int:
    """Ingest one message made by a test; returns the stored message's number."""
    index = CatalogIndex.build(store.load_reference())
    outcome = ingest_raw(
        store, RawMessage(data=data, origin=Origin(kind="file", path=name)), index=index, settings=settings
    )
    return outcome.message_pk
