"""Factories of purchase-order documents for the reader tests: PDFs drawn with reportlab, workbooks."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

TOP = A4[1]


@dataclass
class Item:
    code: str
    text: str
    qty: str
    unit: str = "pce"
    price: str = "1,00"
    amount: str = "1,00"


@dataclass
class Layout:
    """How a generated PO looks: headers, rules, wrapping, where the header block sits."""

    headers: tuple[str, ...] = ("Réf.", "Désignation", "Qté", "Unité", "PU HT", "Montant HT")
    xs: tuple[float, ...] = (40, 120, 330, 370, 420, 490, 560)
    ruled: bool = False
    wrap_width: float | None = None  # wrap designations to this width
    centre_rows: bool = False  # code and numbers vertically centred on a wrapped designation
    rows_per_page: int = 40
    title: str = "BON DE COMMANDE"
    fields: tuple[tuple[str, str], ...] = (("Commande n° :", "PO-TEST-001"), ("Date :", "05/11/2026"))
    fields_at: str = "right"  # right, left or below (under the table)
    ship_label: str = "Adresse de livraison"
    ship_lines: tuple[str, ...] = ("Chantier Test", "3 rue du Port", "33000 Bordeaux")
    total: str | None = None
    total_label: str = "Total HT"
    footer: str = "Société Test - page {page}"
    repeat_header: bool = True
    carried: bool = False
    continued_title: str | None = None  # printed at the top of each continued page
    extra_notes: tuple[str, ...] = field(default_factory=tuple)
    margin_note: str | None = None  # printed from the page's margin right under the last row
    note_under_rows: str | None = None  # printed in the first column right under the last row


def make_po_pdf(items: list[Item], layout: Layout | None = None) -> bytes:
    """A purchase-order PDF with the given lines in the given layout."""
    return make_batch_pdf([(items, layout or Layout())])


def make_batch_pdf(orders: list[tuple[list[Item], Layout]]) -> bytes:
    """Several purchase orders in one PDF, each starting on a new page (an ERP's batch export)."""
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, invariant=1)
    for items, layout in orders:
        _draw_po(pdf, items, layout)
    pdf.save()
    return buffer.getvalue()


def _draw_po(pdf: Canvas, items: list[Item], layout: Layout) -> None:
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(40, TOP - 50, "SOCIÉTÉ TEST")
    pdf.drawString(330, TOP - 50, layout.title)
    pdf.setFont("Helvetica", 9)
    if layout.fields_at in ("right", "left"):
        x = 330 if layout.fields_at == "right" else 40
        for i, (label, value) in enumerate(layout.fields):
            pdf.drawString(x, TOP - 68 - 12 * i, f"{label} {value}")
    ship_x = 40 if layout.fields_at != "left" else 330
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(ship_x, TOP - 120, layout.ship_label)
    pdf.setFont("Helvetica", 9)
    for i, text in enumerate(layout.ship_lines):
        pdf.drawString(ship_x, TOP - 132 - 11 * i, text)
    y = _table(pdf, items, layout)
    if layout.margin_note:
        pdf.drawString(20, y - 12, layout.margin_note)
    if layout.note_under_rows:
        pdf.drawString(layout.xs[0] + 3, y - 12, layout.note_under_rows)
    pdf.setFont("Helvetica-Bold", 9)
    if layout.total:
        pdf.drawString(420, y - 20, layout.total_label)
        pdf.drawRightString(layout.xs[-1] - 3, y - 20, layout.total)
    pdf.setFont("Helvetica", 9)
    if layout.fields_at == "below":
        for i, (label, value) in enumerate(layout.fields):
            pdf.drawString(40, y - 50 - 12 * i, f"{label} {value}")
    for i, note in enumerate(layout.extra_notes):
        pdf.drawString(40, y - 90 - 12 * i, note)
    pdf.drawString(40, 30, layout.footer.format(page=pdf.getPageNumber()))
    pdf.showPage()


def _header(pdf: Canvas, layout: Layout, y: float) -> float:
    pdf.setFont("Helvetica-Bold", 9)
    for x, label in zip(layout.xs, layout.headers, strict=False):
        for i, piece in enumerate(label.split("\n")):  # a header over two lines
            pdf.drawString(x + 3, y + 10 * (len(label.split("\n")) - 1 - i), piece)
    if layout.ruled:
        pdf.rect(layout.xs[0], y - 4, layout.xs[-1] - layout.xs[0], 15)
        for x in layout.xs:
            pdf.line(x, y - 4, x, y + 11)
    pdf.setFont("Helvetica", 9)
    return y - 6


def _table(pdf: Canvas, items: list[Item], layout: Layout) -> float:
    xs = layout.xs
    y = _header(pdf, layout, TOP - 200)
    carried = 0.0
    for number, item in enumerate(items):
        if number and number % layout.rows_per_page == 0:
            if layout.carried:
                pdf.drawString(xs[1] + 3, y - 14, "À reporter")
                pdf.drawRightString(xs[-1] - 3, y - 14, f"{carried:.2f}".replace(".", ","))
            pdf.drawString(40, 30, layout.footer.format(page=pdf.getPageNumber()))
            pdf.showPage()
            if layout.continued_title:
                pdf.drawString(xs[1] + 3, TOP - 30, layout.continued_title)
            y = _header(pdf, layout, TOP - 60) if layout.repeat_header else TOP - 60
            if layout.carried:
                pdf.drawString(xs[1] + 3, y - 12, "Report")
                pdf.drawRightString(xs[-1] - 3, y - 12, f"{carried:.2f}".replace(".", ","))
                y -= 14
        carried += float(item.amount.replace(" ", "").replace(",", "."))
        lines = (
            simpleSplit(item.text, "Helvetica", 9, layout.wrap_width) if layout.wrap_width else [item.text]
        )
        height = 11 * len(lines) + 5
        anchor = y - 11 - (11 * (len(lines) - 1) / 2 if layout.centre_rows else 0)
        pdf.drawString(xs[0] + 3, anchor, item.code)
        for i, piece in enumerate(lines):
            pdf.drawString(xs[1] + 3, y - 11 - 11 * i, piece)
        for k, value in enumerate((item.qty, item.unit, item.price, item.amount), start=2):
            if k == 3:
                pdf.drawString(xs[k] + 3, anchor, value)
            else:
                pdf.drawRightString(xs[k + 1] - 3, anchor, value)
        if layout.ruled:
            pdf.rect(xs[0], y - height, xs[-1] - xs[0], height)
            for x in xs:
                pdf.line(x, y, x, y - height)
        y -= height
    return y


def make_workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """An XLSX workbook with one sheet per entry, its rows appended in order."""
    import openpyxl

    book = openpyxl.Workbook()
    for number, (title, rows) in enumerate(sheets.items()):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = title
        for row in rows:
            sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def draw_numbered_rows(
    pdf: Canvas, xs: tuple[float, ...], headings: tuple[str, ...], rows: list[tuple[str, ...]], y: float
) -> None:
    """A line table under its headings: line number, code, designation, then figures right-aligned
    (the unit, fifth, left-aligned)."""
    pdf.setFont("Helvetica-Bold", 9)
    for x, heading in zip(xs, headings, strict=False):
        pdf.drawString(x + 3, y, heading)
    pdf.setFont("Helvetica", 9)
    for row in rows:
        y -= 16
        for k, value in enumerate(row):
            if k >= 3 and k != 4:
                pdf.drawRightString(xs[k + 1] - 3, y, value)
            else:
                pdf.drawString(xs[k] + 3, y, value)
