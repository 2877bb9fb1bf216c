"""A size or count written by the customer that the matched article's name does not carry.

Catalogues are full of near-twins that differ by one number (4x40 / 4x50,
20 cl / 25 cl, taille 9 / taille 10, sachet de 50 / carton de 1000). When an
article was found by its designation, every number the customer wrote must
be in the article's name; a number the name does not carry points to a twin.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from intake.routing.checks.context import CheckContext, line_reason, numbered, wording
from models import LineMatch, ReviewReason, Severity

# Evidence that names the article outright: its numbers need not be re-read.
EXACT_EVIDENCE = frozenset({"sku", "ean", "customer_ref", "code", "alias"})
_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])")
# An article or document code (EPI-CAS-01, BC-2026-0331, A-5512): starts with a
# letter, joins parts by a dash or slash, carries a digit. Its digits name, they
# do not measure (50-mm and 2-en-1 start with a digit: sizes).
_CODE = re.compile(r"(?<![\w/-])(?=[\w/-]*\d)[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)+\b")


def numbers(text: str) -> set[Decimal]:
    """The numbers of a text, as values: '2,5' = '2.50', '040' = '40'; 4x40 gives 4 and 40.

    Codes (EPI-CAS-01) are left out: their digits are not sizes.
    """
    found = set()
    for token in _NUMBER.findall(_CODE.sub(" ", text)):
        try:
            found.add(Decimal(token.replace(",", ".")).normalize())
        except InvalidOperation:
            continue
    return found


def _named_outright(line: LineMatch) -> bool:
    chosen = next((c for c in line.candidates if c.key == line.sku), None)
    return chosen is not None and any(e.kind in EXACT_EVIDENCE for e in chosen.evidence)


def check_sizes(ctx: CheckContext) -> list[ReviewReason]:
    """Numbers in the customer's wording missing from the article's name (designation matches only)."""
    reasons = []
    for number, line in numbered(ctx.matched):
        product = ctx.products.get(line.sku or "")
        if product is None or _named_outright(line) or line.score >= 1.0:
            continue
        said = wording(line)
        missing = numbers(said) - numbers(product.name)
        if missing:
            shown = ", ".join(sorted(f"{n:f}" for n in missing))
            reasons.append(
                line_reason(
                    "size_mismatch",
                    number,
                    f'"{said}" says {shown}, which the article {line.sku} ({product.name}) does not',
                    severity=Severity.WARNING,
                    field="sku",
                )
            )
    return reasons
