"""Sizes and colours a customer says anew under the list (parsers/text/restated.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.text.reader import read_lines
from parsers.text.restated import restate_lines


def _restated(text: str) -> list[tuple[str, Decimal]]:
    lines, _read = restate_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    return [((ln.description or ln.code).value, ln.quantity.value) for ln in lines]


def test_the_sentence_that_restates_a_line_is_read():
    text = "- 4 gilets XL\n\nLes gilets c'est en L, pas XL.\n"
    lines, read = restate_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    assert [ln.description.value for ln in lines] == ["gilets L"]
    assert [p.span for p in read] == [(15, len(text) - 1)]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il a rappelé : pour les chevilles c'est du M8, pas du M6.\n\n"
            "- 3 boîtes de chevilles nylon M6\n- 2 rouleaux de ficelle\n",
            [("chevilles nylon M8", Decimal(3)), ("ficelle", Decimal(2))],
        ),
        (
            "- 6 x garden lamps 3000K\n- 2 x timers\n\nThe garden lamps are 4000K, not 3000K.\n",
            [("garden lamps 4000K", Decimal(6)), ("timers", Decimal(2))],
        ),
        (
            "Pour les pompes c'est du 230V, pas du M6.\n\n- 2 pompes de relevage M6\n",
            [("pompes de relevage M6", Decimal(2))],
        ),
    ],
    ids=["thread-above-the-forwarded-list", "rating-under-the-list", "marks-of-two-shapes"],
)
def test_a_mark_said_anew_changes_the_line_it_names(text, expected):
    assert _restated(text) == expected


class _Codes:
    def knows_code(self, token: str) -> bool:
        return token.upper() in {"T150", "T250"}


def test_a_model_mark_read_as_the_lines_code_is_changed_there_too():
    text = "- 4 boxes of hose reels T150\n- 2 rakes\n\nThe reels must be T250 (the long ones), not T150.\n"
    lines, _read = restate_lines(read_lines(text, part="body", codes=_Codes()), text, part="body", rule="c")
    assert [(ln.code.value if ln.code else None, ln.quantity.value) for ln in lines] == [
        ("T250", Decimal(4)),
        (None, Decimal(2)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- peinture acrylique satinée 2,5 L x 3\n- rouleaux anti-goutte x 2\n\n"
            "Une modification : la peinture mate et pas satinée.\n",
            [("peinture acrylique mate 2,5 L", Decimal(3)), ("rouleaux anti-goutte", Decimal(2))],
        ),
        (
            "- 4 packs of pine planks untreated\n- 2 tins of wood stain\n\nThe planks in oak, not pine.\n",
            [("oak planks untreated", Decimal(4)), ("tins of wood stain", Decimal(2))],
        ),
    ],
    ids=["fr", "en"],
)
def test_a_word_of_one_line_turned_down_takes_the_new_words(text, expected):
    assert _restated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "- peinture satinée blanche x 3\n- peinture satinée grise x 2\n\nLa peinture mate et pas satinée.\n",
        "- 4 packs of pine planks\n- 2 tins of wood stain\n\nAll of it, but not the planks.\n",
        "- 4 packs of pine planks\n- 2 tins of wood stain\n\nDeliver on Monday, not Tuesday.\n",
    ],
    ids=["two-lines", "an-article-drops", "no-line-word"],
)
def test_a_word_turned_down_changes_no_line_it_does_not_name_alone(text):
    before = _restated(text.split("\n\n")[0] + "\n")
    assert _restated(text) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il a rappelé : et le solvant c'est le bidon de 20 L, pas le 5 L.\n\n"
            "- 2 flacons de détergent 5 L\n- 1 bidon de solvant 5 L\n",
            [("détergent 5 L", Decimal(2)), ("solvant 20 L", Decimal(1))],
        ),
        (
            "- 3 x bottles of ethanol 500 ml\n- 2 x wash bottles 500 ml\n\nThe ethanol is the 1000 ml one, not the 500 ml.\n",
            [("ethanol 1000 ml", Decimal(3)), ("wash bottles 500 ml", Decimal(2))],
        ),
    ],
    ids=["container-above-the-forwarded-list", "bottle-under-the-list"],
)
def test_a_measure_said_anew_changes_the_line_it_names(text, expected):
    assert _restated(text) == expected
