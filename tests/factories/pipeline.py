"""The pipeline's handoff models as tests build them: a parsed message, lines as read and as
matched, a matched order from a known customer, a customer's history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from matchers import CatalogIndex
from models import (
    Address,
    Candidate,
    Classification,
    CustomerHistory,
    CustomerMatch,
    CustomerRow,
    DocumentKind,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    LineMatch,
    MatchedOrder,
    MessageKind,
    ParsedMessage,
    PastOrder,
    ProductRow,
    Provenance,
    ReferenceData,
)

PASS = (
    "mx.garonne-pro.fr; dkim=pass header.d=martin-btp.fr header.s=s1; "
    "spf=pass smtp.mailfrom=achats@martin-btp.fr; dmarc=pass header.from=martin-btp.fr"
)


def make_product(
    sku: str, name: str, unit: str = "boite", price: float = 6.0, stock: int | None = 50
) -> ProductRow:
    return ProductRow(sku=sku, name=name, unit=unit, unit_price=price, stock=stock)


PRODUCTS = {
    p.sku: p
    for p in (
        make_product("VIS-440-200", "Vis agglo tête fraisée inox A2 4x40 - boîte de 200", price=6.0),
        make_product("VIS-440-500", "Vis agglo tête fraisée inox A2 4x40 - boîte de 500", price=12.0),
        make_product("GAN-NIT-T10", "Gants nitrile taille 10 - boîte de 100", price=6.9, stock=0),
        make_product("CIM-25", "Ciment gris CEM II 32,5 sac de 25 kg", unit="pce", price=10.5, stock=None),
    )
}

CUSTOMERS = {
    c.customer_id: c
    for c in (
        CustomerRow(
            customer_id="G001",
            name="Martin BTP",
            email_domains=["martin-btp.fr"],
            contact_emails=["achats@martin-btp.fr"],
        ),
        CustomerRow(customer_id="G003", name="Atelier Lemaire", contact_emails=["atelier.lemaire@orange.fr"]),
    )
}


def make_parsed(
    *,
    sender: str = "achats@martin-btp.fr",
    auth: str | None = PASS,
    text: str = "",
    reply_to: str | None = None,
    forwarded_from: str | None = None,
    to: str = "commandes@garonne-pro.fr",
    classification: float = 1.0,
) -> ParsedMessage:
    headers = {"From": sender, "Message-ID": "<new@martin-btp.fr>"}
    if auth is not None:
        headers["Authentication-Results"] = auth
    return ParsedMessage(
        message_id="<new@martin-btp.fr>",
        sender=Address(email=sender),
        reply_to=Address(email=reply_to) if reply_to else None,
        forwarded_sender=Address(email=forwarded_from) if forwarded_from else None,
        to=[Address(email=to)],
        date=dt.datetime(2026, 11, 12, 9, 30, tzinfo=dt.UTC),
        headers=headers,
        text=text,
        classification=Classification(kind=MessageKind.ORDER, confidence=classification),
    )


def make_line(
    sku: str | None,
    quantity: str | None = "4",
    *,
    number: int = 1,
    description: str = "vis 4x40",
    score: float = 1.0,
    margin: float = 1.0,
    unit: str | None = None,
    printed_price: str | None = None,
    amount: str | None = None,
    candidates: list[Candidate] | None = None,
    span: tuple[int, int] | None = None,
) -> LineMatch:
    provenance = Provenance(part="body", span=span) if span else None
    extracted = ExtractedLine(
        line_no=number,
        description=Extracted[str](value=description),
        quantity=Extracted[Decimal](value=Decimal(quantity), provenance=provenance) if quantity else None,
        unit_price=Extracted[Decimal](value=Decimal(printed_price)) if printed_price else None,
        amount=Extracted[Decimal](value=Decimal(amount)) if amount else None,
        provenance=provenance,
    )
    product = PRODUCTS.get(sku or "")
    return LineMatch(
        line=extracted,
        sku=sku,
        score=score if sku else 0.0,
        margin=margin if sku else 0.0,
        candidates=candidates
        if candidates is not None
        else ([Candidate(key=sku, score=score)] if sku else []),
        unit=unit or (product.unit if product else None),
        quantity=Decimal(quantity) if quantity else None,
        unit_price=Decimal(printed_price)
        if printed_price
        else Decimal(str(product.unit_price))
        if product
        else None,
    )


def make_matched_order(
    lines: list[LineMatch] | None = None,
    *,
    customer_id: str | None = "G001",
    po: str | None = "BC-117",
    total: str | None = None,
    document_kind: DocumentKind = DocumentKind.PURCHASE_ORDER,
    customer_candidates: list[Candidate] | None = None,
) -> MatchedOrder:
    if lines is None:
        lines = [
            make_line("VIS-440-200", "4"),
            make_line("CIM-25", "10", number=2, description="ciment 25 kg"),
        ]
    order = ExtractedOrder(
        po_number=Extracted[str](value=po) if po else None,
        total_excl_vat=Extracted[Decimal](value=Decimal(total)) if total else None,
        document_kind=document_kind,
        lines=[line.line for line in lines],
    )
    candidates = customer_candidates
    if candidates is None:
        candidates = [Candidate(key=customer_id, label="", score=1.0)] if customer_id else []
    customer = CustomerMatch(
        customer_id=customer_id,
        score=1.0 if customer_id else 0.0,
        margin=1.0 if customer_id else 0.0,
        candidates=candidates,
    )
    return MatchedOrder(order=order, customer=customer, lines=lines)


def make_past_order(
    *,
    po: str | None = "BC-090",
    lines: list[tuple[str, float]] | None = None,
    day: dt.date = dt.date(2026, 11, 10),
    units: dict[str, str] | None = None,
) -> PastOrder:
    return PastOrder(
        message_id="<old@martin-btp.fr>",
        po_number=po,
        order_date=day,
        status="accepted",
        lines=lines if lines is not None else [("VIS-440-200", 2.0)],
        units=units or {},
    )


def make_history(orders: list[PastOrder] | None = None, *, accepted: int = 10) -> CustomerHistory:
    return CustomerHistory(customer_id="G001", orders=orders or [], accepted_count=accepted)


def make_extracted_line(
    description: str = "",
    *,
    code: str | None = None,
    quantity: str = "1",
    unit: str | None = None,
    pack_size: str | None = None,
    unit_price: str | None = None,
) -> ExtractedLine:
    """A line as a reader gives it to the matcher: wording, code, quantity, unit, prices."""
    return ExtractedLine(
        line_no=1,
        code=Extracted(value=code) if code else None,
        description=Extracted(value=description) if description else None,
        quantity=Extracted(value=Decimal(quantity)),
        unit=Extracted(value=unit) if unit else None,
        pack_size=Extracted(value=Decimal(pack_size)) if pack_size else None,
        unit_price=Extracted(value=Decimal(unit_price)) if unit_price else None,
    )


def catalogue_index(*names: str) -> CatalogIndex:
    """A catalogue of the names given, sold by the piece, as skus A1, A2, ... in that order."""
    rows = [ProductRow(sku=f"A{i}", name=name, unit="pce") for i, name in enumerate(names, start=1)]
    return CatalogIndex.build(ReferenceData(products=rows))
