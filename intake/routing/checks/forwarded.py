"""A forwarded order whose lines were read from more than one message of the chain.

Whoever forwards an order writes above it: 'ajoutez 2 sécateurs', but also 'they asked
about the 3 mm line last month' or 'la semaine dernière ils avaient pris 8 sacs'. A line
read there, beside the lines of the forwarded original, may be ordered or only spoken of:
the words of one message do not tell which, so a clerk confirms it. An order read from one
message of the chain alone (the original, or the forwarder's own list) is not concerned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from intake.routing.checks.catalogue_keys import catalogue_codes, catalogue_words, content_words, text_tokens
from intake.routing.checks.context import CheckContext, line_reason, numbered
from intake.routing.checks.coverage import body_spans, clauses, span_reason
from intake.routing.checks.places import Places
from intake.routing.checks.reading import ReadingRules, default_reading_rules
from models import LineMatch, ParsedMessage, ReviewReason
from parsers.mail.quotes import openings
from parsers.text.correction_patterns import correction_words
from parsers.text.forward_limits import code_figures, figures
from parsers.vocabulary.phrases import any_of

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


def check_forwarder_limits(ctx: CheckContext) -> list[ReviewReason]:
    """A forwarder's sentence limits the lines forwarded ('only the 70 L bags', 'pas les 48', 'except
    the blue ones'), naming a line read by a figure, a code or a word of its article, and the reading
    applied no change there: the order may carry a line the forwarder took out."""
    parsed = ctx.parsed
    starts = [o.start for o in openings(parsed.text, parsed.subject) if o.kind == "forward"]
    if not starts or not ctx.matched.lines:
        return []
    read = Places(ctx.matched.order.read_spans)
    marks = [_line_marks(line, ctx) for line in ctx.matched.lines]
    for row in body_spans(parsed.text[: starts[-1]], parsed.text_part):
        for said, where in clauses(*row):
            if not _limiting().search(said) or read.touched(where):
                continue
            named = set(figures(said)) | _coded(said) | content_words(said, shortest=4)
            if any(named & mark for mark in marks):
                return [
                    span_reason(
                        "forwarder_limits_lines",
                        "the words of someone forwarding the order limit its lines, and no change was read there",
                        said,
                        where,
                    )
                ]
    return []


def _line_marks(line: LineMatch, ctx: CheckContext) -> set[str]:
    """What names the line: the figures, codes and words of its wording, its code and its article's name."""
    extracted, article = line.line, ctx.products.get(line.sku or "")
    written = (
        " ".join(v.value for v in (extracted.code, extracted.description) if v is not None)
        + f" {line.sku or ''} {article.name if article else ''}"
    )
    words = content_words(written, shortest=4) - default_reading_rules().plain_words
    return code_figures(written) | _coded(written) | words


def _coded(text: str) -> set[str]:
    """The codes a text writes: its tokens holding a figure ('ab1000-48p-4g'), never a word ('de', 'the')."""
    return {t for t in text_tokens(text) if any(c.isdigit() for c in t)}


@lru_cache(maxsize=1)
def _limiting() -> re.Pattern[str]:
    """The words by which a forwarder keeps some lines or takes some out ('only the', 'not the', 'sauf')."""
    words = correction_words()
    phrases = [
        *words.forwarder_drop_number,
        *words.forwarder_only,
        *words.forwarder_drop,
        *words.forwarder_drop_opening,
        *words.except_,
    ]
    return re.compile(rf"(?<!\w)(?:{any_of(phrases)})(?!\w)", re.I)
