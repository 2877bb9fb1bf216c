"""An Order-X PDF read from its page alone gives the order its embedded XML gives."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from models import ExtractedOrder
from parsers import parse_message
from parsers.documents.pdf import load_pages, read_pages
from parsers.documents.structured import embedded_xml, read_xml
from parsers.vocabulary.layout import default_vocabulary

ORDERX = Path(__file__).resolve().parents[2] / "fixtures" / "erp" / "orderx"
WITH_XML = sorted(p for p in ORDERX.glob("*.eml") if not p.stem.endswith("-page"))


def _pdf(path: Path) -> bytes:
    parsed = parse_message(path.read_bytes())
    (pdf,) = [a.data for a in parsed.attachments if a.filename.lower().endswith(".pdf")]
    return pdf


def strip_attachments(data: bytes) -> bytes:
    """The same PDF without its embedded files."""
    document = pdfium.PdfDocument(data)
    try:
        for index in reversed(range(document.count_attachments())):
            document.del_attachment(index)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    finally:
        document.close()


def _lines(order: ExtractedOrder) -> list[tuple[set[str], object, object]]:
    def value(extracted):
        return extracted.value if extracted is not None else None

    return [
        (
            {c.value for c in [line.code, *line.alt_codes] if c is not None},
            value(line.quantity),
            value(line.unit_price),
        )
        for line in order.lines
    ]


def test_the_order_x_examples_are_there() -> None:
    assert len(WITH_XML) >= 6


@pytest.mark.parametrize("path", WITH_XML, ids=[p.stem for p in WITH_XML])
def test_page_reading_equals_xml_reading(path: Path) -> None:
    pdf = _pdf(path)
    ((name, xml),) = embedded_xml(pdf)
    from_xml = read_xml(xml, f"{path.name}:{name}", source="pdf")
    page_only = strip_attachments(pdf)
    assert embedded_xml(page_only) == []
    pages, scanned = load_pages(page_only, path.name, max_pages=20)
    assert not scanned
    from_page = read_pages(pages, path.name, default_vocabulary())

    assert from_page.po_number.value == from_xml.po_number.value
    assert from_page.order_date.value == from_xml.order_date.value
    expected_delivery = from_xml.requested_delivery_date
    got_delivery = from_page.requested_delivery_date
    assert (got_delivery and got_delivery.value) == (expected_delivery and expected_delivery.value)
    page_lines, xml_lines = _lines(from_page), _lines(from_xml)
    assert len(page_lines) == len(xml_lines)
    for (page_codes, page_qty, page_price), (xml_codes, xml_qty, xml_price) in zip(
        page_lines, xml_lines, strict=True
    ):
        assert page_codes & xml_codes, (page_codes, xml_codes)
        assert page_qty == xml_qty
        assert page_price == xml_price
    assert from_page.total_excl_vat is not None
    assert sum(line.amount.value for line in from_page.lines) == from_page.total_excl_vat.value
