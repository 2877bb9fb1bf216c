"""Order-X, Factur-X and UBL: read exactly from the XML, attached or embedded in a PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fixtures.documents.common import embed_file
from fixtures.documents.special import order_x
from models import DocumentKind, DocumentReadError
from parsers.documents.structured import embedded_xml, read_xml
from tests.factories.documents import Item, make_po_pdf

UBL_ORDER = b"""<?xml version="1.0" encoding="UTF-8"?>
<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>UBL-PO-17</cbc:ID>
  <cbc:IssueDate>2026-11-03</cbc:IssueDate>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:BuyerCustomerParty><cac:Party>
    <cac:PartyName><cbc:Name>Coastline Renovations</cbc:Name></cac:PartyName>
    <cac:PartyTaxScheme><cbc:CompanyID>GB999888777</cbc:CompanyID></cac:PartyTaxScheme>
  </cac:Party></cac:BuyerCustomerParty>
  <cac:Delivery>
    <cac:DeliveryLocation><cac:Address>
      <cbc:StreetName>21 Harbour Street</cbc:StreetName><cbc:CityName>Plymouth</cbc:CityName>
      <cbc:PostalZone>PL1 2AA</cbc:PostalZone>
    </cac:Address></cac:DeliveryLocation>
    <cac:RequestedDeliveryPeriod><cbc:StartDate>2026-11-10</cbc:StartDate></cac:RequestedDeliveryPeriod>
  </cac:Delivery>
  <cac:OrderLine><cac:LineItem>
    <cbc:ID>1</cbc:ID><cbc:Quantity unitCode="BX">12</cbc:Quantity>
    <cbc:LineExtensionAmount currencyID="EUR">82.80</cbc:LineExtensionAmount>
    <cac:Price><cbc:PriceAmount currencyID="EUR">6.90</cbc:PriceAmount></cac:Price>
    <cac:Item><cbc:Name>Nitrile gloves size 9</cbc:Name>
      <cac:BuyersItemIdentification><cbc:ID>CR-GLV-9</cbc:ID></cac:BuyersItemIdentification>
      <cac:SellersItemIdentification><cbc:ID>GAN-NIT-T9</cbc:ID></cac:SellersItemIdentification>
    </cac:Item>
  </cac:LineItem></cac:OrderLine>
  <cac:OrderLine><cac:LineItem>
    <cbc:ID>2</cbc:ID><cbc:Quantity unitCode="EA">0</cbc:Quantity>
    <cac:Item><cbc:Name>Not ordered</cbc:Name></cac:Item>
  </cac:LineItem></cac:OrderLine>
</Order>
"""


def test_order_x_is_read_exactly() -> None:
    order = read_xml(order_x(), "attachment:order-x.xml")
    assert order.document_kind == DocumentKind.PURCHASE_ORDER
    assert order.po_number.value == "DP-2026-0311"
    assert order.order_date.value == dt.date(2026, 11, 19)
    assert order.requested_delivery_date.value == dt.date(2026, 11, 26)
    assert order.ship_to.value == "Chantier Villa Lacoste, 7 chemin de Compostelle, 33610 Cestas"
    assert order.buyer_vat.value == "FR83404833048"
    assert [(line.code.value, line.quantity.value) for line in order.lines][:2] == [
        ("PER-16-R50", Decimal(3)),
        ("RAC-PER-16", Decimal(40)),
    ]
    assert order.confidence > 0.95


def test_ubl_order_is_read() -> None:
    order = read_xml(UBL_ORDER, "attachment:po.xml")
    assert order.po_number.value == "UBL-PO-17"
    assert order.requested_delivery_date.value == dt.date(2026, 11, 10)
    assert order.ship_to.value == "21 Harbour Street, PL1 2AA Plymouth"
    assert len(order.lines) == 1
    line = order.lines[0]
    assert (line.code.value, [a.value for a in line.alt_codes]) == ("CR-GLV-9", ["GAN-NIT-T9"])
    assert (line.quantity.value, line.unit.value, line.unit_price.value) == (
        Decimal(12),
        "BX",
        Decimal("6.90"),
    )


@pytest.mark.parametrize(
    ("xml", "kind"),
    [
        (order_x().replace(b"<ram:TypeCode>220<", b"<ram:TypeCode>380<"), DocumentKind.INVOICE),
        (
            b'<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>F1</ID></Invoice>',
            DocumentKind.INVOICE,
        ),
        (b'<rsm:CrossIndustryInvoice xmlns:rsm="urn:x"/>', DocumentKind.INVOICE),
    ],
    ids=["cii-typecode-380", "ubl-invoice", "factur-x"],
)
def test_invoices_are_told_apart(xml: bytes, kind: DocumentKind) -> None:
    assert read_xml(xml, "attachment:x.xml").document_kind == kind


@pytest.mark.parametrize(
    "xml",
    [b"<not-closed>", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', b"<Catalogue/>"],
    ids=["malformed", "external-entity", "unknown-root"],
)
def test_bad_xml_is_a_document_error(xml: bytes) -> None:
    with pytest.raises(DocumentReadError) as error:
        read_xml(xml, "attachment:x.xml")
    assert error.value.part == "attachment:x.xml"


def test_xml_embedded_in_a_pdf_is_found() -> None:
    pdf = embed_file(make_po_pdf([Item("A", "a", "1")]), "order-x.xml", order_x())
    assert embedded_xml(pdf) == [("order-x.xml", order_x())]
