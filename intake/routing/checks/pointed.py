"""A reply that points at the order quoted under it, none of whose lines was read.

"Could we get the same breakers and RCDs as below again, plus 3 boxes of cable?", "les
mêmes que ci-dessous, et 2 rouleaux de gaine": the quoted order's lines are ordered again,
the reply adds or leaves out a few. A reader that takes only the lines written in the reply
sends an order with lines missing. When the sender's own words point back (pointed.toml)
and an item line of the latest message quoted names an article no line read names, the
order is held for a clerk to carry the quoted lines over.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from intake.routing.checks.catalogue_keys import catalogue_codes, catalogue_words
from intake.routing.checks.context import CheckContext
from intake.routing.checks.corrections import names_line
from intake.routing.checks.coverage import body_spans, looks_like_line, span_reason
from intake.routing.checks.reading import default_reading_rules
from intake.routing.checks.written_codes import names_a_code
from models import ReviewReason
from models.datafiles import load_toml
from parsers.text.thread import QUOTED_PART, latest_quoted
from parsers.vocabulary.sieve import starting

POINTED_FILE = Path(__file__).with_name("pointed.toml")


class PointerWords(BaseModel):
    """The phrases by which a reply points at the order quoted under it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pointers: tuple[str, ...]

    @field_validator("pointers")
    @classmethod
    def _compiles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid pattern: {exc}") from exc
        return value


@lru_cache(maxsize=1)
def pointer_pattern() -> re.Pattern[str]:
    words = load_toml(POINTED_FILE, PointerWords)
    return starting(re.compile("|".join(f"(?:{p})" for p in words.pointers), re.I))


def check_quoted_order_left(ctx: CheckContext) -> list[ReviewReason]:
    """The reply points back at the quoted order, and lines of it were not read."""
    parsed = ctx.parsed
    lines = ctx.matched.lines
    if not parsed.quoted.strip() or any(
        value is not None and value.provenance is not None and value.provenance.part == QUOTED_PART
        for line in lines
        for value in (line.line, line.line.description, line.line.code)
    ):
        return []
    pointer = next(
        (
            (row, where)
            for row, where in body_spans(parsed.text, parsed.text_part)
            if pointer_pattern().search(row)
        ),
        None,
    )
    if pointer is None:
        return []
    rules, words, codes = default_reading_rules(), catalogue_words(ctx), catalogue_codes(ctx)
    listed = [
        row
        for row in latest_quoted(parsed.quoted).splitlines()
        if looks_like_line(row, rules, words) or names_a_code(row, codes)
    ]
    left = [row for row in listed if not any(names_line(row, line) for line in lines)]
    # A reply that writes most of the quoted lines again ('même chose mais avec moins de vis :' over
    # its own list) restates the order; one that names few or none takes them from the quote.
    if 2 * len(left) <= len(listed):
        return []
    return [
        span_reason(
            "quoted_order_left",
            f'the reply orders again from the message quoted under it, whose lines were not read (such as "{" ".join(left[0].split())[:50]}"): '
            "a clerk carries over what it asks for",
            *pointer,
        )
    ]
