"""Articles listed per person, none counted: "- Kevin Le Floch : chaussures hautes noires 42, pantalon
gris 44, veste grise L". Each article a row names is one for that person, the same article named for
several is one line counting them all; "et une paire de genouillères pour chacun" under such a list
counts that many for each person listed. Strict, both or nothing: every article of every such row must
be named surely by the catalogue's names (`NameBook.names_article`), and two rows or more make the list.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedLine
from parsers.text.extracted import line_from_parts, written_at

RULE = "text-per-person"
SURE = 0.7  # as the spotter's: the matcher's score from which words name an article, not a kind of one
_MIN_ROWS = 2
# A bullet, who gets the articles (a name of one to four words, each opening on a capital), a colon.
_PERSON_ROW = re.compile(
    r"^\s*[-*•·]\s*(?P<who>(?:[A-ZÀ-Ý][\w'’.\-]*\s+){0,3}[A-ZÀ-Ý][\w'’.\-]*)\s*:\s*(?P<items>\S.*?)[\s.;]*$"
)
_ITEM_CUT = re.compile(r"\s*,\s*|\s+(?:et|and)\s+", re.I)
# 'une paire de genouillères pour chacun', '2 pairs of socks for each of them': a count per person.
_FOR_EACH = re.compile(
    r"\b(?:pour|for)\s+(?:chacun|chacune|chacun\s+d['’]eux|chacune\s+d['’]elles|each(?:\s+of\s+them)?|everyone)\b",
    re.I,
)


def with_kits(
    found: list[ExtractedLine], rows: list[tuple[str, int]], names, *, part: str
) -> list[ExtractedLine]:
    """The lines read, with those of the per-person rows no reader read, and the counts said 'for each'
    below them multiplied by the number of persons; the lines read as they were when no such list is."""
    listed = [(row, at, items) for row, at in rows if (items := _named_items(row, names)) is not None]
    if len(listed) < _MIN_ROWS or any(_read_from(found, at, len(row)) for row, at, _ in listed):
        return found
    end = listed[-1][1] + len(listed[-1][0])
    each = [(row, at) for row, at in rows if at >= end and _FOR_EACH.search(row)]
    for line in found:
        if any(_read_from([line], at, len(row)) for row, at in each):
            _count_for_each(line, len(listed))
    return sorted([*found, *_lines(listed, part)], key=written_at)


def _named_items(row: str, names) -> list[tuple[str, int]] | None:
    """The articles a per-person row names (each with where it starts in the row); None unless every
    one names an article surely and none is counted."""
    match = _PERSON_ROW.match(row)
    if match is None:
        return None
    items, at = [], match.start("items")
    for piece in _ITEM_CUT.split(match["items"]):
        begin = row.index(piece, at)
        at = begin + len(piece)
        if re.match(r"\d", piece) or names(piece) < SURE:
            return None
        items.append((piece, begin))
    return items


def _lines(listed: list[tuple[str, int, list[tuple[str, int]]]], part: str) -> list[ExtractedLine]:
    """One line per article, counting every person it is named for, at the place it is named first."""
    first: dict[str, tuple[str, int]] = {}
    counts: dict[str, int] = {}
    for _, at, items in listed:
        for text, begin in items:
            key = " ".join(text.lower().split())
            first.setdefault(key, (text, at + begin))
            counts[key] = counts.get(key, 0) + 1
    return [
        line_from_parts(
            part,
            (where, where + len(text)),
            desc=(text, (where, where + len(text))),
            qty=(Decimal(counts[key]), (where, where + len(text))),
            rule=RULE,
            confidence=0.75,
            notes=[f"named for {counts[key]} person(s) of the list, uncounted: one each"],
        )
        for key, (text, where) in first.items()
    ]


def _count_for_each(line: ExtractedLine, persons: int) -> None:
    if line.quantity is None:
        return
    old = line.quantity.value
    line.quantity = Extracted[Decimal](
        value=old * persons, confidence=line.quantity.confidence, provenance=line.quantity.provenance
    )
    line.notes.append(f"quantity {old} said for each of the {persons} persons listed above: {old * persons}")


def _read_from(lines: list[ExtractedLine], at: int, length: int) -> bool:
    return any(
        line.provenance and line.provenance.span and at <= written_at(line) < at + length for line in lines
    )
