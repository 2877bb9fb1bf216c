"""A body read again for the same message, and a body beside an attached order with lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from models import Attachment, ParsedMessage
from parsers import extract_orders
from parsers.documents.limits import DocumentLimits
from parsers.text import ner
from parsers.text.reader import extract_from_text

SENT = dt.datetime(2026, 5, 12, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
IN_PROCESS = DocumentLimits(isolate=False)


def _parsed(text: str, **kwargs) -> ParsedMessage:
    return ParsedMessage(message_id="<garden@x>", text=text, date=SENT, **kwargs)


def test_a_body_read_again_is_the_same_order_and_its_own() -> None:
    parsed = _parsed("Bonjour,\n3 x tuyau d'arrosage 25 m\n2 x raccord rapide 19 mm\nMerci")
    first = extract_from_text(parsed)
    again = extract_from_text(parsed)
    assert again == first and again is not first
    assert [line.quantity.value for line in again.lines if line.quantity] == [Decimal(3), Decimal(2)]
    first.lines.clear()  # a reader changes the order it was given, never another's
    assert extract_from_text(parsed) == again


def test_a_message_given_another_body_is_read_anew() -> None:
    parsed = _parsed("Bonjour,\n3 x tuyau d'arrosage 25 m\nMerci")
    assert [line.quantity.value for line in extract_from_text(parsed).lines] == [Decimal(3)]
    parsed.text = "Bonjour,\n7 x arrosoir 10 L\nMerci"
    assert [line.quantity.value for line in extract_from_text(parsed).lines] == [Decimal(7)]


def test_the_model_reads_no_body_line_beside_an_attached_order_with_lines(monkeypatch) -> None:
    sheet = Attachment(
        filename="commande-jardin.csv",
        content_type="text/csv",
        data="Référence;Désignation;Quantité\nARR-10;Arrosoir 10 L;5\nTUY-25;Tuyau 25 m;2\n".encode(),
    )
    parsed = _parsed(
        "Bonjour,\nci-joint notre commande pour le dépôt 12, livraison au 4 rue des Lilas.",
        attachments=[sheet],
    )

    def asked(*args, **kwargs):
        raise AssertionError("the model was asked for the body's lines")

    monkeypatch.setattr(ner, "lines_from_sentences", asked)
    (order,) = extract_orders(parsed, limits=IN_PROCESS)
    assert order.source == "spreadsheet"
    assert [line.quantity.value for line in order.lines if line.quantity] == [Decimal(5), Decimal(2)]
