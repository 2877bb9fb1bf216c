"""PDF reader speed and memory against bare pdfplumber text extraction, on the same 200 pages.

Generates a 200-page purchase order (a ruled line-item table with wrapped
designations, 30 rows a page), then reads it:
- baseline: pdfplumber `extract_text()` on every page (what the self-hosted tools do);
- layout reader: PDFium words and rules, table, header fields and checks (`load_pages` + `read_pages`);
- bounded: the same through `read_document` (a forked child with time and memory limits).
Each variant runs in its own forked process, so its peak memory (max RSS) is its own.

Run: python -m bench.pdf_bench [--pages N]
"""

from __future__ import annotations

import argparse
import io
import os
import pickle
import time
from collections.abc import Callable

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from models import Attachment
from parsers.documents.attachments import DocumentLimits, read_document
from parsers.documents.pdf import load_pages, read_pages
from parsers.vocabulary.layout import default_vocabulary

ROWS_PER_PAGE = 30
COLUMNS = (40, 120, 330, 370, 420, 490, 560)
HEADERS = ("Réf.", "Désignation", "Qté", "Unité", "PU HT", "Montant HT")


def make_pdf(pages: int) -> bytes:
    """A purchase order of `pages` pages, header row repeated on each."""
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, invariant=1)
    for page in range(pages):
        y = A4[1] - 60
        if page == 0:
            pdf.setFont("Helvetica-Bold", 13)
            pdf.drawString(330, y, "BON DE COMMANDE")
            pdf.setFont("Helvetica", 9)
            pdf.drawString(330, y - 14, "Commande n° : BENCH-0001")
            pdf.drawString(330, y - 26, "Date : 02/11/2026")
            y -= 60
        pdf.setFont("Helvetica-Bold", 8)
        for x, label in zip(COLUMNS, HEADERS, strict=False):
            pdf.drawString(x + 3, y, label)
        pdf.setFont("Helvetica", 8)
        for row in range(ROWS_PER_PAGE - (3 if page == 0 else 0)):
            number = page * ROWS_PER_PAGE + row
            text = f"Article de test {number} - carton de 100" + (" pour chantier" * (number % 3))
            lines = simpleSplit(text, "Helvetica", 8, 200)
            y -= 4
            pdf.drawString(COLUMNS[0] + 3, y - 9, f"ART-{number:05d}")
            for i, piece in enumerate(lines):
                pdf.drawString(COLUMNS[1] + 3, y - 9 - 9 * i, piece)
            pdf.drawRightString(COLUMNS[3] - 3, y - 9, str(number % 9 + 1))
            pdf.drawString(COLUMNS[3] + 8, y - 9, "carton")
            pdf.drawRightString(COLUMNS[5] - 3, y - 9, "12,50")
            pdf.drawRightString(COLUMNS[6] - 3, y - 9, f"{12.5 * (number % 9 + 1):.2f}".replace(".", ","))
            y -= 9 * len(lines) + 2
        pdf.drawString(40, 30, f"page {page + 1}/{pages}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def baseline(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def layout_reader(data: bytes) -> int:
    pages, _ = load_pages(data, "attachment:bench.pdf", max_pages=10_000)
    return len(read_pages(pages, "attachment:bench.pdf", default_vocabulary()).lines)


def bounded_reader(data: bytes) -> int:
    document = Attachment(filename="bench.pdf", content_type="application/pdf", data=data)
    limits = DocumentLimits(max_pages=10_000, timeout_seconds=600, memory_bytes=4 * 2**30)
    return len(read_document(document, limits=limits)[0].lines)


def measure(func: Callable[[bytes], int], data: bytes) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, result, peak RSS in MiB) of `func(data)` in a forked child.

    CPU time (the child's and its own children's) is what the ratio uses: on a shared
    machine wall time mostly measures the neighbours.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        start = time.perf_counter()
        result = func(data)
        os.write(write_end, pickle.dumps((time.perf_counter() - start, result)))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as handle:
        payload = handle.read()
    _, _, usage = os.wait4(pid, 0)
    seconds, result = pickle.loads(payload)
    return seconds, usage.ru_utime + usage.ru_stime, result, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    data = make_pdf(args.pages)
    rows = []
    for name, func in (
        ("pdfplumber extract_text (baseline)", baseline),
        ("layout reader (in process)", layout_reader),
        ("layout reader (bounded child)", bounded_reader),
    ):
        wall, cpu, result, peak = measure(func, data)
        rows.append((name, wall, cpu, args.pages / cpu, result, peak))
    base_rate = rows[0][3]
    print(f"{args.pages} pages, {len(data) // 1024} KiB\n")
    header = (
        f"{'reader':<36} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'ratio':>6} {'result':>7} {'peak MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for name, wall, cpu, rate, result, peak in rows:
        print(f"{name:<36} {wall:7.2f} {cpu:7.2f} {rate:8.1f} {rate / base_rate:6.2f} {result:>7} {peak:>9}")
    print("\npages/s from CPU time; ratio = pages/s / baseline pages/s (higher is faster)")
    print("result = characters of text (baseline) or order lines read (layout reader)")


if __name__ == "__main__":
    main()
