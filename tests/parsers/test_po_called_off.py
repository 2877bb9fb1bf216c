"""The number of an order called off ('Merci d'annuler notre commande BC-2611-070') is the message's own
only when it names no other."""

from __future__ import annotations

import pytest

from parsers.text import fields


@pytest.mark.parametrize(
    ("text", "po"),
    [
        (
            "Merci d'annuler notre commande CMD-2611-070 d'hier.\nÀ la place, nouvelle commande CMD-2611-075 :\n"
            "- 4 boîtes de gants nitrile M",
            "CMD-2611-075",
        ),
        ("Please cancel order PO-4471 and book this one on PO-4480 instead: 2 x circulator pumps", "PO-4480"),
        ("Annulez le bon BC-26-118 svp. Voici le bon BC-26-121 : 10 ramettes A4", "BC-26-121"),
    ],
    ids=["lab-fr", "plumbing-en", "stationery-fr"],
)
def test_the_order_called_off_gives_way_to_the_new_one(text: str, po: str) -> None:
    found = fields.po_number("commande", text, part="body")
    assert found is not None and found.value == po


def test_an_order_called_off_alone_keeps_its_number() -> None:
    found = fields.po_number(
        "annulation", "Merci d'annuler notre commande CMD-2611-070, erreur de saisie.", part="body"
    )
    assert found is not None and found.value == "CMD-2611-070"
