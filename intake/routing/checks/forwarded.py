"""A forwarded order whose lines were read from more than one message of the chain.

Whoever forwards an order writes above it: 'ajoutez 2 sécateurs', but also 'they asked
about the 3 mm line last month' or 'la semaine dernière ils avaient pris 8 sacs'. A line
read there, beside the lines of the forwarded original, may be ordered or only spoken of:
the words of one message do not tell which, so a clerk confirms it. An order read from one
message of the chain alone (the original, or the forwarder's own list) is not concerned.
"""

from __future__ import annotations

from bisect import bisect_right

from intake.routing.checks.context import CheckContext, line_reason, numbered
from models import LineMatch, ParsedMessage, ReviewReason
from parsers.mail.quotes import openings


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


def message_of(line: LineMatch, parsed: ParsedMessage, starts: list[int]) -> int | None:
    """Which message of the forwarded chain the line's article was read from: 0 the forwarder's
    own words, 1 the message forwarded, and so on down; None when it was read elsewhere."""
    extracted = line.line
    for value in (extracted.code, extracted.description, extracted):
        where = value.provenance if value is not None else None
        if where is not None and where.part == parsed.text_part and where.span is not None:
            return bisect_right(starts, where.span[0])
    return None
