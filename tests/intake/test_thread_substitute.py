"""A reply that takes the substitute our stock-out note offers, by its name or by agreeing (plumbing
catalogue, invented notes): an order of the article offered, at the missing count or the answer's,
at the price offered, held for a clerk; a refusal orders nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from intake.followups.substitute import SUBSTITUTE_DOUBT, takes_substitute
from intake.orders_by_reading import answer_taking_substitute, read_orders
from matchers import CatalogIndex
from models import Classification, MessageKind
from models.followups import FollowupKind, FollowupSign
from tests.factories.threads import reply_quoting, skus_of

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"
NOTE_EN = (
    "Dear Mr Hale,\nYour 20 elbows left this morning.\n"
    "The 6 x PLB-37699 ball valves PN25 3/4 are out of stock until January. We can\n"
    "offer instead the ball valve PN40 lever handle 3/4 (PLB-37865) at 14.60 EUR each.\nRegards"
)
NOTE_FR = (
    "Bonjour,\nLes 6 x PLB-37699 vannes à sphère PN25 3/4 sont en rupture. Nous pouvons\n"
    "vous proposer à la place la vanne à sphère PN40 poignée levier 3/4 (PLB-37865) à 14,60 € pièce.\n"
    "Cordialement"
)


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(REF)


@pytest.mark.parametrize(
    ("said", "note", "count"),
    [
        ("The PN40 is fine, 6 as planned.", NOTE_EN, 6),
        ("Yes the lever handle one will do.", NOTE_EN, 6),
        ("OK for the PN40 valves, just 4 of them.", NOTE_EN, 4),
        ("Va pour la poignée levier, merci.", NOTE_FR, 6),
        ("La PN40 nous convient.", NOTE_FR, 6),
        # cancelling the missing line while taking the substitute is no refusal of the substitute
        ("OK, please send the PN40 instead, 4 of them (the PN25 line can be cancelled).", NOTE_EN, 4),
        ("Envoyez la PN40 à la place, 6 pièces (annulez la ligne des PN25).", NOTE_FR, 6),
    ],
    ids=[
        "named-en",
        "named-by-its-handle",
        "named-and-counted",
        "va-pour",
        "convient",
        "cancelled-in-brackets-en",
        "annulez-fr",
    ],
)
def test_the_substitute_taken_is_ordered_at_the_price_offered(
    said: str, note: str, count: int, index: CatalogIndex
) -> None:
    order = takes_substitute(reply_quoting(said, note, subject="Re: rupture"), index)
    assert order is not None
    (line,) = order.lines
    assert line.code is not None and line.code.value == "PLB-37865"
    assert line.quantity is not None and int(line.quantity.value) == count
    assert line.unit_price is not None and line.unit_price.value == Decimal("14.60")
    assert SUBSTITUTE_DOUBT in order.doubts


@pytest.mark.parametrize(
    ("said", "note"),
    [
        ("No thanks, we'll wait for the PN25.", NOTE_EN),
        ("Non merci, on attendra les PN25.", NOTE_FR),
        ("Is the PN40 the same length?", NOTE_EN),
    ],
    ids=["refused", "refusé", "a-question-back"],
)
def test_a_refusal_or_a_question_back_orders_nothing(said: str, note: str, index: CatalogIndex) -> None:
    assert takes_substitute(reply_quoting(said, note, subject="Re: rupture"), index) is None


def test_a_models_mark_in_the_missing_sentence_is_no_count(index: CatalogIndex) -> None:
    note = (
        "Hello,\nThe PLB-37699 26X ball valves are out of stock until January. We can\n"
        "offer instead the ball valve PN40 lever handle 3/4 (PLB-37865) at 14.60 EUR each.\nRegards"
    )
    assert (
        takes_substitute(reply_quoting("Yes, the PN40 is fine.", note, subject="Re: rupture"), index) is None
    )


ONE_MISSING_FR = (
    "Bonjour,\nPour votre commande CP-2612-14, la vanne à sphère PN25 3/4 (PLB-37699, DN 2.0) est en rupture.\n"
    "Nous pouvons vous livrer à la place la vanne à sphère PN40 poignée levier 3/4 (PLB-37865) à 14,60 € HT.\n"
    "Cordialement"
)
ONE_MISSING_EN = (
    "Hello,\nThe ball valve PN25 3/4 you ordered is out of stock until January. We can\n"
    "offer instead the ball valve PN40 lever handle 3/4 (PLB-37865) at 14.60 EUR.\nRegards"
)


@pytest.mark.parametrize(
    ("said", "note"),
    [("ok on prend la PN40 à la place.", ONE_MISSING_FR), ("Fine, the PN40 will do.", ONE_MISSING_EN)],
    ids=["fr", "en"],
)
def test_a_substitute_for_an_article_missing_in_the_singular_is_one(
    said: str, note: str, index: CatalogIndex
) -> None:
    order = takes_substitute(reply_quoting(said, note, subject="Re: rupture"), index)
    assert order is not None
    assert [
        (ln.code.value if ln.code else None, int(ln.quantity.value) if ln.quantity else 0)
        for ln in order.lines
    ] == [("PLB-37865", 1)]


@pytest.mark.parametrize(
    "said",
    [
        "ok on prend la PN40 à la place, et rajoutez 4 coudes à sertir cuivre Ø16 PLB-20873.",
        "Fine, the PN40 instead, and please add 4 x PLB-20873 to the order.",
    ],
    ids=["fr", "en"],
)
def test_the_substitute_taken_and_an_article_added_are_one_order(said: str, index: CatalogIndex) -> None:
    note = ONE_MISSING_FR if "prend" in said else ONE_MISSING_EN
    parsed = reply_quoting(said, note, subject="Re: rupture")
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=0.7, reasons=["read"])
    read = read_orders(parsed, index)
    got, _ = answer_taking_substitute(parsed, read, FollowupSign(kind=FollowupKind.NEW_ORDER), index)
    assert got is not None
    (order,) = got
    assert skus_of(order, index) == [("PLB-37865", 1), ("PLB-20873", 4)]
    assert SUBSTITUTE_DOUBT in order.doubts


def test_a_count_the_answer_reads_of_its_own_stays_the_substitutes(index: CatalogIndex) -> None:
    parsed = reply_quoting(
        "The lever handle one is fine, 6 valves as planned.", NOTE_EN, subject="Re: rupture"
    )
    parsed.classification = Classification(kind=MessageKind.ORDER, confidence=0.7, reasons=["read"])
    read = read_orders(parsed, index)
    got, _ = answer_taking_substitute(parsed, read, FollowupSign(kind=FollowupKind.NEW_ORDER), index)
    assert got is not None
    (order,) = got
    assert skus_of(order, index) == [("PLB-37865", 6)]


NOTE_SENT_FR = (
    "Bonjour,\nVotre commande CH-2026/377 est partie hier, à l'exception des 6 vannes à sphère PN25 3/4, en "
    "rupture jusqu'à fin janvier.\nJe peux vous proposer à la place la vanne à sphère PN40 poignée levier 3/4 "
    "(PLB-37865), au prix de 14,60 € HT au lieu de 15,90 €.\nDites-moi si cela vous convient.\n"
)


def test_the_substitute_taken_at_the_missing_count_said_again_is_a_line_of_the_order_our_note_names(
    index: CatalogIndex,
) -> None:
    said = "OK pour la PN40 à la place, les 6. Et rajoutez 4 coudes cuivre, on en manque."
    order = takes_substitute(reply_quoting(said, NOTE_SENT_FR, subject="RE: Votre commande"), index)
    assert order is not None
    (line,) = order.lines
    assert line.code is not None and line.code.value == "PLB-37865"
    assert line.quantity is not None and int(line.quantity.value) == 6
    assert line.unit_price is not None and line.unit_price.value == Decimal("14.60")
    assert order.po_number is not None and order.po_number.value == "CH-2026/377"
