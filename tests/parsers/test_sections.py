"""Several orders in one body, each under a heading naming its own order number (parsers/text/sections.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import ParsedMessage
from parsers import extract_orders

SENT = dt.datetime(2026, 11, 12, 9, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))  # a Thursday


def _orders(text: str, subject: str = "Commandes") -> list[tuple[str | None, dt.date | None, list]]:
    parsed = ParsedMessage(message_id="<t@x>", text=text, subject=subject, date=SENT)
    return [
        (
            order.po_number.value if order.po_number else None,
            order.requested_delivery_date.value if order.requested_delivery_date else None,
            [(ln.description.value if ln.description else "", ln.quantity.value) for ln in order.lines],
        )
        for order in extract_orders(parsed)
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Bonjour,\n\nDEPOT NORD - BC DN-26-140 - livraison mardi 17/11\nCâble R2V 3G2,5 : 2 couronnes\n"
            "Gaine ICTA 20 : 3 couronnes\n\nDEPOT SUD - BC DS-26-141 - livraison jeudi 19/11\n"
            "Disjoncteur 16A : 10\n",
            "Commandes dépôts",
        ),
        (
            "Bonjour,\n\nPour mardi 17/11, notre bon DN-26-140 :\n- Câble R2V 3G2,5 : 2 couronnes\n"
            "- Gaine ICTA 20 : 3 couronnes\n\nEt pour jeudi 19/11, bon séparé DS-26-141 (chantier école) :\n"
            "- Disjoncteur 16A : 10\n",
            "Commandes DN-26-140 et DS-26-141",
        ),
    ],
    ids=["headings-with-labels", "sentences-naming-the-bons"],
)
def test_each_heading_naming_its_own_order_number_opens_an_order(text, subject):
    assert _orders(text, subject) == [
        (
            "DN-26-140",
            dt.date(2026, 11, 17),
            [("Câble R2V 3G2,5", Decimal(2)), ("Gaine ICTA 20", Decimal(3))],
        ),
        ("DS-26-141", dt.date(2026, 11, 19), [("Disjoncteur 16A", Decimal(10))]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # One order delivered in two parts: the days differ, the order number is one.
        "Commande BC DN-26-140 :\n\nMardi :\nCâble R2V 3G2,5 : 2 couronnes\n\nJeudi :\nDisjoncteur 16A : 10\n",
        # Lines above the first heading: which order they belong to, no heading says.
        "Câble R2V 3G2,5 : 2 couronnes\n\nBC DN-26-140 :\nGaine ICTA 20 : 3 couronnes\n\n"
        "BC DS-26-141 :\nDisjoncteur 16A : 10\n",
        # A second number with no line under it: the earlier order, recalled.
        "BC DN-26-140 - livraison mardi :\nCâble R2V 3G2,5 : 2 couronnes\nGaine ICTA 20 : 3 couronnes\n\n"
        "Notre commande DS-26-120 n'est toujours pas arrivée.\n",
    ],
    ids=["one-number-two-days", "lines-above-the-first-heading", "a-number-with-no-lines"],
)
def test_a_body_without_a_heading_per_order_number_stays_one_order(text):
    assert len(_orders(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Hi,\nOrder below to key in. They also phoned a second order for the Leeds depot, PO LD-4471: "
        "6 x ELB-22 copper elbows.\n\n---------- Forwarded message ---------\nFrom: Sam <sam@example.com>\n"
        "Subject: order KB-1187\n\nPlease find our order PO KB-1187:\n4 x TUB-22 copper pipe 22 mm\n"
        "2 x VAN-15 isolating valve 15 mm\n",
        "Bonjour,\nCommande ci-dessous à saisir. Il m'a aussi passé une commande pour le site de Rennes, "
        "bon RN-26-118 : 6 x ELB-22 coudes cuivre.\n\n-------- Message transféré --------\n"
        "Sujet : commande KB-1187\n\nVoici notre commande KB-1187 :\n4 x TUB-22 tube cuivre 22 mm\n"
        "2 x VAN-15 vanne d'isolement 15 mm\n",
    ],
    ids=["en", "fr"],
)
def test_a_forwarders_heading_counting_its_line_after_a_colon_opens_an_order_of_its_own(text: str) -> None:
    parsed = ParsedMessage(message_id="<t@x>", text=text, subject="Fwd: order", date=SENT)
    orders = extract_orders(parsed, codes=_Codes())
    assert [
        (o.po_number.value if o.po_number else None, [ln.quantity.value for ln in o.lines]) for o in orders
    ] == [
        (orders[0].po_number.value if orders[0].po_number else None, [Decimal(6)]),
        ("KB-1187", [Decimal(4), Decimal(2)]),
    ]
    assert orders[0].po_number is not None and orders[0].po_number.value in ("LD-4471", "RN-26-118")


class _Codes:
    def knows_code(self, token: str) -> bool:
        return token in {"ELB-22", "TUB-22", "VAN-15"}
