"""The quoted message an order was read from is part of the order too.

"Bon pour accord sur votre devis ci-dessous", "same as last time" over the earlier
order: the lines are read from the quoted history. Every line of that quoted message,
from its header to its sign-off, is then a span of the order part, so a line the reader
dropped there is seen as it would be in the body.
"""

from __future__ import annotations

import re

from intake.routing.checks.reading import ReadingRules
from matchers.normalize import read_wording
from models import ExtractedLine, Provenance
from parsers.mail.markers import Markers, load_markers
from parsers.text.thread import QUOTED_PART, quoted_text


def quoted_spans(quoted: str, lines: list[ExtractedLine]) -> list[tuple[str, Provenance]]:
    """The lines of the quoted message the order's lines were read from, each with its place."""
    places = [
        line.provenance.span
        for line in lines
        if line.provenance is not None and line.provenance.part == QUOTED_PART and line.provenance.span
    ]
    if not places or not quoted.strip():
        return []
    first, last = min(start for start, _ in places), max(end for _, end in places)
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
        elif shape:
            spans.append(
                (line, Provenance(part=QUOTED_PART, span=(start, start + len(line)), rule="order-text"))
            )
    return spans


def opens_message(line: str, markers: Markers) -> bool:
    """A quoted message's header: 'De : ...', 'Le 6 nov. 2026, X a écrit :', '-----Original Message-----'."""
    fields = (markers.from_field, markers.date_field, markers.subject_field, markers.to_field)
    return bool(
        markers.reply_rule.match(line)
        or markers.forward_rule.match(line)
        or any(pattern.match(line) for pattern in (*fields, *markers.attribution_line))
    )


_CLAUSE_END = re.compile(r"[.;!?\n]")


def excepted(own: str, items: list[str], rules: ReadingRules) -> set[int]:
    """The places (from 0) of the quoted item lines the reply's own words leave out:
    'sauf la ligne 3', 'except items 2 and 4', 'sauf les chevilles', 'except the gloves'."""
    left_out: set[int] = set()
    for found in rules.exception_pattern.finditer(own):
        clause = _CLAUSE_END.split(own[found.end() :], maxsplit=1)[0]
        for place in rules.line_place_pattern.finditer(clause):
            left_out |= {int(n) - 1 for n in re.findall(r"\d+", place.group(1))}
        named = _words(rules.line_place_pattern.sub(" ", clause), rules)
        left_out |= {i for i, item in enumerate(items) if named & _words(item, rules)}
    return left_out


def _words(text: str, rules: ReadingRules) -> set[str]:
    """The telling words, read as the matcher reads them (an English word meets a French one)."""
    words = read_wording(text).words
    return {w for w in words if len(w) >= 3 and not any(c.isdigit() for c in w)} - rules.plain_words
