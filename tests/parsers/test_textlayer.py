"""PDFium's words and rules against pdfplumber's on the labelled PDFs: the reader must not feel the change."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
import pytest

from parsers import parse_message
from parsers.documents.pdf.textlayer import PageGeometry, page_rules, page_words
from tests.paths import FIXTURES, SAMPLES


def _pdfs() -> list[tuple[str, bytes]]:
    found = []
    for path in sorted([*(SAMPLES / "emails").glob("*.eml"), *FIXTURES.glob("*.eml")]):
        for attachment in parse_message(path.read_bytes()).attachments:
            if attachment.data.startswith(b"%PDF"):
                found.append((f"{path.name}:{attachment.filename}", attachment.data))
    return found


PDFS = _pdfs()


def _plumber(page) -> tuple[list[tuple], list[float]]:
    words = [(w["text"], w["x0"], w["x1"], w["top"]) for w in page.extract_words()]
    xs = [ln["x0"] for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 1]
    xs += [x for r in page.rects if r["bottom"] - r["top"] > 4 for x in (r["x0"], r["x1"])]
    return words, xs


def test_there_are_pdfs() -> None:
    assert len(PDFS) >= 8


@pytest.mark.parametrize("data", [d for _, d in PDFS], ids=[n for n, _ in PDFS])
def test_words_and_rules_match_pdfplumber(data: bytes) -> None:
    document = pdfium.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        assert len(document) == len(plumber.pages)
        for index, expected_page in enumerate(plumber.pages):
            page = document[index]
            geometry = PageGeometry(page)
            assert (geometry.width, geometry.height) == pytest.approx(
                (expected_page.width, expected_page.height), abs=0.01
            )
            words, xs = _plumber(expected_page)
            got = sorted(page_words(page, index + 1, geometry), key=lambda w: (round(w.top), w.x0))
            words.sort(key=lambda w: (round(w[3]), w[1]))
            assert [w.text for w in got] == [w[0] for w in words]
            for word, (_, x0, x1, top) in zip(got, words, strict=True):
                assert word.x0 == pytest.approx(x0, abs=1)
                # within a point (glyph spacing); pdfminer gives a glyph missing from the widths none
                assert word.x1 == pytest.approx(x1, abs=1) or word.text.endswith("€")
                assert word.top == pytest.approx(top, abs=3)
            rules = sorted(x for x, _, _ in page_rules(page, geometry))
            assert rules == pytest.approx(sorted(xs), abs=0.5)
