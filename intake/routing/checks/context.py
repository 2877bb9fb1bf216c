"""What every check reads: the message, the matched order, the reference data, the history."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

from models import (
    Candidate,
    CustomerHistory,
    CustomerRow,
    LineMatch,
    MatchedOrder,
    ParsedMessage,
    ProductRow,
    Provenance,
    ReviewReason,
    Settings,
    Severity,
)
from parsers.text.thread import QUOTED_PART


class CheckContext(BaseModel):
    """Everything known about one order when it is routed.

    `history` is None when no store is at hand (a dry run): the checks that
    need it then say nothing rather than guess.
    """

    model_config = ConfigDict(frozen=True)

    parsed: ParsedMessage
    matched: MatchedOrder
    # The catalogue is passed as is, not copied and re-validated for every order.
    products: SkipValidation[dict[str, ProductRow]] = Field(default_factory=dict)
    customers: SkipValidation[dict[str, CustomerRow]] = Field(default_factory=dict)
    # The matcher's CatalogIndex (customers' codes, designations read into words), when at hand:
    # a plain object, passed as is.
    catalogue: Any = None
    history: CustomerHistory | None = None
    settings: Settings = Field(default_factory=Settings)
    new_customer_orders: int = 0


def lead_over_runner_up(
    chosen: str | None, score: float, margin: float, candidates: list[Candidate]
) -> float:
    """How far the chosen match leads the next candidate, on the candidates' own scale.

    The matcher's `margin` is taken unless the candidates (the chosen one and
    its rivals, scored alike) show a smaller lead. With no rival listed and no
    margin stated, the lead is the whole score.
    """
    mine = next((c.score for c in candidates if c.key == chosen), None)
    rivals = [c.score for c in candidates if c.key != chosen]
    stated = margin if margin > 0 else (score if not rivals else 0.0)
    if mine is None or not rivals:
        return stated
    shown = mine - max(rivals)
    return min(stated, shown) if margin > 0 else shown


def finite(value: Decimal | None) -> Decimal | None:
    """A number the checks can compare: None for a missing, NaN or infinite one."""
    return value if value is not None and value.is_finite() else None


def quantity_of(line: LineMatch) -> Decimal | None:
    """The line's quantity, when it is a usable number."""
    return finite(line.quantity)


def numbered(matched: MatchedOrder) -> Iterator[tuple[int, LineMatch]]:
    """The lines with the number the order record gives them (1-based position)."""
    return enumerate(matched.lines, start=1)


def wording(line: LineMatch) -> str:
    """How the customer wrote the article: its description, else its code."""
    extracted = line.line
    if extracted.description and extracted.description.value.strip():
        return extracted.description.value.strip()
    return extracted.code.value.strip() if extracted.code else ""


def line_reason(
    code: str, number: int, text: str, *, severity: Severity = Severity.ERROR, field: str | None = None
) -> ReviewReason:
    """A reason about one line, worded 'line N: ...'."""
    return ReviewReason(
        code=code, message=f"line {number}: {text}", severity=severity, line_no=number, field=field
    )


def quantity_text(value: Decimal | float) -> str:
    """A quantity as a clerk writes it: 12, 2.5 (no trailing zeros, no exponent)."""
    number = Decimal(str(value)).normalize()
    return f"{number:f}"


def money(value: Decimal | float) -> str:
    """An amount as the clerk reads it: 8.10 €."""
    return f"{Decimal(str(value)):.2f} €"


_DIGIT = re.compile(r"\d")


def part_text(parsed: ParsedMessage, part: str | None) -> str | None:
    """The text a span of `part` points into: the sender's own text, or the quoted history
    (an order read from the quote it accepts)."""
    if part == parsed.text_part:
        return parsed.text
    return parsed.quoted if part == QUOTED_PART else None


def span_text(parsed: ParsedMessage, source: Provenance | None) -> str | None:
    """The text written at a place of the message's text, None when it points elsewhere."""
    if source is None or source.span is None or source.sheet:
        return None
    text = part_text(parsed, source.part)
    start, end = source.span
    return text[start:end] if text is not None and 0 <= start < end <= len(text) else None


def quantity_from_words(parsed: ParsedMessage, line: LineMatch) -> bool:
    """True when the quantity was read from a text span with no digit ('deux cartons')."""
    quantity = line.line.quantity
    written = span_text(parsed, quantity.provenance if quantity else None)
    return bool(written and written.strip()) and not _DIGIT.search(written)
