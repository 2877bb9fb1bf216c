"""The quoted message an order was read from is part of the order too.

"Bon pour accord sur votre devis ci-dessous", "same as last time" over the earlier
order: the lines are read from the quoted history. Every line of that quoted message,
from its header to its sign-off, is then a span of the order part, so a line the reader
dropped there is seen as it would be in the body.
"""

from __future__ import annotations

import re

from intake.routing.checks.reading import ReadingRules
from models import ExtractedLine, Provenance
from parsers.mail.markers import load_markers
from parsers.text.thread import QUOTED_PART, latest_quoted, opens_message, option_block, quoted_text


def quoted_spans(quoted: str, lines: list[ExtractedLine], own: str = "") -> list[tuple[str, Provenance]]:
    """The lines of the quoted message the order's lines were read from, each with its place; of a
    quote setting out options, those of the option the reply takes (`own`: the reply's text)."""
    places = [
        line.provenance.span
        for line in lines
        if line.provenance is not None and line.provenance.part == QUOTED_PART and line.provenance.span
    ]
    if not places or not quoted.strip():
        return []
    first, last = min(start for start, _ in places), max(end for _, end in places)
    block = option_block(own, latest_quoted(quoted)) or (0, len(quoted))
    markers = load_markers()
    spans: list[tuple[str, Provenance]] = []
    offset = 0
    for raw in quoted_text(quoted).splitlines(keepends=True):
        line, start = raw.rstrip("\r\n"), offset
        offset += len(raw)
        shape = line.strip().strip("*").strip()
        if start < first and opens_message(shape, markers):
            spans = []  # an earlier message's end, or this one's header: the message starts below
        elif start >= last and (opens_message(shape, markers) or markers.opens_signature(shape)):
            break
        elif shape and block[0] <= start < block[1]:
            spans.append(
                (line, Provenance(part=QUOTED_PART, span=(start, start + len(line)), rule="order-text"))
            )
    return spans


def excepted_places(own: str, rules: ReadingRules) -> set[int]:
    """The places (from 0) among the quoted item lines of those the reply's exception names by
    their place: 'sauf la ligne 3', 'except items 2 and 4'. Those it names by their words are
    explained as any excepted line is (rules.excepted)."""
    return {
        int(number) - 1
        for what in rules.excepted(own)
        for place in rules.line_place_pattern.finditer(what)
        for number in re.findall(r"\d+", place.group(1))
    }
