"""Every PDF of the shared corpora (malformed, encrypted, huge, odd) is read or rejected with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Attachment, DocumentReadError, ExtractedOrder
from parsers.documents.attachments import DocumentLimits, read_document
from tests.paths import CORPORA

FOLDERS = ("pdfminer-samples", "pdfplumber-test-pdfs", "pypdf-resources")
PDFS = sorted(p for folder in FOLDERS for p in (CORPORA / folder).rglob("*") if p.suffix.lower() == ".pdf")
LIMITS = DocumentLimits(timeout_seconds=20, memory_bytes=1024 * 2**20)


def test_the_corpora_are_there() -> None:
    assert len(PDFS) > 100


@pytest.mark.parametrize("path", PDFS, ids=[str(p.relative_to(CORPORA)) for p in PDFS])
def test_corpus_pdf_is_read_or_rejected_with_a_reason(path: Path) -> None:
    document = Attachment(filename=path.name, content_type="application/pdf", data=path.read_bytes())
    try:
        orders = read_document(document, limits=LIMITS)
    except DocumentReadError as error:
        assert error.part == document.part_name
        assert len(error.reason) > 10
    else:
        assert all(isinstance(o, ExtractedOrder) and o.part == document.part_name for o in orders)
