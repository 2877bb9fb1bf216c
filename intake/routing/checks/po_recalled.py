"""A reference the customer asks to see again on the delivery note or the invoice is the order's PO
(parsers/text/po_recalled.py): an order read without a PO then goes out without the one number the
customer asked for, so the PO check holds it like a labelled PO left unread.
"""

from __future__ import annotations

from collections.abc import Sequence

from intake.routing.checks.reading import ReadingRules
from models import Provenance
from parsers.text.po_recalled import recalled_reference as _recalled


def recalled_reference(
    places: Sequence[tuple[str, Provenance]], rules: ReadingRules, known: frozenset[str]
) -> tuple[str, tuple[int, int], Provenance] | None:
    """The reference a place asks to be repeated on our documents, with its span there and its place."""
    return _recalled(places, not_po=rules.not_po_pattern, known=lambda value: value.upper() in known)
