"""A reply that points at the order quoted under it, none of whose lines was read.

"Could we get the same breakers and RCDs as below again, plus 3 boxes of cable?", "les
mêmes que ci-dessous, et 2 rouleaux de gaine": the quoted order's lines are ordered again,
the reply adds or leaves out a few. A reader that takes only the lines written in the reply
sends an order with lines missing. When the sender's own words point back (thread_words.toml)
and an item line of the latest message quoted names an article no line read names, the
order is held for a clerk to carry the quoted lines over.
"""

from __future__ import annotations

import re
from functools import lru_cache

from intake.routing.checks.catalogue_keys import catalogue_codes, catalogue_words
from intake.routing.checks.context import CheckContext
from intake.routing.checks.corrections import names_line
from intake.routing.checks.coverage import body_spans, looks_like_line, span_reason
from intake.routing.checks.left_out import thread_words
from intake.routing.checks.reading import ReadingRules, default_reading_rules
from intake.routing.checks.written_codes import names_a_code
from models import Provenance, ReviewReason
from parsers.text.thread import QUOTED_PART, latest_quoted, quoted_text
from parsers.vocabulary.sieve import starting


@lru_cache(maxsize=1)
def pointer_pattern() -> re.Pattern[str]:
    return starting(re.compile("|".join(f"(?:{p})" for p in thread_words().pointers), re.I))


# The rows of a short answer (a greeting, a sentence or two): longer, it writes an order of its own.
SHORT_ANSWER = 3


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
    rows = body_spans(parsed.text, parsed.text_part)
    pointer = next(((row, where) for row, where in rows if pointer_pattern().search(row)), None)
    # Without words pointing back, a short answer that reads one line at most above a quoted list
    # of lines has the same shape: an order of the quoted lines, changed or not, or of its own alone.
    if pointer is None and (not rows or len(rows) > SHORT_ANSWER or len(lines) > 1):
        return []
    rules, words, codes = default_reading_rules(), catalogue_words(ctx), catalogue_codes(ctx)
    listed = _listed(latest_quoted(parsed.quoted), rules, words, codes)
    if not listed and pointer is None:
        return _answer_left(ctx, rules, words, codes, rows)
    left = [row for row in listed if not any(names_line(row, line) for line in lines)]
    # A reply that writes most of the quoted lines again ('même chose mais avec moins de vis :' over
    # its own list) restates the order; one that names few or none takes them from the quote.
    if 2 * len(left) <= len(listed):
        return []
    example = " ".join(left[0].split())[:50]
    if pointer is None:
        return [
            span_reason(
                "quoted_order_left",
                f'a short answer above a quoted list of lines, none of them read (such as "{example}"): '
                "a clerk checks whether it orders them",
                *max(rows, key=lambda row: len(row[0])),
            )
        ]
    return [
        span_reason(
            "quoted_order_left",
            f'the reply orders again from the message quoted under it, whose lines were not read (such as "{example}"): '
            "a clerk carries over what it asks for",
            *pointer,
        )
    ]


def _listed(text: str, rules: ReadingRules, words: frozenset[str], codes: frozenset[str]) -> list[str]:
    """The item lines of a quoted text: rows shaped like an order line, or naming a catalogue code; a
    question about one ('les vis 4x40 : boîte de 200 ou de 500 ?') orders nothing."""
    return [
        row
        for row in text.splitlines()
        if not row.rstrip().endswith("?") and (looks_like_line(row, rules, words) or names_a_code(row, codes))
    ]


def _answer_left(
    ctx: CheckContext,
    rules: ReadingRules,
    words: frozenset[str],
    codes: frozenset[str],
    rows: tuple[tuple[str, Provenance], ...],
) -> list[ReviewReason]:
    """Our questions about the customer's order list no line ('cartons 40x30x30 : simple ou double
    cannelure ?'): the short answer under them ('Double. Manuel 500.') completes the order quoted
    further down, each of whose lines stays ordered. Read with fewer lines than that order, its figures
    were taken for counts (a width, a size chosen) and its lines lost."""
    listed = _listed(quoted_text(ctx.parsed.quoted), rules, words, codes)
    if len(ctx.matched.lines) >= len(listed):
        return []
    example = " ".join(listed[0].split())[:50]
    return [
        span_reason(
            "quoted_order_left",
            f"a short answer to our questions above the order quoted under them, whose {len(listed)} lines "
            f'were read as {len(ctx.matched.lines)} (such as "{example}"): a clerk completes the order',
            *max(rows, key=lambda row: len(row[0])),
        )
    ]
