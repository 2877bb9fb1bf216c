"""check_po_read in two halves: what it reads of the message where the message is read, finished
with the customer's past where the store is, gives what the check run whole gives."""

from __future__ import annotations

import pytest

from intake.routing.checks import ALL_CHECKS, CheckContext, assess, complete, run_checks
from intake.routing.checks.po import PoMentions, check_po_read, read_po_mentions
from models import CustomerHistory, PastOrder
from tests.factories.pipeline import make_matched_order, make_parsed

# A laboratory supplier's customer: its past orders are numbered LAB-YYYY-NNNN.
HISTORY = CustomerHistory(
    customer_id="G001",
    orders=[PastOrder(message_id="<a@lab>", po_number="LAB-2025-0117", status="accepted")],
)


def _context(subject: str, text: str, history: CustomerHistory | None) -> CheckContext:
    parsed = make_parsed(text=text).model_copy(update={"subject": subject})
    return CheckContext(parsed=parsed, matched=make_matched_order(po=None), history=history)


def _crossed(mentions: PoMentions) -> PoMentions:
    """As it crosses the pipe from a reading worker."""
    return PoMentions.model_validate_json(mentions.model_dump_json(exclude_defaults=True))


@pytest.mark.parametrize(
    ("subject", "text", "quoted"),
    [
        # shaped like the past numbers, before a labelled reference: the shaped one is found first
        (
            "Réactifs LAB-2026-0042",
            "Bonjour,\nbon de commande n° CMD-88412 en pièce jointe.\n",
            "LAB-2026-0042",
        ),
        # the labelled one comes first
        ("Pipettes", "Bonjour,\nbon de commande n° CMD-88412, réf. LAB-2026-0042.\n", "CMD-88412"),
        # only a shaped one
        ("Gants nitrile", "Hello,\nplease ship under LAB-2026-0042 as usual.\n", "LAB-2026-0042"),
    ],
    ids=["shaped-first", "labelled-first", "shaped-only"],
)
def test_read_ahead_then_finished_with_the_past_is_the_check_run_whole(subject, text, quoted):
    with_past = _context(subject, text, HISTORY)
    ahead = _crossed(read_po_mentions(_context(subject, text, None)))
    whole = check_po_read(with_past)
    assert [r.quoted for r in whole] == [quoted]
    assert ahead.finish(with_past) == whole


def test_without_a_past_a_shaped_reference_alone_is_no_po():
    text = "Hello,\nplease ship under LAB-2026-0042 as usual.\n"
    assert (
        _crossed(read_po_mentions(_context("Gants nitrile", text, None))).finish(
            _context("Gants nitrile", text, None)
        )
        == []
    )


def test_every_check_assessed_ahead_then_completed_is_every_check_run_whole():
    subject, text = "Réactifs LAB-2026-0042", "Bonjour,\nbon de commande n° CMD-88412 en pièce jointe.\n"
    found = assess(_context(subject, text, None))
    assert any(isinstance(done, PoMentions) for done in found)
    with_past = _context(subject, text, HISTORY)
    assert complete(with_past, found) == run_checks(with_past, ALL_CHECKS)
