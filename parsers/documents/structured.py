"""Structured orders: Order-X (UN/CEFACT CII order), Factur-X/ZUGFeRD invoices and UBL Order/Invoice.

Read exactly from their XML, whether sent as an attachment or embedded in a PDF.
Elements are found by local name, so namespace prefixes and versions do not matter.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal, InvalidOperation

from lxml import etree

from models import DocumentKind, DocumentReadError, Extracted, ExtractedLine, ExtractedOrder, Provenance

XML_CONFIDENCE = 0.99
# UN/CEFACT document type codes (UNTDID 1001).
_CII_KINDS = {
    "220": DocumentKind.PURCHASE_ORDER,
    "230": DocumentKind.PURCHASE_ORDER,
    "380": DocumentKind.INVOICE,
    "381": DocumentKind.CREDIT_NOTE,
    "384": DocumentKind.INVOICE,
    "386": DocumentKind.INVOICE,
    "389": DocumentKind.INVOICE,
    "310": DocumentKind.QUOTE,
}
_ROOT_KINDS = {
    "Order": DocumentKind.PURCHASE_ORDER,
    "Invoice": DocumentKind.INVOICE,
    "CreditNote": DocumentKind.CREDIT_NOTE,
    "Quotation": DocumentKind.QUOTE,
    "DespatchAdvice": DocumentKind.DELIVERY_NOTE,
    "CrossIndustryInvoice": DocumentKind.INVOICE,
    "SCRDMCCBDACIOMessageStructure": DocumentKind.PURCHASE_ORDER,
}


def is_order_xml(data: bytes) -> bool:
    """Does the XML's root say it is a business document Intake knows?"""
    try:
        return _root(data, "xml").tag.rpartition("}")[2] in _ROOT_KINDS
    except DocumentReadError:
        return False


def read_xml(data: bytes, part: str, *, source: str = "api") -> ExtractedOrder:
    """The order (or the kind of another document) an Order-X, Factur-X or UBL XML holds."""
    root = _root(data, part)
    name = root.tag.rpartition("}")[2]
    if name not in _ROOT_KINDS:
        raise DocumentReadError.because(part, "xml_not_order", root=name)
    order = ExtractedOrder(source=source, part=part, confidence=XML_CONFIDENCE)
    order.document_kind = _ROOT_KINDS[name]
    if name in ("SCRDMCCBDACIOMessageStructure", "CrossIndustryInvoice"):
        _read_cii(root, order, part)
    else:
        _read_ubl(root, order, part)
    return order


