"""A forwarder's or colleague's sentence reporting what the customer adds ('il ajoute 1 carton de ...', 'he
also wants 2 ...') adds a line to the forwarded order, also when the same sentence corrects a count
(workwear and office wordings)."""

from __future__ import annotations

import pytest

from models import ParsedMessage
from parsers.text.reader import ADDED_RULE, extract_from_text, read_lines
from tests.factories.pipeline import make_parsed


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Il ajoute 3 paires de gants anti-coupure taille 9.", ("gants anti-coupure taille 9", 3)),
        ("Vu avec le client, la cliente rajoute 2 ramettes A4 80 g.", ("A4 80 g", 2)),
        ("Spoke to him this morning: he also wants 4 hi-vis vests size XL.", ("hi-vis vests size XL", 4)),
        ("And the customer also wants 6 boxes of staples 24/6.", ("staples 24/6", 6)),
        ("Le client m'a rappelé : ajoute 2 pots de ricotta à sa commande.", ("pots de ricotta", 2)),
        ("He rang back: please add 3 boxes of nitrile gloves to his order.", ("nitrile gloves", 3)),
    ],
    ids=[
        "il-ajoute",
        "la-cliente-rajoute",
        "he-also-wants",
        "the-customer-also-wants",
        "to-his-order-fr",
        "to-his-order-en",
    ],
)
def test_what_a_reported_customer_adds_is_an_added_line(sentence: str, item: tuple[str, int]) -> None:
    lines = [
        ln for ln in read_lines(sentence, part="body") if ln.provenance and ln.provenance.rule == ADDED_RULE
    ]
    assert [(ln.description.value, int(ln.quantity.value)) for ln in lines] == [item]


def test_a_count_corrected_and_an_item_added_in_one_sentence_are_both_read() -> None:
    forward = (
        "Marc,\n\nLe client au téléphone : les vestes c'est 5 et pas 4, et il ajoute 2 paires de bottes S3"
        " pointure 43.\n\nJulie\n\n---------- Message transféré ---------\nObjet : Commande EPI\n\n"
        "Bonjour,\n\n4 vestes de travail grises taille L\n10 paires de gants cuir taille 9\n\nMerci\n"
    )
    parsed: ParsedMessage = make_parsed(text=forward).model_copy(update={"subject": "Fwd: Commande EPI"})
    read = [(ln.description.value, int(ln.quantity.value)) for ln in extract_from_text(parsed).lines]
    assert sorted(read) == [
        ("bottes S3 pointure 43", 2),
        ("gants cuir taille 9", 10),
        ("vestes de travail grises taille L", 5),
    ]
