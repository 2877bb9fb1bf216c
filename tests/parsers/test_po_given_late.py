"""An order number given late in its label's own sentence ('PO to follow - actually, use FLH-WS-1211') or
under the sign-off as the customer's internal reference ('Réf. interne RL-EXP-0977')."""

from __future__ import annotations

import pytest

from parsers.text import fields


@pytest.mark.parametrize(
    ("text", "po"),
    [
        ("PO to follow from purchasing - actually, use GW-PO-2231, they said that's fine.", "GW-PO-2231"),
        ("Bon de commande pas encore validé, mettez LB-26-118 en attendant.", "LB-26-118"),
        ("PO not raised yet, please use LAB-REQ-0044 for now.", "LAB-REQ-0044"),
    ],
    ids=["plumbing-en", "stationery-fr", "lab-en"],
)
def test_the_number_its_label_says_to_use_is_the_order(text: str, po: str) -> None:
    found = fields.po_number("commande", text, part="body")
    assert found is not None and found.value == po


def test_a_verb_with_no_order_label_gives_no_number() -> None:
    assert fields.po_number("x", "Use PL-40-12 for the basin, it fits better.", part="body") is None


@pytest.mark.parametrize(
    ("signature", "po"),
    [
        ("Jérôme Martin\nResponsable atelier - Plomberie Martin\nRéf. interne PM-ATL-0977", "PM-ATL-0977"),
        ("Sam Hart\nLab manager\nInternal ref: LAB/26/118", "LAB/26/118"),
        ("Claire Roux\nÉcole Jules Ferry\nRéf. achats EJF-26-12", "EJF-26-12"),
    ],
    ids=["plumbing-fr", "lab-en", "school-fr"],
)
def test_an_internal_reference_under_the_sign_off_is_the_order(signature: str, po: str) -> None:
    found = fields.signed_po(signature)
    assert found is not None and found.value == po


def test_a_customer_account_under_the_sign_off_is_none() -> None:
    assert fields.signed_po("Claire Roux\nRéf. client CL-0042") is None
