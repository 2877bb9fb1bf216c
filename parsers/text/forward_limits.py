"""A forwarder's words over the list forwarded that name its lines by a number of their code or name:
'Only the 70 L bags, not the 40', 'pas les 25 m', 'sans les 12 V'. A number names the one
line carrying it in its code or name; 'only the ...' keeps, among the lines its words name, those
carrying its number. A restriction that names no line surely changes nothing and is a doubt: the
order waits for a clerk rather than going out with a line the forwarder took out."""

from __future__ import annotations

import re
from typing import NamedTuple

from models import ExtractedLine, Provenance
from parsers.text.correction_patterns import correction_patterns
from parsers.text.named_lines import WordBook, before, catalogue_words, line_words, sentences, significant

LIMIT_UNREAD = (
    "the forwarder's words limit the lines forwarded ('not the ...', 'only the ...') in a way that was not "
    "applied for sure: a clerk checks the lines against them"
)

# A figure said of an article: standing alone (a mark glued to letters or after a code's dash, '26A', 'M8',
# 'PO-5521', is read as a mark), neither a day, an hour, a rank, a share nor a count ('le 12/01', '10h',
# 'the 5th', '20 %', '2 x').
_FIGURE = re.compile(
    r"(?<![\w.,/:\-])0*(\d+)(?![\w]|[.,/:]\d)(?!\s*(?:h|th|st|nd|rd|e|er|ère|ème|x|×|%)(?!\w))", re.I
)
# Any run of figures of a code or a name ('AB1000-48P-4G': 1000, 48 and 4).
_RUN = re.compile(r"(?<!\d)0*(\d+)(?!\d)")


class Limited(NamedTuple):
    """The lines once the forwarder's limits are applied, the sentences read so, and the doubts left."""

    lines: list[ExtractedLine]
    read: list[Provenance]
    doubts: list[str]


def limit_forwarded(
    lines: list[ExtractedLine], own: str, forward_at: int, *, part: str, rule: str, book: WordBook | None
) -> Limited:
    """The forwarded lines (those read at or after `forward_at`) less those the forwarders' words `own`
    take out by a figure ('not the 48') or leave out of what they keep ('only the 70 L bags')."""
    patterns = correction_patterns()
    read: list[Provenance] = []
    doubts: list[str] = []
    for sentence, at in sentences(own):
        found = [
            *((m, False) for m in patterns["forwarder_drop_number"].finditer(sentence)),
            *((m, True) for m in patterns["forwarder_only"].finditer(sentence)),
        ]
        # a limit with no figure ('pas le 12/01', 'only the attached order') is the check's to weigh
        found = [(m, keeps) for m, keeps in found if figures(m["what"]) and not _replaces(m, keeps, found)]
        if not found:
            continue
        applied, taken_out = True, []
        for match, keeps in sorted(found, key=lambda item: item[1]):  # the lines taken out first
            below = [ln for ln in lines if ln.provenance and not before(ln, forward_at, part)]
            gone = _left_by_only(below, match["what"], book) if keeps else _carrying_one(below, match["what"])
            if gone is None:
                applied = False
                continue
            lines = [ln for ln in lines if not any(ln is g for g in gone)]
            taken_out += [g.provenance for g in gone if g.provenance is not None]
        if applied:
            # the lines taken out were read too: as the forwarder's to leave out
            read += [Provenance(part=part, span=(at, at + len(sentence)), rule=rule), *taken_out]
        else:
            doubts.append(LIMIT_UNREAD)
    return Limited(lines, read, sorted(set(doubts)))


def _replaces(match: re.Match[str], keeps: bool, found: list[tuple[re.Match[str], bool]]) -> bool:
    """'le rinçage c'est le bidon de 20 L, pas le 5 L': a figure said before the 'not' outside an 'only'
    clause is what stands instead, a change of article the corrections read, not a line left out."""
    if keeps:
        return False
    before = match.string[: match.start()]
    for only, kept in found:
        if kept and only.end() <= match.start():
            before = before[: only.start()] + " " * (only.end() - only.start()) + before[only.end() :]
    return bool(figures(before))


def figures(text: str) -> list[str]:
    """The figures a text writes that may be part of an article's code or name, leading zeros off."""
    return [m[1] for m in _FIGURE.finditer(text)]


def code_figures(text: str) -> set[str]:
    """Every run of figures a code or a name writes, leading zeros off."""
    return {m[1] for m in _RUN.finditer(text)}


def _figures_of(line: ExtractedLine) -> set[str]:
    return code_figures(" ".join(v.value for v in (line.code, line.description) if v is not None))


def _counted(line: ExtractedLine, figure: str) -> bool:
    return line.quantity is not None and str(line.quantity.value.normalize()) == figure


def _carrying_one(below: list[ExtractedLine], what: str) -> list[ExtractedLine] | None:
    """The one line a figure names ('the 48' over 'AB1000-48P-4G'), None when none, several, or a count
    of the list is that figure too ('pas les 2' over a line counted 2)."""
    said = figures(what)
    if len(said) != 1 or any(_counted(ln, said[0]) for ln in below):
        return None
    carrying = [ln for ln in below if said[0] in _figures_of(ln)]
    return carrying if len(carrying) == 1 else None


def _left_by_only(below: list[ExtractedLine], what: str, book: WordBook | None) -> list[ExtractedLine] | None:
    """The lines 'only the 70 L bags' leaves out: those its words name that lack its figure.
    None when it writes no single figure, or its words name no line carrying it."""
    said = figures(what)
    words = re.sub(r"\d+", " ", what)
    if len(said) != 1 or not significant(words):
        return None
    kind = [ln for ln in below if _names(words, ln, book)]
    carrying = [ln for ln in kind if said[0] in _figures_of(ln)]
    if not carrying or any(_counted(ln, said[0]) for ln in below):
        return None
    return [ln for ln in kind if not any(ln is c for c in carrying)]


def _names(words: str, line: ExtractedLine, book: WordBook | None) -> bool:
    """The words are some of the line's, or, in the `book`'s words, of its article's name."""
    if significant(words) & line_words(line):
        return True
    return book is not None and bool(book.said_words(words) & catalogue_words(line, book))
