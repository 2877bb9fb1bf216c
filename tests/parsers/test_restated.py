"""Counts and variants a customer says anew, without the old count (parsers/text/restated.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.text.reader import read_lines
from parsers.text.restated import restate_lines


def _restated(text: str) -> list[tuple[str, Decimal]]:
    lines, _read = restate_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    return [((ln.description or ln.code).value, ln.quantity.value) for ln in lines]


def test_make_that_sets_the_count_of_the_line_it_names():
    text = "TN-245C x2\nTN-245M x1\nTN-245Y x1\n\nPS: make that 3 of the TN-245C, the second printer is low too.\n"
    assert _restated(text) == [("TN-245C", Decimal(3)), ("TN-245M", Decimal(1)), ("TN-245Y", Decimal(1))]


def test_the_sentence_that_restates_a_line_is_read():
    text = "- 4 disques à tronçonner\n\nFinalement 6 des disques à tronçonner.\n"
    lines, read = restate_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    assert [ln.quantity.value for ln in lines] == [Decimal(6)]
    assert [p.span for p in read] == [(26, len(text) - 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- blouses blanches T3 x4\n- sabots noirs 41 x2\n\nAh non pardon, les blouses c'est en T2, pas T3.\n",
            [("blouses blanches T2", Decimal(4)), ("sabots noirs 41", Decimal(2))],
        ),
        (
            "- 6 aprons in blue\n- 4 hair nets\n\nSorry, the aprons in black, not blue.\n",
            [("aprons in black", Decimal(6)), ("hair nets", Decimal(4))],
        ),
    ],
    ids=["size-fr", "colour-en"],
)
def test_a_size_or_colour_corrected_under_the_list_changes_the_line_it_names(text, expected):
    assert _restated(text) == expected


def test_a_size_or_colour_said_before_the_lines_corrects_none():
    text = "We take the black ones, not the white ones.\n- 4 cases of towels, white\n"
    assert _restated(text) == [("towels, white", Decimal(4))]
