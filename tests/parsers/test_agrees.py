"""A reply that agrees to the quote it answers in words of its own (invented plumbing and garden
wordings): read as an order of the quoted lines, held for a clerk; a reply that only acknowledges,
asks, bargains or puts off is none."""

from __future__ import annotations

import pytest

from models import MessageKind
from parsers import extract_orders, parse_message
from parsers.classify import classify
from parsers.text.agrees import agrees
from parsers.text.reader import LOOSE_AGREEMENT

QUOTE = (
    "Le lun. 7 déc. 2026 à 16:40, Jardi Pro <commandes@jardipro.fr> a écrit :\n"
    "> Bonjour,\n> Voici notre devis D26-7710 :\n"
    "> - 4 x Tuyau d'arrosage 25 m - 31,00 EUR\n"
    "> - 10 x Raccord rapide 19 mm - 2,40 EUR\n"
    "> Cordialement, Jardi Pro\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "Confirmed, ship asap.",
        "Fine by us, go.",
        "Parfait, on prend.",
        "Accord pour ce devis, sauf les raccords.",
        "We'll take it all, but only 6 of the hoses.",
        "Je vous confirme la commande de ce devis.",
        "Yes please send the lot.",
        "Validated - book it.",
    ],
)
def test_words_that_agree_or_take_what_is_offered_agree(said: str) -> None:
    assert agrees(said) is not None


@pytest.mark.parametrize(
    "said",
    [
        "Thanks for the quote, we'll get back to you.",
        "OK, bien reçu, je regarde avec le client.",
        "Merci. Pouvez-vous faire un geste sur le prix ?",
        "Ok noted, thanks.",
        "Good morning, all fine here.",
        "Yes, I'll confirm next week once the budget is signed.",
        "Parfait merci, je transmets à mon responsable.",
        "OK merci.",
        "We confirm receipt of your quote.",
        "D'accord, merci pour l'info.",
        "Please send the datasheet of the hose.",
        "We don't take it, too expensive.",
    ],
)
def test_acknowledging_asking_bargaining_or_putting_off_is_no_agreement(said: str) -> None:
    assert agrees(said) is None


def _reply(said: str) -> bytes:
    head = (
        "From: achats@paysages-exemple.fr\nTo: commandes@jardipro.fr\nSubject: Re: Devis D26-7710\n"
        "Date: Tue, 8 Dec 2026 09:00:00 +0100\nMessage-ID: <a1@paysages-exemple.fr>\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
    )
    return f"{head}{said}\n\n{QUOTE}".encode()


def test_a_reply_agreeing_in_its_own_words_orders_the_quoted_lines_for_a_clerk() -> None:
    parsed = parse_message(_reply("Bonjour,\nParfait, on prend. Notre BC : PA-2612-3.\nMarc"))
    assert classify(parsed).kind == MessageKind.ORDER
    (order,) = extract_orders(parsed)
    assert [int(line.quantity.value) for line in order.lines if line.quantity] == [4, 10]
    assert LOOSE_AGREEMENT in order.doubts


def test_a_reply_that_only_acknowledges_the_quote_orders_nothing() -> None:
    parsed = parse_message(_reply("Bonjour,\nOK, bien reçu, je regarde avec le client.\nMarc"))
    assert classify(parsed).kind != MessageKind.ORDER


@pytest.mark.parametrize(
    "answered",
    [
        "Your hoses left this morning. The connectors are out of stock: we can offer the 20 mm ones instead.",
        "Les raccords 19 mm sont en rupture, nous pouvons proposer l'équivalent en 20 mm.",
        "Voici notre devis. Souhaitez-vous la livraison ou l'enlèvement ?",
    ],
    ids=["substitute-en", "substitute-fr", "question"],
)
def test_agreeing_to_a_message_that_asks_or_offers_a_substitute_is_left_to_the_answer_readers(
    answered: str,
) -> None:
    assert agrees("Please book them, thanks.") is not None
    assert agrees("Please book them, thanks.", answered) is None
