"""The public samples' PDF and spreadsheet orders read from their attachments, against their labels."""

from __future__ import annotations

import csv
import json

import pytest

from models import DocumentKind
from parsers import extract_orders, parse_message
from parsers.documents.attachments import document_kinds
from tests.paths import FIXTURES, SAMPLES

EMAILS = SAMPLES / "emails"
DOCUMENT_SAMPLES = ["016", "017", "018", "019", "020", "021", "022", "023"]
# A document labelled for review is one no reader is meant to read whole (a row
# printed outside its columns): the reading checks' tests hold it instead.
OWN_FIXTURES = sorted(
    name
    for name in (
        row["file"].removesuffix(".eml")
        for row in csv.DictReader((FIXTURES / "INDEX.csv").open(encoding="utf-8"))
        if row["category"] in {"pdf", "xlsx"}
    )
    if all(
        record["status"] == "accepted"
        for record in json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    )
)


def check_against_labels(path, expected_path) -> None:
    parsed = parse_message(path.read_bytes())
    orders = extract_orders(parsed)
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert [o.po_number.value if o.po_number else None for o in orders] == [e["po_number"] for e in expected]
    for order, label in zip(orders, expected, strict=True):
        assert order.source == label["source"]
        # A document that prints no date was ordered when it was sent (as the record says).
        ordered = order.order_date.value if order.order_date else parsed.local_date
        assert ordered.isoformat() == label["order_date"]
        wanted = label["requested_delivery_date"]
        assert (
            order.requested_delivery_date.value.isoformat() if order.requested_delivery_date else None
        ) == wanted
        if order.ship_to is not None:
            assert order.ship_to.value == label["ship_to"]
        assert len(order.lines) == len(label["lines"])
        assert [
            _counted(line, labelled["quantity"])
            for line, labelled in zip(order.lines, label["lines"], strict=True)
        ] == [line["quantity"] for line in label["lines"]]
        for line, labelled in zip(order.lines, label["lines"], strict=True):
            if labelled["customer_ref"]:
                assert line.code.value == labelled["customer_ref"]


def _counted(line, labelled: float) -> float:
    """The quantity read; a line read with its pack ('3 boîtes de 10') may be labelled in what the
    pack holds, a conversion the matcher makes from the catalogue's unit."""
    read = float(line.quantity.value)
    if line.pack_size is not None and read * float(line.pack_size.value) == labelled:
        return labelled
    return read


@pytest.mark.parametrize("name", DOCUMENT_SAMPLES)
def test_sample_document_orders(name: str) -> None:
    check_against_labels(EMAILS / f"{name}.eml", EMAILS / f"{name}.expected.json")


@pytest.mark.parametrize("name", OWN_FIXTURES)
def test_fixture_document_orders(name: str) -> None:
    check_against_labels(FIXTURES / f"{name}.eml", FIXTURES / f"{name}.expected.json")


def test_sample_invoice_is_told_apart() -> None:
    parsed = parse_message((EMAILS / "026.eml").read_bytes())
    assert extract_orders(parsed) == []
    assert set(document_kinds(parsed).values()) == {DocumentKind.INVOICE}


def test_layout_b_keeps_the_second_code() -> None:
    order = extract_orders(parse_message((EMAILS / "018.eml").read_bytes()))[0]
    assert order.lines[0].code.value == "LT-10020"
    assert [alt.value for alt in order.lines[0].alt_codes] == ["VJ10126"]
    # The description runs over its wrapped rows; the packaging column's size joins it.
    assert "SALLE PETIT-DÉJEUNER ET SÉMINAIRES" in order.lines[0].description.value


def test_scanned_fixture_is_read_with_lower_confidence() -> None:
    order = extract_orders(parse_message((FIXTURES / "pdf_scanned_image_ocr_fr.eml").read_bytes()))[0]
    assert order.confidence < 0.7
    assert any("OCR" in note for note in order.notes)
    assert order.lines[0].quantity.provenance.bbox is not None
