"""A reply that takes the substitute our stock-out note offers, by its name or by agreeing (plumbing
catalogue, invented notes): an order of the article offered, at the missing count or the answer's,
at the price offered, held for a clerk; a refusal orders nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from intake.followups.substitute import SUBSTITUTE_DOUBT, takes_substitute
from matchers import CatalogIndex
from tests.factories.threads import reply_quoting

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
    ],
    ids=["named-en", "named-by-its-handle", "named-and-counted", "va-pour", "convient"],
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
