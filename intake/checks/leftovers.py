"""A line of text inside the order's list that no order line was read from.

When the lines read from a body are interrupted by a text line carrying a
number, that line is most often an order line the reader could not parse:
accepting the order would silently drop it.
"""

from __future__ import annotations

import re

from intake.checks.context import CheckContext
from models import ReviewReason, Severity

_NUMBER = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{3,}")
_SHOWN = 60


def check_unread_text(ctx: CheckContext) -> list[ReviewReason]:
    """Text lines with a number between the first and the last line read from the body."""
    part = ctx.parsed.text_part
    spans = [
        line.line.provenance.span
        for line in ctx.matched.lines
        if line.line.provenance is not None
        and line.line.provenance.part == part
        and line.line.provenance.span is not None
    ]
    if len(spans) < 2:
        return []
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    reasons = []
    for start, text in _text_lines(ctx.parsed.text, first, last):
        end = start + len(text)
        if any(s < end and start < e for s, e in spans):
            continue
        if _NUMBER.search(text) and _WORD.search(text):
            shown = text.strip()
            shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
            reasons.append(
                ReviewReason(
                    code="text_unread",
                    message=f'a line among the order lines was not read: "{shown}"',
                    severity=Severity.WARNING,
                )
            )
    return reasons


def _text_lines(text: str, first: int, last: int) -> list[tuple[int, str]]:
    """(offset, text) of the lines that start inside [first, last)."""
    found, offset = [], 0
    for raw in text.splitlines(keepends=True):
        if first <= offset < last:
            found.append((offset, raw.rstrip("\r\n")))
        offset += len(raw)
    return found
