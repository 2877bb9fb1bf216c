"""An order number written as capitals and a number set one space apart ('po KCH 7713'), after an
order's label, in the body and under the sign-off (parsers/text/po_sentences.SPACED)."""

from __future__ import annotations

import pytest

from parsers.text import fields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 rolls of PTFE tape\n4 copper elbows 22 mm\nthanks\npo PLB 4471\n", "PLB 4471"),
        ("D'accord pour les classeurs. C'est notre commande LCM 2026/118.\nCordialement", "LCM 2026/118"),
        ("Please send 10 boxes of pipette tips, our order LAB 55120.", "LAB 55120"),
        ("2 sacs de colle carrelage\nPO: BTP 2611\n", "BTP 2611"),
    ],
    ids=["po-under-the-list", "notre-commande-in-a-sentence", "our-order-ending-a-sentence", "po-colon"],
)
def test_capitals_and_a_number_one_space_apart_after_an_orders_label_are_the_po(
    text: str, expected: str
) -> None:
    found = fields.po_number("", text, part="body")
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Invoice address: PO BOX 1234, Leeds LS1 4AB\n3 boxes of nitrile gloves",
        "Please add to my order DN 100 flanges x 4 and 2 gaskets.",
        "notre commande FL 2 comme d'habitude",
    ],
    ids=["post-office-box", "a-size-after-the-label", "a-short-number"],
)
def test_no_po_where_the_capitals_and_number_name_something_else(text: str) -> None:
    assert fields.po_number("", text, part="body") is None


def test_the_number_under_the_sign_off_is_read_from_the_signature() -> None:
    found = fields.signed_po("maria\npo KCH 7713\n\nSent from my iPhone")
    assert found is not None and found.value == "KCH 7713"
