"""A forwarder's line naming a forwarded line with a count of its own changes that line's count
(parsers/text/forward_counts.py)."""

from __future__ import annotations

import pytest

from parsers import parse_message
from parsers.text.reader import extract_from_text

_LIST = "- 12 sacs de terreau 40 L\n- 6 arrosoirs 10 L\n- 3 râteaux\n"


def _read(own: str) -> list[tuple[str, int]]:
    raw = (
        "From: Paul <p@jardiland-pro.fr>\nTo: cde@jardiland-pro.fr\nSubject: TR: commande\n"
        "Message-ID: <a@b>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{own}\n\nPaul\n\n-------- Message transféré --------\nSujet : commande\n"
        f"De : Anne <anne@paysages-du-lac.fr>\nDate : 14/10/2026 08:05\n\nBonjour,\n\n{_LIST}\nMerci\nAnne\n"
    ).encode()
    order = extract_from_text(parse_message(raw, where="forward"))
    return [(ln.description.value, int(ln.quantity.value)) for ln in order.lines]


@pytest.mark.parametrize(
    "own",
    ["Pour saisie. Pour les arrosoirs, 8.", "Pour saisie. Les arrosoirs : 8"],
    ids=["pour-les", "colon"],
)
def test_a_forwarders_count_for_a_forwarded_line_changes_it(own: str) -> None:
    assert _read(own) == [("terreau 40 L", 12), ("arrosoirs 10 L", 8), ("râteaux", 3)]


@pytest.mark.parametrize(
    "own",
    ["Pour saisie. Aussi 2 arrosoirs 5 L.", "Pour saisie. Les arrosoirs : 2 cartons"],
    ids=["another-size", "another-unit"],
)
def test_a_forwarders_line_of_another_article_or_unit_is_no_count_change(own: str) -> None:
    assert ("arrosoirs 10 L", 6) in _read(own)
