"""What crosses the pipe from a reading worker to the process that decides: a ReadMessage, compact.

Half of a read message's JSON was each matched line repeating the order line it matches;
it is written once, and the values left at their defaults are not written at all.
"""

from __future__ import annotations

from intake.pipeline import ReadMessage
from models import ExtractedLine

# A ReadMessage as it crosses the pipe: its JSON, and the places of the matched lines
# that are their order's own lines, (order, matched line, order line).
Wire = tuple[str, list[tuple[int, int, int]]]


def to_wire(read: ReadMessage) -> Wire:
    """`read` for the pipe, each value written once: a matched line that is one of its order's
    lines carries only its number (half the JSON otherwise), and defaults are left out; the
    attachments' bytes stay behind (read already; the store keeps the raw message).

    `read` is spent: its attachments and matched lines are emptied."""
    for attachment in read.parsed.attachments:
        attachment.data = b""
    shared = []
    for m, matched in enumerate(read.matched):
        place = {id(line): k for k, line in enumerate(matched.order.lines)}
        for j, match in enumerate(matched.lines):
            k = place.get(id(match.line))
            if k is not None:
                shared.append((m, j, k))
                match.line = ExtractedLine(line_no=match.line.line_no)
    return read.model_dump_json(exclude_defaults=True), shared


def from_wire(payload: str, shared: list[tuple[int, int, int]]) -> ReadMessage:
    """The ReadMessage `to_wire` wrote, its matched lines the very lines of their order again."""
    read = ReadMessage.model_validate_json(payload)
    for m, j, k in shared:
        read.matched[m].lines[j].line = read.matched[m].order.lines[k]
    return read
