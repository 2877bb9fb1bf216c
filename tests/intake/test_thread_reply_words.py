"""A reply's own words on the thread: the earlier order named by its day, a quote taken with the count it
quotes, and what it takes out: the line a word opens, a line said not needed (invented food, catering and
cleaning lines)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake.followups.by_words import removed_by_words
from matchers import CatalogIndex
from models import Extracted, ExtractedLine
from parsers.text.thread import points_to_thread
from tests.paths import FIXTURES_REF


@pytest.mark.parametrize(
    ("said", "points"),
    [
        ("Même commande que le 17 novembre (ci-dessous), mais 6 cartons au lieu de 4.", True),
        ("Même commande que le 3/11, sans les serviettes.", True),
        ("Same order as on 2 November, but 10 trays.", True),
        ("Same as on Nov 2, please.", True),
        ("Même tarif que le 17 novembre ?", False),
        ("Livraison le 17 novembre comme la commande.", False),
        ("Happy with the quote for the 3 ovens and the matching trays.", True),
        ("Fine with the quote for 12 chafing dishes, PO to follow.", True),
        ("Happy with the quote.", True),
        ("Fine with your proposal for the delivery slot.", False),
        ("Happy with the quote for the kitchen? Let me check.", False),
    ],
)
def test_the_earlier_order_named_by_its_day_or_the_quote_taken_with_its_count(
    said: str, points: bool
) -> None:
    assert (points_to_thread(said) is not None) is points


def _line(words: str) -> ExtractedLine:
    return ExtractedLine(line_no=1, description=Extracted(value=words, confidence=0.9))


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES_REF)


def test_a_removal_takes_out_the_line_its_word_opens_not_one_that_names_it_after(index: CatalogIndex) -> None:
    base = [_line("chariot de ménage 2 seaux"), _line("seaux 12 L gris"), _line("balai coco 30 cm")]
    dropped = removed_by_words(
        "Même commande que le 4 mars, sans les seaux cette fois.", base, ["", "", ""], index
    )
    assert dropped == {1}


def test_a_removal_naming_no_line_by_its_opening_word_takes_out_all_it_names(index: CatalogIndex) -> None:
    base = [_line("chariot de ménage 2 seaux"), _line("balai coco 30 cm"), _line("kit de lavage 2 seaux")]
    dropped = removed_by_words("Même commande que le 4 mars, sans les seaux.", base, ["", "", ""], index)
    assert dropped == {0, 2}


@pytest.mark.parametrize(
    "said",
    [
        "Happy with the quote. We don't need the trays though, we have plenty.",
        "OK pour le devis, mais pas besoin des plateaux, on en a.",
    ],
    ids=["dont-need", "pas-besoin"],
)
def test_a_line_said_not_needed_is_left_out(said: str, index: CatalogIndex) -> None:
    base = [_line("four mixte 6 niveaux"), _line("plateaux inox GN 1/1"), _line("trays GN 1/1 stainless")]
    assert removed_by_words(said, base, ["", "", ""], index) & {1, 2}
    assert 0 not in removed_by_words(said, base, ["", "", ""], index)
