"""What a reply adds to the quoted quote or order in words the change could not tie to an article.

"Same as last time, but 10 of the gloves, and add two first-aid kits for 10 people": the change
reads the count it sets, but the article added names no quoted line and no article for sure. Its
clause is read as the body reads a line ('two' counted as 2), so the order keeps it for the matcher
and a clerk instead of losing it.
"""

from __future__ import annotations

import re

from intake.followups.clause import load_operations
from intake.followups.left_out import stems
from models import ExtractedLine, Provenance
from parsers.text.reader import read_lines
from parsers.values.numbers import word_quantity

ADDED_RULE = "thread-added"
# The number word right after the verb that adds: 'add two', 'ajoutez trois', 'plus a dozen'.
# 'plus 2 more of the lanyards', '3 de plus': a count added to a quoted line.
_MORE = re.compile(r"\b(?:more|de plus|en plus|extra|suppl[ée]mentaires?)\b", re.I)
_LEADING_WORD = re.compile(r"^\s*(?P<word>[^\W\d_]+(?:\s+[^\W\d_]+)?)\b")


def added_lines(unread: list[str], own: str, quoted: list[str], *, part: str) -> list[ExtractedLine]:
    """The counted lines of the unread clauses that add an article none of the `quoted` lines names
    ('2 more of the gloves' counts a quoted line: the change's), pointing into `own` when written there."""
    adds = load_operations().add
    names = [stems(text) for text in quoted]
    lines: list[ExtractedLine] = []
    for clause in unread:
        verb = adds.search(clause)
        if verb is None or _MORE.search(clause):
            continue
        rest = clause[verb.end() :]
        said = _in_figures(rest)
        at = own.find(rest.strip()) if said == rest else -1
        offset = at - (len(rest) - len(rest.lstrip())) if at >= 0 else None
        for line in read_lines(said, part=part):
            words = stems(line.description.value if line.description else "")
            if line.quantity is None or not words or any(words <= name for name in names):
                continue
            where = line.provenance
            span = where.span if where is not None else None
            moved = (offset + span[0], offset + span[1]) if span is not None and offset is not None else None
            line.provenance = Provenance(part=part, span=moved, rule=ADDED_RULE)
            line.notes.append("added by the reply to the quoted lines")
            lines.append(line)
    return lines


def _in_figures(text: str) -> str:
    """The clause with the count written in words before the article in figures ('two kits': '2 kits')."""
    stripped = text.lstrip()
    found = _LEADING_WORD.match(stripped)
    if found is None:
        return text
    for words in (found["word"], found["word"].split()[0]):
        said = word_quantity(words)
        if said is not None and not said[1]:
            return f"{said[0]} {stripped[len(words) :].lstrip()}"
    return text
