"""Order numbers written in shapes of the customer's own: a forwarder's 'leur réf.', a new order 'under' its
number before an aside, a purchase request's number in spaced groups, the customer's capitals and a dashed
number closing a subject, a new order's number in a reply's subject, 'N/Réf.' over capitals and a number."""

from __future__ import annotations

import pytest

from parsers.text import fields


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        (
            "TR: tél Plomberie Morel",
            "Pour saisie, commande prise par téléphone, leur réf. PM-2612-07.",
            "PM-2612-07",
        ),
        (
            "Fwd: phone order",
            "Taken by phone this morning, their ref. ST/26/118 as agreed.\n\nTom",
            "ST/26/118",
        ),
        (
            "Re: PO OFC-26-118 - backorder",
            "OK, send the grey ones instead, as a new order under OFC-26-131 (the black line can go).",
            "OFC-26-131",
        ),
        (
            "Re: commande BTP-26-301",
            "Merci de livrer le reste sous BTP-26-305 (le chantier a changé).",
            "BTP-26-305",
        ),
        (
            "RE: Réappro atelier",
            "Voici la demande d'achat DA 26 / 08 417 validée :\n\n4 rouleaux de ruban PTFE\n",
            "DA 26 / 08 417",
        ),
        ("Toner and paper - MBC 26-1187", "Please send the list below.\n", "MBC 26-1187"),
        (
            "Re: Commande PL-1118 -> nouvelle cde PL-1209",
            "Même chose que la dernière fois mais 6 coudes.",
            "PL-1209",
        ),
        ("Re: order ST-2201, new order ST-2245", "Same as last time, but 4 boxes of pens.", "ST-2245"),
    ],
    ids=[
        "leur-ref-in-a-forward",
        "their-ref",
        "new-order-under-before-an-aside",
        "livrez-sous-before-an-aside",
        "purchase-request-in-spaced-groups",
        "capitals-and-a-dashed-number-closing-a-subject",
        "nouvelle-cde-in-a-reply-subject",
        "new-order-in-a-reply-subject",
    ],
)
def test_the_customers_own_shapes_of_an_order_number(subject: str, text: str, expected: str) -> None:
    found = fields.po_number(subject, text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Safety boots - EU 42-45", "Please send the boots below.\n"),
        ("Re: commande", "On a besoin d'une demande d'achat 12 cartons avant vendredi ?"),
        ("Re: Commande PL-1118", "Pas de nouvelle commande 12 cette fois."),
    ],
    ids=[
        "a-range-of-sizes-closing-a-subject",
        "a-count-after-demande-dachat",
        "a-short-number-after-new-order",
    ],
)
def test_no_order_number_in_look_alikes(subject: str, text: str) -> None:
    assert fields.po_number(subject, text, part="body") is None


def test_n_ref_over_capitals_and_a_number_keeps_them_whole_under_the_sign_off() -> None:
    found = fields.signed_po("Laurent\nPépinières du Lac\nN/Réf. CDE 4481")
    assert found is not None and found.value == "CDE 4481"
