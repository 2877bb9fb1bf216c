"""Size grids printed in a PDF (parsers/documents/pdf/sizegrid.py): a count under each size."""

from __future__ import annotations

import io
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from parsers.documents.pdf import read_pdf

TOP = A4[1]


def _pdf(rows: list[tuple[str, list[str]]], header: list[str], *, table: bool = True) -> bytes:
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(40, TOP - 50, "BON DE COMMANDE N° BC-7781")
    pdf.setFont("Helvetica", 10)
    y = TOP - 100
    pdf.drawString(60, y, "Article")
    for i, size in enumerate(header):
        pdf.drawRightString(300 + 30 * i, y, size)
    for name, counts in rows:
        y -= 16
        pdf.drawString(60, y, name)
        for i, count in enumerate(counts):
            if count:
                pdf.drawRightString(300 + 30 * i, y, count)
    if table:
        y -= 40
        for x, text in ((60, "Réf."), (160, "Désignation"), (400, "Qté")):
            pdf.drawString(x, y, text)
        y -= 16
        for x, text in ((60, "SAB-02"), (160, "Sabot blanc antidérapant"), (400, "6")):
            pdf.drawString(x, y, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _lines(data: bytes) -> list[tuple[str, Decimal]]:
    order = read_pdf(data, "bon.pdf", max_pages=5)
    return [
        (ln.description.value if ln.description else ln.code.value, ln.quantity.value) for ln in order.lines
    ]


def test_each_count_under_a_size_is_a_line_of_that_size_and_the_table_below_still_reads():
    data = _pdf(
        [("Blouse coton blanche", ["2", "", "3", "1", "5"]), ("Pantalon cuisine", ["", "4", "", "", "4"])],
        ["S", "M", "L", "XL", "Total"],
    )
    assert _lines(data) == [
        ("Blouse coton blanche S", 2),
        ("Blouse coton blanche L", 3),
        ("Blouse coton blanche XL", 1),
        ("Pantalon cuisine M", 4),
        ("Sabot blanc antidérapant", 6),
    ]


def test_bare_numbers_in_a_row_head_a_grid_of_sizes():
    data = _pdf([("Botte PVC verte", ["1", "2", "-", "2"])], ["40", "41", "42", "43"], table=False)
    assert _lines(data) == [("Botte PVC verte 40", 1), ("Botte PVC verte 41", 2), ("Botte PVC verte 43", 2)]
