"""Order numbers a customer's words give: a prefix of two groups of capitals set apart from its number
('Our PO: IS-PO 7781'), a works order's label ('Ordre de service', 'Work order'), and the number the goods
are asked on ('Please supply the list below on GW-2612-0104')."""

from __future__ import annotations

import pytest

from parsers.text import fields

WORDED = {
    "po-and-dashed-prefix": ("Our PO: IS-PO 7781. Deliver to our Annecy site.", "IS-PO 7781"),
    "bc-stationery": ("4 boîtes de gants nitrile M\nBC : LAB-BC 2231\n", "LAB-BC 2231"),
    "numero-plumbing": ("N° de commande : PLB-DA 55210, merci", "PLB-DA 55210"),
    "ordre-de-service-fr": (
        "Voir la demande en pièce jointe. Ordre de service SB-OS-26-612. Livraison au gardien.",
        "SB-OS-26-612",
    ),
    "ordre-de-service-numbered": (
        "Ordre de service n° 2026/0412 :\n3 serrures de boîte aux lettres",
        "2026/0412",
    ),
    "work-order-en": ("Work order WO-2231 for the Leeds kitchen refit.\n6 x mixer taps", "WO-2231"),
    "supply-on-en": (
        "Please supply the list below on GW-2612-0104, including Ana's addition.",
        "GW-2612-0104",
    ),
    "livrer-sur-fr": ("Merci de livrer le tout sur CH-26-0412.\n10 ramettes A4", "CH-26-0412"),
    "send-under-lab": ("Could you send the reagents under LAB-PRJ-118, thanks.", "LAB-PRJ-118"),
    "ref-opening-a-sentence-en": (
        "Please send: 4 x RCBO 16A type A and 2 x 4-pole RCD. Ref VE/2026/311, delivery Monday.",
        "VE/2026/311",
    ),
    "ref-opening-a-line-fr": (
        "Bonjour,\nRéf. PLB-26-118 ; livraison jeudi\n6 coudes cuivre 22",
        "PLB-26-118",
    ),
}


@pytest.mark.parametrize(("text", "expected"), WORDED.values(), ids=WORDED.keys())
def test_the_customers_words_give_the_po(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please deliver on Friday.\n2 boxes of A4",
        "Please put it on account ACC-1234 as usual? No, cash this time.",
        "Our PO is AB-CD 12 boxes of pens",
        "the work order is attached",
        "Ref ABC-123, 3 boxes please",
    ],
    ids=[
        "a-day",
        "an-account-word-between",
        "a-count-after-the-prefix",
        "no-number",
        "an-articles-ref-counted",
    ],
)
def test_no_po_where_the_words_give_no_coded_number(text: str) -> None:
    assert fields.po_number("", text, part="body") is None
