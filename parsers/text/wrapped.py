"""A sentence the mail program wrapped over several lines, read whole.

"il me faudrait : 6 casques blancs, 6 gilets orange XL,\\n12 paires de gants et 2 cônes":
each line alone names too little to show a list, the sentence does. The lines are
joined (the line break becomes a space, so offsets stay the body's) only when the
line runs on into the next (a lower-case word, or a list left open by ',', 'et',
'and'), and the whole sentence reads more items than its lines one by one, every one
of theirs among them, all as prose. List lines, numbered lines and space-aligned
rows are each an item of their own and never joined.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from models import ExtractedLine
from parsers.vocabulary.sieve import starting

Reader = Callable[[str, int], list[ExtractedLine]]

# A line cut by the mail program runs close to its width and stops mid-sentence.
_MIN_WRAPPED = 50
_MAX_JOINED = 4
_ENDS_SENTENCE = re.compile(r"[.!?:;]\s*$")
_OPENS_ITEM = re.compile(r"^\s*(?:[-*•>|]|\d+[.)]\s|p\.\s?s\b)", re.I)
_COUNT_FIRST = re.compile(r"^\s*\d")
_ALIGNED = re.compile(r"\S {2,}\S|[\t|]")
_PROSE_RULES = frozenset({"text-prose", "text-variant", "text-added"})
# What closes an item of a list: the next item's comma or join, the sentence's end.
_ITEM_ENDS = re.compile(r"\s*(?:[,;.!?]|(?:et|and|plus)\b|$)", re.I)
_LEFT_OPEN = starting(re.compile(r"(?:,|\bet|\band|\bpuis|\bplus|\balso|\baussi)\s*$", re.I))


def read_wrapped(
    line: str, rows: list[str], index: int, start: int, read: Reader
) -> tuple[list[ExtractedLine], int]:
    """The lines read from `line` (rows[index] as the caller sees it) on, and the index of the last row they use."""
    best, through = read(line, start), index
    # A line opening on a count is a list's item, unless it lists more items itself ('6 pots noirs, 4 ...').
    if _OPENS_ITEM.match(line) or (_COUNT_FIRST.match(line) and "," not in line):
        return best, through
    joined, separate, offset = line, list(best), start + len(rows[index])
    for at in range(index + 1, min(len(rows), index + _MAX_JOINED)):
        following = rows[at].rstrip("\r\n")
        if not runs_on(line if at == index + 1 else rows[at - 1].rstrip("\r\n"), following):
            break
        joined += " " * (len(rows[at - 1]) - len(rows[at - 1].rstrip("\r\n"))) + following
        added = read(following, offset)
        separate += added
        whole = read(joined, start)
        if all(ln.provenance is not None and ln.provenance.rule in _PROSE_RULES for ln in whole) and (
            (
                (
                    len(whole) > len(separate)
                    or (not added and _name_goes_on(whole, separate, offset, following))
                )
                and _counts(separate) <= _counts(whole)
            )
            or _name_runs_on(whole, separate, offset, joined[offset - start :])
        ):
            best, through = whole, at
        offset += len(rows[at])
    return best, through


def _name_goes_on(whole: list[ExtractedLine], separate: list[ExtractedLine], at: int, following: str) -> bool:
    """'... et 1 boîte de gants\nnitrile taille 9. Si ...': the last item's name goes on in the next line,
    which counts nothing itself, up to the end of its sentence there."""
    if len(whole) != len(separate) or not whole or whole[-1].provenance is None:
        return False
    span = whole[-1].provenance.span
    if span is None or span[1] <= at:
        return False
    return bool(re.match(r"\s*[.!?](?:\s|$)", following[span[1] - at :]))


def _name_runs_on(whole: list[ExtractedLine], separate: list[ExtractedLine], at: int, following: str) -> bool:
    """'... 5 vernis marin\nbrillant 1 L, 2 bidons ...', '... et 3 bidons\nd'anti mousse 20 L, ...': a name
    read whole runs over the line break up to the next item or the sentence's end, and every count the
    lines read alone is read whole too, but for a figure the name so read holds (its size, taken alone
    for a count)."""
    crossing = [ln for ln in whole if _span(ln)[0] < at < _span(ln)[1]]
    if not crossing or any(not _ITEM_ENDS.match(following, _span(ln)[1] - at) for ln in crossing):
        return False
    held = [_span(ln.description) for ln in whole if ln.description]
    lost = {
        c for c in _counts(separate) - _counts(whole) if c is None or not any(a <= c[0] < b for a, b in held)
    }
    return not lost and len(whole) >= len(separate) - len(_counts(separate) - _counts(whole))


def _span(value: object) -> tuple[int, int]:
    provenance = getattr(value, "provenance", None)
    return provenance.span if provenance is not None and provenance.span else (0, 0)


def runs_on(line: str, following: str) -> bool:
    """The mail program cut the sentence of `line` short: it goes on in `following`."""
    return (
        len(line.strip()) >= _MIN_WRAPPED
        and not _ENDS_SENTENCE.search(line)
        and not _ALIGNED.search(line.strip())
        and bool(following.strip())
        and not _OPENS_ITEM.match(following)
        and (following.lstrip()[:1].islower() or bool(_LEFT_OPEN.search(line)))
    )


def _counts(lines: list[ExtractedLine]) -> set[tuple[int, int] | None]:
    return {ln.quantity.provenance.span if ln.quantity and ln.quantity.provenance else None for ln in lines}
