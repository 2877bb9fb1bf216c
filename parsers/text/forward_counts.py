"""A forwarder's line over the forwarded list that names one of its lines with a count of its own
('Pour les gants, 24 paires.', 'Les gants : 24', 'For the gloves, 24 pairs'): the forwarder's count
for that line, never one line more; and a forwarder's words that take one of its lines out ('sans les
gants', 'the gloves are cancelled'). parsers/text/reader.py reads both after the forwarder's corrections."""

from __future__ import annotations

import re
from functools import cache

from models import Extracted, ExtractedLine, Provenance
from parsers.text.correction_patterns import correction_patterns, correction_words
from parsers.text.corrections import ADDED_RULE
from parsers.text.forward_limits import Limited, limit_forwarded
from parsers.text.named_lines import (
    WordBook,
    before,
    catalogue_words,
    inside,
    line_words,
    named_once,
    sentences,
    significant,
)

# What opens the forwarder's naming of a line: the end of an earlier sentence, then 'pour les', 'for the'.
_OPENING = re.compile(
    r"^(?:.*[.!?:;]\s+)?(?:(?:pour|for|as\s+for|concernant|quant\s+aux?)\s+)?(?:les|le|la|l['’]|des|the)?\s*",
    re.I,
)


def recount_forwarded(
    lines: list[ExtractedLine],
    above: str,
    forward_at: int,
    *,
    part: str,
    rule: str,
    book: WordBook | None = None,
) -> Limited:
    """The lines with each forwarder's line that names one forwarded line, and only it, taken as that
    line's new count, and those the forwarders' words `above` the original take out (named in the `book`'s
    words when in none of a line's: see `named_once`) or by a figure of theirs (`limit_forwarded`); the places
    read so, and the doubts those limits left. The first forwarder's own words end at `forward_at`."""
    lines = _without_told(lines, above[:forward_at], part=part)
    lines, dropped = _drop_forwarded(lines, above, len(above), part=part, rule=rule, book=book)
    limited = limit_forwarded(lines, above, len(above), part=part, rule=rule, book=book)
    lines, read = _recount(limited.lines, forward_at, part=part, rule=rule)
    return Limited(lines, [*dropped, *limited.read, *read], limited.doubts)


def _without_told(lines: list[ExtractedLine], own: str, *, part: str) -> list[ExtractedLine]:
    """The lines less those a sentence of the forwarder's counts while telling of goods had, not asked ('ils
    avaient déjà pris 8 sacs de paillage lin', 'We have 3 x BRO-100 in stock, so the 2 can leave'); a line the
    sentence adds ('il en a déjà 2, ajoutez 3 seaux') stays."""
    told = correction_patterns()["forwarder_told"]
    for sentence, at in sentences(own):
        if told.search(sentence):
            end = at + len(sentence)
            lines = [ln for ln in lines if not inside(ln, at, end, part) or _added(ln)]
    return lines


def _added(line: ExtractedLine) -> bool:
    return line.provenance is not None and line.provenance.rule == ADDED_RULE


def _drop_forwarded(
    lines: list[ExtractedLine], own: str, forward_at: int, *, part: str, rule: str, book: WordBook | None
) -> tuple[list[ExtractedLine], list[Provenance]]:
    """The forwarded lines less the one each sentence of the forwarder's takes out, named right after
    the words that take it out or right before those that withdraw it."""
    patterns = correction_patterns()
    read: list[Provenance] = []
    for sentence, at in sentences(own):
        for key in ("forwarder_drop", "forwarder_drop_opening", "forwarder_dropped_after"):
            for found in patterns[key].finditer(sentence):
                below = [ln for ln in lines if ln.provenance and not before(ln, forward_at, part)]
                target = named_once(below, found["what"], book=book)
                # The article is named right after the words ('et pas de rush pour les gants' drops none), by
                # a word or a mark of letters and figures ('sans les 26A').
                first = re.search(r"[^\W\d_][\w\-]{2,}|\d+[^\W\d_][\w\-]*", found["what"])
                if target is not None and first and _names(first.group(), target, book):
                    lines = [ln for ln in lines if ln is not target]
                    read.append(Provenance(part=part, span=(at, at + len(sentence)), rule=rule))
    return lines, read


def _names(word: str, line: ExtractedLine, book: WordBook | None) -> bool:
    """The word is one of the line's, or, in the `book`'s words, one of its article's."""
    if significant(word) & line_words(line):
        return True
    return book is not None and bool(book.said_words(word) & catalogue_words(line, book))


def _recount(
    lines: list[ExtractedLine], forward_at: int, *, part: str, rule: str
) -> tuple[list[ExtractedLine], list[Provenance]]:
    below = [ln for ln in lines if ln.provenance and not before(ln, forward_at, part)]
    read: list[Provenance] = []
    for own in [ln for ln in lines if before(ln, forward_at, part)]:
        target = _named(own, below)
        if target is None or own.quantity is None or own.quantity.provenance is None:
            continue
        target.quantity = Extracted(
            value=own.quantity.value, confidence=0.8, provenance=own.quantity.provenance
        )
        target.quantity.provenance = own.quantity.provenance.model_copy(update={"rule": rule})
        target.notes.append(f"quantity changed to {own.quantity.value} by the forwarder")
        lines = [ln for ln in lines if ln is not own]
        read.append(own.provenance)  # type: ignore[arg-type]
    return lines, read


def _named(own: ExtractedLine, below: list[ExtractedLine]) -> ExtractedLine | None:
    """The forwarded line every word of the forwarder's line names, counted otherwise in the same unit."""
    if own.provenance is None or own.provenance.rule == ADDED_RULE or own.description is None or own.code:
        return None
    # 'un seul jeu de disques finalement': the words saying the count is changed name nothing.
    words = significant(_OPENING.sub("", own.description.value)) - _change_words()
    target = named_once(below, " ".join(words)) if words else None
    if target is None or target.quantity is None or own.quantity is None or not words <= line_words(target):
        return None
    if (own.unit.value if own.unit else None) != (target.unit.value if target.unit else None):
        return None
    return target if target.quantity.value != own.quantity.value else None


@cache
def _change_words() -> set[str]:
    """The words telling of a change of mind ('finalement', 'actually', 'en fait'), as `significant` spells them."""
    words = correction_words()
    return {w for phrase in words.apology for w in significant(phrase)}
