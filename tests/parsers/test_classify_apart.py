"""A reply in a thread about an invoice or a payment that orders in a sentence of its own is an order
(office and auto-parts wordings); the invoice words in the ordering sentence keep it an invoice."""

from __future__ import annotations

import pytest

from models import Address, MessageKind, ParsedMessage
from parsers.classify import classify

PAYMENT_QUOTED = (
    "From: Accounts <accounts@papeterie-ouest.fr>\nSent: 2 December 2026 10:02\n"
    "Subject: Invoice INV-88120 - overdue\n\nOur invoice INV-88120 is now overdue.\n"
)
FACTURE_QUOTED = (
    "-----Message d'origine-----\nDe : Comptabilité <compta@pieces-auto-sud.fr>\n"
    "Objet : Relance facture FA-26-3311\n\nNotre facture FA-26-3311 reste impayée.\n"
)


def _reply(subject: str, text: str, quoted: str) -> ParsedMessage:
    return ParsedMessage(
        message_id="<r@x>", subject=subject, text=text, quoted=quoted, sender=Address(email="a@garage.fr")
    )


@pytest.mark.parametrize(
    ("subject", "text", "quoted"),
    [
        (
            "RE: Invoice INV-88120 - overdue",
            "Hi,\n\nPaid this morning, remittance advice to follow.\n\n"
            "Also, could you send us 12 x A4 copier paper boxes and 3 x toner TN-2420? Thanks",
            PAYMENT_QUOTED,
        ),
        (
            "RE: Relance facture FA-26-3311",
            "Bonjour,\n\nLa facture FA-26-3311 a été réglée hier par virement.\n\n"
            "Par la même occasion, merci de nous livrer 4 jeux de plaquettes avant et 2 filtres à huile.",
            FACTURE_QUOTED,
        ),
    ],
    ids=["english-payment-then-order", "french-payment-then-order"],
)
def test_an_order_written_apart_from_the_payment_is_an_order(subject: str, text: str, quoted: str) -> None:
    result = classify(_reply(subject, text, quoted))
    assert result.kind == MessageKind.ORDER, result.reasons


def test_counts_asked_in_the_invoice_sentence_keep_it_an_invoice() -> None:
    text = "Hi,\n\nPlease send us the invoice copy for the 12 x A4 copier paper boxes, remittance is ready."
    result = classify(_reply("RE: Invoice INV-88120 - overdue", text, PAYMENT_QUOTED))
    assert result.kind == MessageKind.INVOICE, result.reasons
