"""A customer who changes their mind while writing, the first words left standing, holds the order.

'six rouleaux de 50 m enfin non, les 100 m', '3 cartons (non, mettez-en 5)', 'four trays, no wait,
six', '12 ou plutôt 15', 'or rather the large ones': a reader keeps either count or article, and
nothing in the lines shows which; the words are read alone, in any trade, in both languages.
"""

from __future__ import annotations

import pytest

from intake.routing.checks import CheckContext
from intake.routing.checks.corrections import check_corrections
from intake.routing.checks.reading import default_reading_rules
from tests.factories.pipeline import make_matched_order, make_parsed

CHANGED = [
    "Il me faudrait six rouleaux de câble 50 m enfin non, les 100 m, et 2 boîtes de dominos.",
    "Merci de livrer 3 cartons de serviettes (non, mettez-en 5, on a un banquet) et 2 fûts de bière.",
    "Pour lundi : 20 plateaux inox, non, 25, et 4 bacs gastro.",
    "Prévoir 12 ou plutôt 15 cartons de gobelets.",
    "Il faut 8 classeurs, je veux dire 8 boîtes de classeurs.",
    "Please send four trays of croissants, no wait, six, and a box of napkins.",
    "We need 10 safety helmets, or rather the vented ones.",
    "Two boxes of toner - actually, make it three - and a ream of paper.",
    "Oops, 30 of the hinges, not the brackets.",
]
NOT_CHANGED = [
    "Envoi par UPS 2 colis, livraison avant 10h.",
    "Reliquat accepté : non, merci de tout livrer ensemble.",
    "Merci de confirmer oui ou non la livraison de lundi.",
    "Quality grade A or better, 40 pieces of each.",
    "Non urgent : 6 rouleaux de film étirable.",
]


@pytest.mark.parametrize("text", CHANGED)
def test_a_change_of_mind_left_standing_is_a_correction(text: str):
    assert default_reading_rules().correction_pattern.search(text)


@pytest.mark.parametrize("text", NOT_CHANGED)
def test_a_plain_no_or_a_carrier_name_is_no_change_of_mind(text: str):
    assert not default_reading_rules().correction_pattern.search(text)


def test_an_order_whose_count_is_taken_back_in_brackets_is_held():
    parsed = make_parsed(text="Bonjour,\n4 x VIS-440-200 (non, mettez-en 6)\n10 x CIM-25\n")
    [reason] = check_corrections(CheckContext(parsed=parsed, matched=make_matched_order()))
    assert reason.code == "order_corrected" and "mettez-en 6" in reason.quoted