def _root(data: bytes, part: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.parse(io.BytesIO(data), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise DocumentReadError.because(part, "xml_malformed", detail=exc) from exc


def _all(node: etree._Element, path: str) -> list[etree._Element]:
    steps = "/".join(f"*[local-name()='{step}']" for step in path.split("/"))
    return node.xpath(f".//{steps}")


def _text(node: etree._Element, path: str) -> str | None:
    found = _all(node, path)
    return found[0].text.strip() if found and found[0].text and found[0].text.strip() else None


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    digits = text.strip().replace("-", "")[:8]
    try:
        return dt.datetime.strptime(digits, "%Y%m%d").date()
    except ValueError:
        return None


def _x(value, part: str, rule: str):
    return Extracted(value=value, confidence=XML_CONFIDENCE, provenance=Provenance(part=part, rule=rule))


def _read_cii(root: etree._Element, order: ExtractedOrder, part: str) -> None:
    rule = "order-x" if order.document_kind == DocumentKind.PURCHASE_ORDER else "factur-x"
    code = _text(root, "ExchangedDocument/TypeCode")
    order.document_kind = _CII_KINDS.get(code or "", order.document_kind)
    fields = {
        "po_number": _text(root, "ExchangedDocument/ID"),
        "buyer_name": _text(root, "BuyerTradeParty/Name"),
        "buyer_vat": _text(root, "BuyerTradeParty/SpecifiedTaxRegistration/ID"),
    }
    for attr, value in fields.items():
        if value:
            setattr(order, attr, _x(value, part, rule))
    issued = _date(_text(root, "ExchangedDocument/IssueDateTime/DateTimeString"))
    wanted = _date(_text(root, "RequestedDeliverySupplyChainEvent/OccurrenceDateTime/DateTimeString"))
    order.order_date = _x(issued, part, rule) if issued else None
    order.requested_delivery_date = _x(wanted, part, rule) if wanted else None
    ship = _all(root, "ShipToTradeParty")
    if ship:
        order.ship_to = _x(
            _address(
                ship[0],
                "Name",
                "PostalTradeAddress/LineOne",
                "PostalTradeAddress/LineTwo",
                ("PostalTradeAddress/PostcodeCode", "PostalTradeAddress/CityName"),
            ),
            part,
            rule,
        )
    order.currency = _text(root, "OrderCurrencyCode") or _text(root, "InvoiceCurrencyCode") or "EUR"
    total = _decimal(_text(root, "SpecifiedTradeSettlementHeaderMonetarySummation/LineTotalAmount"))
    order.total_excl_vat = _x(total, part, rule) if total is not None else None
    _cii_lines(root, order, part, rule)


def _cii_lines(root: etree._Element, order: ExtractedOrder, part: str, rule: str) -> None:
    for item in _all(root, "IncludedSupplyChainTradeLineItem"):
        quantity = (
            _all(item, "RequestedQuantity") or _all(item, "BilledQuantity") or _all(item, "AgreedQuantity")
        )
        codes = [
            _text(item, f"SpecifiedTradeProduct/{tag}")
            for tag in ("BuyerAssignedID", "SellerAssignedID", "GlobalID")
        ]
        _add_line(
            order,
            part,
            rule,
            codes,
            _text(item, "SpecifiedTradeProduct/Name"),
            quantity,
            _text(item, "NetPriceProductTradePrice/ChargeAmount"),
            _text(item, "LineTotalAmount"),
        )


def _read_ubl(root: etree._Element, order: ExtractedOrder, part: str) -> None:
    rule = "ubl"
    direct = {el.tag.rpartition("}")[2]: (el.text or "").strip() for el in root}
    if direct.get("ID"):
        order.po_number = _x(direct["ID"], part, rule)
    issued = _date(direct.get("IssueDate"))
    order.order_date = _x(issued, part, rule) if issued else None
    party = _all(root, "BuyerCustomerParty/Party") or _all(root, "AccountingCustomerParty/Party")
    if party:
        name = _text(party[0], "PartyName/Name") or _text(party[0], "PartyLegalEntity/RegistrationName")
        vat = _text(party[0], "PartyTaxScheme/CompanyID")
        order.buyer_name = _x(name, part, rule) if name else None
        order.buyer_vat = _x(vat, part, rule) if vat else None
    wanted = _date(
        _text(root, "Delivery/RequestedDeliveryPeriod/StartDate")
        or _text(root, "Delivery/RequestedDeliveryPeriod/EndDate")
    )
    order.requested_delivery_date = _x(wanted, part, rule) if wanted else None
    address = _all(root, "Delivery/DeliveryLocation/Address") or _all(root, "Delivery/DeliveryAddress")
    if address:
        order.ship_to = _x(
            _address(
                address[0], "StreetName", "AdditionalStreetName", "BuildingNumber", ("PostalZone", "CityName")
            ),
            part,
            rule,
        )
    order.currency = direct.get("DocumentCurrencyCode") or "EUR"
    total = _decimal(
        _text(root, "AnticipatedMonetaryTotal/LineExtensionAmount")
        or _text(root, "LegalMonetaryTotal/LineExtensionAmount")
    )
    order.total_excl_vat = _x(total, part, rule) if total is not None else None
    _ubl_lines(root, order, part, rule)


def _ubl_lines(root: etree._Element, order: ExtractedOrder, part: str, rule: str) -> None:
    for item in _all(root, "OrderLine/LineItem") or _all(root, "InvoiceLine"):
        quantity = [q for q in item if q.tag.rpartition("}")[2] in ("Quantity", "InvoicedQuantity")]
        codes = [
            _text(item, f"Item/{tag}/ID")
            for tag in ("BuyersItemIdentification", "SellersItemIdentification", "StandardItemIdentification")
        ]
        _add_line(
            order,
            part,
            rule,
            codes,
            _text(item, "Item/Name") or _text(item, "Item/Description"),
            quantity,
            _text(item, "Price/PriceAmount"),
            next((q.text for q in item if q.tag.endswith("LineExtensionAmount")), None),
        )


def _address(node: etree._Element, *paths) -> str:
    parts = []
    for path in paths:
        if isinstance(path, tuple):
            joined = " ".join(t for t in (_text(node, p) for p in path) if t)
            if joined:
                parts.append(joined)
        elif _text(node, path):
            parts.append(_text(node, path))
    return ", ".join(parts)


def _add_line(order, part, rule, codes, name, quantity_nodes, price, amount) -> None:
    quantity = _decimal(quantity_nodes[0].text.strip()) if quantity_nodes and quantity_nodes[0].text else None
    if quantity is None or quantity <= 0:
        return
    line = ExtractedLine(line_no=len(order.lines) + 1, confidence=XML_CONFIDENCE)
    known = [c for c in codes if c]
    if known:
        line.code = _x(known[0], part, rule)
        line.alt_codes = [_x(c, part, rule) for c in known[1:]]
    line.description = _x(name, part, rule) if name else None
    line.quantity = _x(quantity, part, rule)
    unit = quantity_nodes[0].get("unitCode")
    line.unit = _x(unit, part, rule) if unit else None
    for attr, text in (("unit_price", price), ("amount", amount)):
        value = _decimal(text)
        if value is not None:
            setattr(line, attr, _x(value, part, rule))
    order.lines.append(line)


def load_pdf_objects() -> None:
    """pdfminer, which `embedded_xml` reads a PDF's objects with, imported now: every PDF is
    looked into, and a process that reads them imports it once for the workers it forks."""
    import pdfminer.pdfdocument
    import pdfminer.pdfparser
    import pdfminer.pdftypes  # noqa: F401


def embedded_xml(data: bytes) -> list[tuple[str, bytes]]:
    """The XML files a PDF embeds (Factur-X, Order-X, ZUGFeRD), by name."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    names = resolve1(resolve1(document.catalog.get("Names") or {}).get("EmbeddedFiles") or {})
    pairs = resolve1(names.get("Names") or []) if isinstance(names, dict) else []
    found = []
    for name, spec in zip(pairs[::2], pairs[1::2], strict=False):
        spec = resolve1(spec)
        stream = resolve1(resolve1(spec.get("EF") or {}).get("F"))
        label = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        if stream is not None and label.lower().endswith(".xml"):
            found.append((label, stream.get_data()))
    return found
