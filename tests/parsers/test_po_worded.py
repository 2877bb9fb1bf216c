"""Order numbers a customer's words give: a prefix of two groups of capitals set apart from its number
('Our PO: IS-PO 7781'), a works order's label ('Ordre de service', 'Work order'), and the number the goods
are asked on ('Please supply the list below on GW-2612-0104')."""

from __future__ import annotations

import pytest

from parsers.text import fields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our PO: IS-PO 7781. Deliver to our Annecy site.", "IS-PO 7781"),
        ("4 boîtes de gants nitrile M\nBC : LAB-BC 2231\n", "LAB-BC 2231"),
        ("N° de commande : PLB-DA 55210, merci", "PLB-DA 55210"),
    ],
    ids=["po-and-dashed-prefix", "bc-stationery", "numero-plumbing"],
)
def test_a_dashed_prefix_set_one_space_from_its_number_is_all_of_the_po(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Voir la demande en pièce jointe. Ordre de service SB-OS-26-612. Livraison au gardien.",
            "SB-OS-26-612",
        ),
        ("Ordre de service n° 2026/0412 :\n3 serrures de boîte aux lettres", "2026/0412"),
        ("Work order WO-2231 for the Leeds kitchen refit.\n6 x mixer taps", "WO-2231"),
    ],
    ids=["ordre-de-service-fr", "ordre-de-service-numbered", "work-order-en"],
)
def test_a_works_order_labels_the_number(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please supply the list below on GW-2612-0104, including Ana's addition.", "GW-2612-0104"),
        ("Merci de livrer le tout sur CH-26-0412.\n10 ramettes A4", "CH-26-0412"),
        ("Could you send the reagents under LAB-PRJ-118, thanks.", "LAB-PRJ-118"),
    ],
    ids=["supply-on-en", "livrer-sur-fr", "send-under-lab"],
)
def test_the_coded_number_the_goods_are_asked_on_is_the_po(text: str, expected: str) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Please deliver on Friday.\n2 boxes of A4",
        "Please put it on account ACC-1234 as usual? No, cash this time.",
        "Our PO is AB-CD 12 boxes of pens",
        "the work order is attached",
    ],
    ids=["a-day", "an-account-word-between", "a-count-after-the-prefix", "no-number"],
)
def test_no_po_where_the_words_give_no_coded_number(text: str) -> None:
    assert fields.po_number("", text, part="body") is None
