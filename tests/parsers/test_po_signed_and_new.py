"""Order numbers a reply or a sign-off writes: 'Réf :' under the sender's name, 'Nouvelle commande :' in a
reply's text, a reply's subject naming an order our quoted note does not write."""

from __future__ import annotations

import pytest

from parsers.text import fields


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Cordialement\nAtelier peinture - Déco Ouest\nRéf : DCO/AP/26-0412", "DCO/AP/26-0412"),
        ("Regards\nStores\nRef: KT-2612-07", "KT-2612-07"),
        ("Cordialement\nRéf. client : C0042", None),
        ("Cordialement\nRéf : 2026-12-01", None),
    ],
    ids=["ref-fr", "ref-en", "our-customer-number", "a-date"],
)
def test_a_reference_under_the_signature_is_the_order_number(signature: str, expected: str | None) -> None:
    found = fields.signed_po(signature)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Même chose que la dernière fois mais 6 pots. Nouvelle commande : DCO-2612-07.", "DCO-2612-07"),
        ("Same as last time. New order: KT/26/118, thanks.", "KT/26/118"),
        ("Nouvelle commande 1000 sacs de farine.", None),
    ],
    ids=["nouvelle-commande", "new-order", "a-count"],
)
def test_a_new_order_in_a_reply_gives_its_number(text: str, expected: str | None) -> None:
    found = fields.po_number("RE: Commande DCO-2611-22", text, part="body")
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ("> Bonjour, les pots de 10 L sont de retour en stock.\n> Cordialement", "DCO-26-094"),
        ("> Commande DCO-26-094 :\n> - 4 pots de 10 L\n", None),
        ("> Quelle teinte ?\n>> Commande DCO-26-090 :\n>> - 4 pots de 10 L\n", None),
        ("", None),
    ],
    ids=["our-note-names-none", "the-order-quoted", "another-order-quoted", "nothing-quoted"],
)
def test_a_reply_subject_names_the_order_our_note_does_not_write(history: str, expected: str | None) -> None:
    found = fields.po_number(
        "RE: dispo pots - cde DCO-26-094", "OK pour 4 pots.", part="body", history=history
    )
    assert (found.value if found else None) == expected
