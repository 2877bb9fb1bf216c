"""A forwarder's words naming lines of the forwarded list by a figure of theirs take them out or keep
them ('pas les 5 kg', 'seulement les farines 25 kg, pas les 5'); one naming no line surely changes
nothing and leaves a doubt (parsers/text/forward_limits.py)."""

from __future__ import annotations

import pytest

from parsers import parse_message
from parsers.text.forward_limits import LIMIT_UNREAD, figures
from parsers.text.reader import extract_from_text

_LIST = "- 12 sacs de farine T55 25 kg\n- 4 sacs de farine T55 5 kg\n- 6 pots de miel 500 g\n"


def _read(own: str) -> tuple[list[tuple[str, int]], list[str]]:
    raw = (
        "From: Paul <p@epicerie-pro.fr>\nTo: cde@epicerie-pro.fr\nSubject: TR: commande\n"
        "Message-ID: <a@b>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{own}\n\nPaul\n\n-------- Message transféré --------\nSujet : commande\n"
        f"De : Anne <anne@boulangerie-du-lac.fr>\nDate : 14/10/2026 08:05\n\nBonjour,\n\n{_LIST}\nMerci\nAnne\n"
    ).encode()
    order = extract_from_text(parse_message(raw, where="forward"))
    return [(ln.description.value, int(ln.quantity.value)) for ln in order.lines], order.doubts


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie, mais pas les 5 kg : ils en ont encore.",
        "Please enter it, but not the 5: they still have some.",
        "Seulement les farines 25 kg, pas les 5.",
    ],
    ids=["pas-les", "not-the", "seulement-and-pas"],
)
def test_a_figure_of_one_forwarded_line_takes_it_out(own: str) -> None:
    lines, doubts = _read(own)
    assert [name for name, _ in lines] == ["farine T55 25 kg", "pots de miel 500 g"]
    assert LIMIT_UNREAD not in doubts


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie, pas les 55.",  # both flours carry it
        "Pour saisie, sauf les 12.",  # a count, no figure of any line
        "Only the 25 kg ones.",  # no word naming which lines it keeps
    ],
    ids=["two-lines", "no-line", "no-word"],
)
def test_a_limit_naming_no_line_surely_changes_nothing_and_is_a_doubt(own: str) -> None:
    lines, doubts = _read(own)
    assert len(lines) == 3
    assert LIMIT_UNREAD in doubts


def test_a_day_or_an_hour_is_no_figure_of_an_article() -> None:
    assert figures("pas le 12/01, ni avant 10h, not the 5th, 20 %, 2 x") == []
    assert figures("not the 48: the 24-litre ones") == ["48", "24"]
    lines, doubts = _read("Pour saisie, pas le 12/01 svp.")
    assert len(lines) == 3 and LIMIT_UNREAD not in doubts


def test_a_figure_said_instead_of_another_is_a_change_not_a_line_left_out() -> None:
    lines, doubts = _read("Pour saisie. Elle a rappelé : la farine c'est le sac de 25 kg, pas le 5 kg.")
    assert ("pots de miel 500 g", 6) in lines and LIMIT_UNREAD not in doubts
