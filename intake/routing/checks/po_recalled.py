"""A reference the customer asks to see again on the delivery note or the invoice is the order's PO.

"Ordre de travaux OT 26-0977 (à rappeler sur le BL)", "please quote job no. J-4471 on your invoice":
whatever the customer calls it (a work order, a job, a site, an engagement number), their accounts
match our documents with it. An order read without a PO then goes out without the one number the
customer asked for: the PO check holds it like a labelled PO left unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from intake.routing.checks.reading import ReadingRules
from models import Provenance

# A reference: figures and separators, a few capitals before them at most ('OT 26-0977', 'J-4471',
# '2026/118/B'), four digits at least, read whole.
_REFERENCE = re.compile(r"(?<![\w\-/.])(?:[A-Z]{1,5}[ \-/.#:°]{0,2})?\d[\w\-/.]*(?<![\-/.])(?![\w\-/])")
_DIGITS = re.compile(r"\d")
# What carries four digits and is no reference: a date, a time, a phone, an amount, a postcode and its town.
_NOT_REFERENCE = re.compile(
    r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|0\d(?:[ .]?\d{2}){4}"
    r"|\d+(?:[.,]\d+)?\s*(?:€|eur\b|euros?\b|ht\b|ttc\b|£|\$)|(?<![\d\-/])\d{5}\s+(?-i:[A-ZÉÈ])",
    re.I,
)
MIN_DIGITS = 4


def recalled_reference(
    places: Sequence[tuple[str, Provenance]], rules: ReadingRules, known: frozenset[str]
) -> tuple[str, tuple[int, int], Provenance] | None:
    """The reference a place asks to be repeated on our documents, with its span there and its place.

    The reference is looked for in the words' own text line, then, when the line wraps before
    them, at the end of the line above."""
    for n, (text, where) in enumerate(places):
        asked = rules.po_recalled_pattern.search(text)
        if asked is None:
            continue
        found = _reference(text, rules, known, asked.start())
        if found is not None:
            return found[0], found[1], where
        if n > 0:
            above, place = places[n - 1]
            found = _reference(above, rules, known, len(above))
            if found is not None:
                return found[0], found[1], place
    return None


def _reference(
    text: str, rules: ReadingRules, known: frozenset[str], before: int
) -> tuple[str, tuple[int, int]] | None:
    """The last reference before `before` (the words asking for it follow it), else the first after."""
    found = [
        match
        for match in _REFERENCE.finditer(text)
        if len(_DIGITS.findall(match.group())) >= MIN_DIGITS
        and match.group().upper() not in known
        and not _explained(text, match)
        and not rules.not_po_pattern.search(text[: match.start()])
    ]
    ahead = [m for m in found if m.start() < before]
    match = ahead[-1] if ahead else next(iter(found), None)
    return (match.group(), match.span()) if match is not None else None


def _explained(text: str, match: re.Match[str]) -> bool:
    return any(
        span.start() <= match.start() < span.end() or match.start() <= span.start() < match.end()
        for span in _NOT_REFERENCE.finditer(text)
    )
