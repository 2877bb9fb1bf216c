"""A forwarder's words that keep or leave out lines of the order forwarded ('sauf les 440', 'only the 25 kg
bags'), naming a line read, hold the order unless the reading applied them (checks/forwarded.py)."""

from __future__ import annotations

import pytest

from intake.routing.checks import CheckContext
from intake.routing.checks.forwarded import check_forwarder_limits
from models import Provenance
from tests.factories.pipeline import PRODUCTS, make_line, make_matched_order, make_parsed


def _context(note: str, *, read: bool = False) -> CheckContext:
    text = f"{note}\n\nLuc\n\n-------- Message transféré --------\nObjet : Commande\n\n10 x VIS-440-200\n4 x CIM-25\n"
    first, second = text.index("VIS-440-200"), text.index("CIM-25")
    matched = make_matched_order(
        [
            make_line("VIS-440-200", "10", span=(first, first + 11)),
            make_line("CIM-25", "4", number=2, description="ciment 25 kg", span=(second, second + 6)),
        ]
    )
    if read:
        matched.order.read_spans = [Provenance(part="body", span=(0, len(note)), rule="forward-override")]
    return CheckContext(parsed=make_parsed(text=text), matched=matched, products=PRODUCTS)


@pytest.mark.parametrize(
    ("note", "held"),
    [
        ("Pour saisie, sauf les 440 svp.", True),
        ("Please enter it. Only the 25 kg bags, the rest later.", True),
        ("Pour saisie, mais pas le ciment.", True),
        ("Pour saisie, livraison jeudi au dépôt.", False),
        ("Pour saisie, pas avant 10h svp.", False),
        ("Please enter it, not the 12th but the 14th.", False),
    ],
)
def test_a_forwarders_limit_naming_a_line_holds_the_order(note: str, held: bool) -> None:
    assert [r.code for r in check_forwarder_limits(_context(note))] == (
        ["forwarder_limits_lines"] if held else []
    )


def test_a_limit_the_reading_applied_holds_nothing() -> None:
    assert check_forwarder_limits(_context("Pour saisie, sauf les 440 svp.", read=True)) == []
