"""Attached orders that are one order between them, and the body's fields they take (parsers/orders.py)."""

from __future__ import annotations

from decimal import Decimal
from email.message import EmailMessage

import pytest

from models import Extracted, ExtractedLine, ExtractedOrder, Provenance
from parsers import parse_message
from parsers.orders import extract_orders, join_attached, join_body
from parsers.vocabulary.layout import REQUEST_RULE
from tests.factories.documents import Item, Layout, make_po_pdf


def _order(part: str, lines: list[tuple[str, int]], po: str | None = None) -> ExtractedOrder:
    order = ExtractedOrder(source="spreadsheet", part=part)
    order.lines = [
        ExtractedLine(
            line_no=n,
            code=Extracted[str](value=code, confidence=0.9),
            quantity=Extracted[Decimal](value=Decimal(q), confidence=0.9),
        )
        for n, (code, q) in enumerate(lines, 1)
    ]
    order.po_number = Extracted[str](value=po, confidence=0.9) if po else None
    return order


def _two(po_a: str | None = None, po_b: str | None = None, second: str = "CON-75") -> list[ExtractedOrder]:
    return [_order("a", [("GT-10", 20), ("LUN-1", 6)], po_a), _order("b", [(second, 10)], po_b)]


@pytest.mark.parametrize(
    ("said", "po_a", "po_b"),
    [
        ("Commande BC-2026-1231 en 2 fichiers, c'est une seule commande.", None, None),
        ("Hello, one order in two files (PPE and signs).", None, None),
        ("Please find the order attached.", "PO-7731", "po-7731"),
    ],
    ids=["said-fr", "said-en", "same-po"],
)
def test_documents_that_are_one_order_are_read_as_one(said: str, po_a, po_b) -> None:
    joined = join_attached(_two(po_a, po_b), said)
    assert len(joined) == 1
    assert [(ln.line_no, ln.code.value) for ln in joined[0].lines] == [
        (1, "GT-10"),
        (2, "LUN-1"),
        (3, "CON-75"),
    ]


@pytest.mark.parametrize(
    ("said", "po_a", "po_b", "second"),
    [
        ("Voici nos deux commandes.", None, None, "CON-75"),
        ("one order per file please", None, None, "CON-75"),
        ("c'est une seule commande", "BC-1", "BC-2", "CON-75"),
        ("c'est une seule commande", None, None, "GT-10"),
    ],
    ids=["two-orders", "one-order-per-file", "different-pos", "an-article-twice"],
)
def test_documents_stay_apart_unless_surely_one_order(said: str, po_a, po_b, second: str) -> None:
    assert len(join_attached(_two(po_a, po_b, second), said)) == 2


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                "DUPRAT SA - Bon de commande DP-114",
                "Livraison : Entrepôt Nord, 4 rue du Port, 33300 Bordeaux",
            ],
            "Entrepôt Nord, 4 rue du Port, 33300 Bordeaux",
        ),
        (["Ship to:", "Unit 2, Quay Road", "Bristol BS1 6QN"], "Unit 2, Quay Road, Bristol BS1 6QN"),
        (["Chantier Naval Kervella - Terre-plein du port, 29120 Pont-l'Abbé", "COMMANDE N° KN-77"], None),
    ],
    ids=["livraison-label", "ship-to-over-lines", "a-company-name-is-no-label"],
)
def test_a_delivery_address_printed_above_the_table_is_the_orders(rows, expected):
    from models import SourceRow
    from parsers.orders import printed_ship_to

    order = ExtractedOrder(source="pdf", part="po.pdf")
    order.rows = [SourceRow(text=text, region="header") for text in rows]
    found = printed_ship_to(order)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("body_po", "rule", "expected"),
    [("CMD-8812", "po-label", "CMD-8812"), (None, None, "DA-26-0441")],
    ids=["the-mails-order-number", "none-in-the-mail"],
)
def test_an_attached_purchase_request_number_gives_way_to_the_order_number_in_the_mail(
    body_po: str | None, rule: str | None, expected: str
) -> None:
    attached = _order("attachment:da.pdf", [("DRP-90", 12)])
    attached.po_number = Extracted[str](
        value="DA-26-0441", confidence=0.8, provenance=Provenance(part="attachment:da.pdf", rule=REQUEST_RULE)
    )
    body = ExtractedOrder(source="email", part="body")
    if body_po:
        body.po_number = Extracted[str](
            value=body_po, confidence=0.9, provenance=Provenance(part="body", rule=rule)
        )
    [joined, _] = join_body([attached, body], body)
    assert joined.po_number is not None and joined.po_number.value == expected


def test_a_document_without_a_po_takes_the_one_its_file_is_named_after() -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "achats@serres-dumas.fr", "cde@x.fr", "Commande"
    message.set_content("Bonjour,\nci-joint notre commande.\nCordialement")
    pdf = make_po_pdf(
        [Item("TER-40", "Terreau universel 40 L", "6")], Layout(fields=(("Date :", "05/11/2026"),))
    )
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="BC-SD-26-0412.pdf")
    [order] = extract_orders(parse_message(bytes(message)))
    assert order.po_number.value == "BC-SD-26-0412"
    assert order.po_number.provenance.rule == "po-file-name"


@pytest.mark.parametrize(
    ("filename", "expected"),
    [("GV-LAB-2026-0815.pdf", "GV-LAB-2026-0815"), ("bon.pdf", None), ("GV-LAB-2026-0816.pdf", None)],
)
def test_a_number_boxed_without_a_label_is_the_po_when_the_file_is_named_after_it(
    filename: str, expected: str | None
) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "achats@garage-vial.fr", "cde@x.fr", "Commande"
    message.set_content("Bonjour,\nveuillez trouver en annexe notre bon.\nCordialement")
    layout = Layout(title="", fields=(("", "GV-LAB-2026-0815"), ("", "12/11/2026")))
    pdf = make_po_pdf([Item("FLT-220", "Filtre à huile moteur diesel", "4")], layout)
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    [order] = extract_orders(parse_message(bytes(message)))
    assert (order.po_number.value if order.po_number else None) == expected
