"""A length then a count after an x, in a list whose lines end with their counts after an x.

'2. Double lanyard with absorber 2 m x 4' under '1. Full body harness, M/L x 4': the lines around it
count after their x, so its x counts too, as 'absorbeur 2 m x2' glued to its count reads. Alone, or
among lines counted otherwise, 'Ruban 25 mm x 50' and 'Corde 10 m x 12' stay sizes for a clerk.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from models import ExtractedLine
from parsers.text.extracted import written_at

# A length in metres, then an x spaced from a count of up to three figures closing the line.
_LENGTH_X_COUNT = re.compile(r"\d(?:[.,]\d+)?\s*m\s+(?P<x>[x×])(?P<gap>\s+)(?P<count>\d{1,3})\s*$")
# A line read that ends with its count after an x: 'M/L x 4', 'boxes of 10 x 6', 'T10x6'.
_X_COUNTED = re.compile(r"[x×]\s*\d{1,4}\s*$")
# How many lines of the list must count so before a length's x is read as theirs.
_SIBLINGS = 2


def with_lengths_counted(
    found: list[ExtractedLine], text: str, read: Callable[[str, int], list[ExtractedLine]]
) -> list[ExtractedLine]:
    """`found` with the lines of `text` that a length's x left unread, read with the x as their count's."""
    rows, at = [], 0
    for raw in text.splitlines(keepends=True):
        rows.append((raw.rstrip("\r\n"), at))
        at += len(raw)
    starts = [ln.provenance.span[0] for ln in found if ln.provenance and ln.provenance.span]
    read_rows = [(row, begin) for row, begin in rows if any(begin <= s < begin + len(row) for s in starts)]
    if sum(1 for row, _ in read_rows if _X_COUNTED.search(row)) < _SIBLINGS:
        return found
    added: list[ExtractedLine] = []
    for row, begin in rows:
        match = _LENGTH_X_COUNT.search(row)
        if match is None or (row, begin) in read_rows:
            continue
        glued = row[: match.start("x")] + match["gap"] + "x" + row[match.start("count") :]
        added.extend(read(glued, begin))
    if not added:
        return found
    return sorted([*found, *added], key=written_at)
