"""A message whose attachment is an invoice, a credit or a delivery note and no order: no order is made
of it, even when its words sound like one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.reading import read_message
from matchers import CatalogIndex
from models import MessageKind, RawMessage
from parsers import DocumentLimits
from tests.factories.documents import Item, Layout, make_po_pdf
from tests.factories.messages import message_with_attachment
from tests.paths import FIXTURES_REF


def _message(title: str) -> bytes:
    layout = Layout(title=title, fields=(("N° :", "DOC-26-0412"), ("Date :", "02/12/2026")))
    pdf = make_po_pdf([Item("VIS-320-200", "Vis agglo inox 3x20 boîte de 200", "4", "boite")], layout)
    return message_with_attachment(pdf, "DOC-26-0412.pdf", "pdf")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("BON DE LIVRAISON", MessageKind.OTHER),
        ("FACTURE", MessageKind.INVOICE),
        ("AVOIR", MessageKind.INVOICE),
    ],
    ids=["delivery-note", "invoice", "credit-note"],
)
def test_an_attached_delivery_note_or_invoice_makes_no_order(
    title: str, kind: MessageKind, reference_index: Callable[[Path], CatalogIndex]
) -> None:
    read = read_message(
        RawMessage(data=_message(title)), index=reference_index(FIXTURES_REF), limits=DocumentLimits()
    )
    assert read.matched == []
    assert read.parsed.classification is not None and read.parsed.classification.kind == kind


def test_the_same_message_carrying_a_purchase_order_is_an_order(
    reference_index: Callable[[Path], CatalogIndex],
) -> None:
    message = _message("BON DE COMMANDE")
    read = read_message(
        RawMessage(data=message), index=reference_index(FIXTURES_REF), limits=DocumentLimits()
    )
    assert [[line.sku for line in order.lines] for order in read.matched] == [["VIS-320-200"]]
