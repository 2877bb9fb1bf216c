"""A forwarded order whose lines were read from more than one message of the chain.

Whoever forwards an order writes above it: 'ajoutez 2 sécateurs', but also 'they asked
about the 3 mm line last month' or 'la semaine dernière ils avaient pris 8 sacs'. A line
read there, beside the lines of the forwarded original, may be ordered or only spoken of:
the words of one message do not tell which, so a clerk confirms it. An order read from one
message of the chain alone (the original, or the forwarder's own list) is not concerned.
"""

from __future__ import annotations

from bisect import bisect_right

from intake.routing.checks.catalogue_keys import catalogue_codes, catalogue_words, content_words, text_tokens
from intake.routing.checks.context import CheckContext, line_reason, numbered
from intake.routing.checks.coverage import body_spans, clauses, span_reason
from intake.routing.checks.reading import ReadingRules, default_reading_rules
from models import LineMatch, ParsedMessage, ReviewReason
from parsers.mail.quotes import openings

# Words of the catalogue a forwarder's clause must write to name an article without its code:
# one alone ('blanc', 'pro') is as likely a word of the note as of an article.
NAMING_WORDS = 2


def check_forwarder_lines(ctx: CheckContext) -> list[ReviewReason]:
    """Lines read from a forwarder's words beside lines of the message it forwards are held."""
    parsed = ctx.parsed
    starts = [o.start for o in openings(parsed.text, parsed.subject) if o.kind == "forward"]
    if not starts:
        return []
    found = {number: message_of(line, parsed, starts) for number, line in numbered(ctx.matched)}
    chain = {where for where in found.values() if where is not None}
    if len(chain) < 2:
        return []
    original = max(chain)
    return [
        line_reason(
            "line_from_forwarder",
            number,
            "read from the words of someone forwarding the order, beside the lines of the message "
            "forwarded: whether they order this article or only speak of it is for a clerk to confirm",
        )
        for number, where in found.items()
        if where is not None and where != original
    ]


def check_forwarder_names_articles(ctx: CheckContext) -> list[ReviewReason]:
    """The forwarder's words name an article (its code, or words of its designation) while every
    line was read from the message forwarded: 'no wheelbarrows after all', 'make the drip line 5
    rolls', 'they asked about the 3 mm line'. Whether the order changes is for a clerk to read."""
    parsed = ctx.parsed
    starts = [o.start for o in openings(parsed.text, parsed.subject) if o.kind == "forward"]
    if not starts or not ctx.matched.lines:
        return []
    if any(message_of(line, parsed, starts) == 0 for line in ctx.matched.lines):
        return []  # the lines read there are held one by one (check_forwarder_lines)
    rules = default_reading_rules()
    codes, words = catalogue_codes(ctx), catalogue_words(ctx) - rules.plain_words
    note = parsed.text[: starts[0]]
    for row in body_spans(note, parsed.text_part):
        for said, where in clauses(*row):
            if corrects(said, rules):
                continue  # a change in the corrections' words: the corrections check sees it applied
            if text_tokens(said) & codes or len(content_words(said) & words) >= NAMING_WORDS:
                return [
                    span_reason(
                        "forwarder_names_articles",
                        "the words of someone forwarding the order name an article: do they change it?",
                        said,
                        where,
                    )
                ]
    return []


def corrects(said: str, rules: ReadingRules) -> bool:
    """The clause changes the order in words the corrections check reads ('4 au lieu de 3', 'drop
    the face shields', 'add 2 more', 'finalement')."""
    patterns = (*rules.replacement_patterns, *rules.exception_patterns)
    return any(p.search(said) for p in patterns) or any(
        p.search(said) for p in (rules.removal_pattern, rules.correction_pattern, rules.increment_pattern)
    )


def message_of(line: LineMatch, parsed: ParsedMessage, starts: list[int]) -> int | None:
    """Which message of the forwarded chain the line's article was read from: 0 the forwarder's
    own words, 1 the message forwarded, and so on down; None when it was read elsewhere."""
    extracted = line.line
    for value in (extracted.code, extracted.description, extracted):
        where = value.provenance if value is not None else None
        if where is not None and where.part == parsed.text_part and where.span is not None:
            return bisect_right(starts, where.span[0])
    return None
