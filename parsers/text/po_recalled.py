"""A reference the customer asks to see again on the delivery note or the invoice is the order's PO.

"Ordre de travaux OT 26-0977 (à rappeler sur le BL)", "please quote job no. J-4471 on your invoice":
whatever the customer calls it (a work order, a job, a site, an engagement number), their accounts
match our documents with it. The reader takes it as the PO when no labelled one is written; the PO
check holds an order read without it, or with another PO beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, field_validator

from models import Extracted, Provenance
from models.datafiles import load_toml, valid_patterns
from parsers.vocabulary.sieve import starting
from parsers.vocabulary.words import DATA

RECALLED_FILE = DATA / "po_recalled.toml"
Place = TypeVar("Place")

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
RECALLED_RULE = "po-recalled"


class RecalledWords(BaseModel):
    """parsers/data/po_recalled.toml: the words asking for a reference on our documents."""

    asked: list[str]

    @field_validator("asked")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return valid_patterns(patterns)


@lru_cache(maxsize=1)
def asked_pattern() -> re.Pattern[str]:
    """Any of the words asking for a reference on our delivery note or invoice."""
    words = load_toml(RECALLED_FILE, RecalledWords).asked
    # Looked for in every line of every body: tried only where one of them may start.
    return starting(re.compile("|".join(f"(?:{w})" for w in words), re.I))


def recalled_reference(
    places: Sequence[tuple[str, Place]], *, not_po: re.Pattern[str], known: Callable[[str], bool]
) -> tuple[str, tuple[int, int], Place] | None:
    """The reference a place asks to be repeated on our documents, with its span there and its place.

    The reference is looked for in the words' own text line, then, when the line wraps before
    them, at the end of the line above. `not_po` ends on the words naming another document's
    number ('devis', 'invoice'); `known` tells an article's code."""
    asked = asked_pattern()
    for n, (text, where) in enumerate(places):
        found_asked = asked.search(text)
        if found_asked is None:
            continue
        found = _reference(text, not_po, known, found_asked.start())
        if found is not None:
            return found[0], found[1], where
        if n > 0:
            above, place = places[n - 1]
            found = _reference(above, not_po, known, len(above))
            if found is not None:
                return found[0], found[1], place
    return None


def recalled_po(
    text: str, *, part: str, not_po: re.Pattern[str], known: Callable[[str], bool] | None = None
) -> Extracted[str] | None:
    """The reference a body asks back on our documents, read as its PO ('n° d'affaire AFF-2611-07 à
    rappeler sur la facture', 'For job J-4471 (please quote this number on your invoice)')."""
    places: list[tuple[str, int]] = []
    start = 0
    for line in text.split("\n"):
        places.append((line, start))
        start += len(line) + 1
    found = recalled_reference(places, not_po=not_po, known=known or (lambda _: False))
    if found is None:
        return None
    value, (begin, end), offset = found
    prov = Provenance(part=part, span=(offset + begin, offset + end), rule=RECALLED_RULE)
    return Extracted[str](value=value, confidence=0.8, provenance=prov)


def _reference(
    text: str, not_po: re.Pattern[str], known: Callable[[str], bool], before: int
) -> tuple[str, tuple[int, int]] | None:
    """The last reference before `before` (the words asking for it follow it), else the first after."""
    found = [
        match
        for match in _REFERENCE.finditer(text)
        if len(_DIGITS.findall(match.group())) >= MIN_DIGITS
        and not known(match.group())
        and not _explained(text, match)
        and not not_po.search(text[: match.start()])
    ]
    ahead = [m for m in found if m.start() < before]
    match = ahead[-1] if ahead else next(iter(found), None)
    return (match.group(), match.span()) if match is not None else None


def _explained(text: str, match: re.Match[str]) -> bool:
    return any(
        span.start() <= match.start() < span.end() or match.start() <= span.start() < match.end()
        for span in _NOT_REFERENCE.finditer(text)
    )
