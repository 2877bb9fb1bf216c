"""A reply taking our quote said with the count it quotes, and leaving a line out by saying it is not needed
(invented lines of a catering trade)."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.followups.by_words import removed_by_words
from matchers import CatalogIndex
from models import Extracted, ExtractedLine
from parsers.text.thread import points_to_thread
from tests.conftest import build_reference_index

REF = Path(__file__).parents[2] / "fixtures" / "ref"


@pytest.mark.parametrize(
    ("said", "points"),
    [
        ("Happy with the quote for the 3 ovens and the matching trays.", True),
        ("Fine with the quote for 12 chafing dishes, PO to follow.", True),
        ("Happy with the quote.", True),
        ("Fine with your proposal for the delivery slot.", False),
        ("Happy with the quote for the kitchen? Let me check.", False),
    ],
)
def test_a_quote_taken_with_the_count_it_quotes(said: str, points: bool) -> None:
    assert (points_to_thread(said) is not None) is points


def _line(words: str) -> ExtractedLine:
    return ExtractedLine(line_no=1, description=Extracted(value=words, confidence=0.9))


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return build_reference_index(REF)


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
