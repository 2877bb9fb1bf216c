"""Seconds per scanned page: the OCR path against rendering every page at 300 dpi, in one process.

For each `.eml` of a folder, its scanned PDF attachment is read twice:
- baseline: the page rendered at 300 dpi and given to Tesseract (the former path);
- ocr_pages: the scan's own image at its own resolution, straightened, as the reader does.
Wall-clock seconds and Tesseract's CPU seconds (the child processes' user + system time)
per page; the machine is shared, so the CPU seconds are the steadier figure.

Run: python -m bench.ocr_bench fixtures/erp/open-scanned [--no-baseline]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytesseract

from parsers import parse_message
from parsers.documents.pdf.ocr import DPI, LANGUAGES, ocr_pages


def scanned_pdfs(folder: Path) -> list[tuple[str, bytes]]:
    """The PDF attachments of the folder's messages."""
    found = []
    for path in sorted(folder.glob("*.eml")):
        parsed = parse_message(path.read_bytes())
        found += [(path.name, a.data) for a in parsed.attachments if a.filename.lower().endswith(".pdf")]
    return found


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(func) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), _children_cpu()
    pages = func()
    return time.perf_counter() - wall, _children_cpu() - cpu, pages


def _baseline(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        for page in document:
            image = page.render(scale=DPI / 72).to_pil()
            pytesseract.image_to_data(image, lang=LANGUAGES, config="--psm 6")
        return len(document)
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--no-baseline", action="store_true", help="time the OCR path only")
    args = parser.parse_args()
    rows: dict[str, list[tuple[float, float]]] = {"ocr_pages": [], "baseline 300 dpi": []}
    print(f"{'file':28} {'pages':>5} {'wall s/page':>12} {'cpu s/page':>11}")
    for name, data in scanned_pdfs(args.folder):
        wall, cpu, pages = _timed(lambda d=data, n=name: len(ocr_pages(d, n, max_pages=10)))
        rows["ocr_pages"] += [(wall / pages, cpu / pages)] * pages
        print(f"{name:28} {pages:5} {wall / pages:12.2f} {cpu / pages:11.2f}")
        if not args.no_baseline:
            wall, cpu, pages = _timed(lambda d=data: _baseline(d))
            rows["baseline 300 dpi"] += [(wall / pages, cpu / pages)] * pages
    print(f"\n{'variant':18} {'pages':>5} {'wall s/page':>12} {'cpu s/page':>11} {'max wall':>9}")
    for variant, timings in rows.items():
        if timings:
            walls, cpus = [t[0] for t in timings], [t[1] for t in timings]
            print(
                f"{variant:18} {len(timings):5} {statistics.mean(walls):12.2f} "
                f"{statistics.mean(cpus):11.2f} {max(walls):9.2f}"
            )
    if rows["baseline 300 dpi"]:
        ratio = statistics.mean(c for _, c in rows["ocr_pages"]) / statistics.mean(
            c for _, c in rows["baseline 300 dpi"]
        )
        print(f"\nocr_pages CPU time / baseline: {ratio:.2f}")


if __name__ == "__main__":
    main()
