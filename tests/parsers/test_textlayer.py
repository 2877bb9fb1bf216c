"""PDFium's words and rules against pdfplumber's on the labelled PDFs: the reader must not feel the change.

One difference is by design: where a figure is painted over a designation run on into its column,
pdfplumber glues both into one word ('100' under '4': '1004'); the text layer keeps each print run
a word of its own. pdfplumber's words are compared split the same way (a glyph painted over a share of
a glyph of its word already painted starts another), and only the words listed in OVERPRINTED may
be so split.
"""

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
# pdfplumber's words that are two print runs, by PDF.
OVERPRINTED = {"pdf_quantity_printed_over_designation_fr.eml:DP-2612-77.pdf": ["1004", "1060"]}


def _print_runs(word: dict, painted: dict[int, int]) -> list[list[dict]]:
    runs: list[list[dict]] = []
    for char in sorted(word["chars"], key=lambda c: painted[id(c)]):
        share = 0.05 if char["text"].isdigit() and runs and runs[-1][-1]["text"].isdigit() else 0.15
        cover = share * (char["x1"] - char["x0"])
        if not runs or any(min(char["x1"], c["x1"]) - max(char["x0"], c["x0"]) > cover for c in runs[-1]):
            runs.append([])
        runs[-1].append(char)
    return [sorted(run, key=lambda c: c["x0"]) for run in runs]


def _plumber(page, split: list[str]) -> tuple[list[tuple], list[float]]:
    painted = {id(c): k for k, c in enumerate(page.chars)}
    words = []
    for word in page.extract_words(return_chars=True):
        runs = _print_runs(word, painted)
        if len(runs) > 1:
            split.append(word["text"])
        words += [("".join(c["text"] for c in r), r[0]["x0"], r[-1]["x1"], word["top"]) for r in runs]
    xs = [ln["x0"] for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 1]
    xs += [x for r in page.rects if r["bottom"] - r["top"] > 4 for x in (r["x0"], r["x1"])]
    return words, xs


def test_there_are_pdfs() -> None:
    assert len(PDFS) >= 8


@pytest.mark.parametrize(("name", "data"), PDFS, ids=[n for n, _ in PDFS])
def test_words_and_rules_match_pdfplumber(name: str, data: bytes) -> None:
    document = pdfium.PdfDocument(data)
    split: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        assert len(document) == len(plumber.pages)
        for index, expected_page in enumerate(plumber.pages):
            page = document[index]
            geometry = PageGeometry(page)
            assert (geometry.width, geometry.height) == pytest.approx(
                (expected_page.width, expected_page.height), abs=0.01
            )
            words, xs = _plumber(expected_page, split)
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
    assert split == OVERPRINTED.get(name, [])
