"""A line that names a colour alone after the article it is a colour of: '5 couronnes de fil 2,5 bleu, 5 de
rouge, 3 de vert/jaune', '10 black folders, 4 of the red': the article is the one named before, in that colour.
A line that asks for the colour said before ('4 doubles va-et-vient même finition', '2 desk lamps, same
colour'): its article in the colour of the last line that named one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from matchers.normalize import read_wording
from models import Extracted, ExtractedLine
from parsers.vocabulary.sizes import variant_words


def in_the_colour_said(line: ExtractedLine, before: str) -> ExtractedLine:
    """`line`, or a copy whose words are the article of the line `before` in the colour `line` names, when
    `line` names a colour and nothing else (no code, no size, no other word)."""
    wording = line.description.value if line.description else ""
    if not before or not wording or (line.code and line.code.value) or not names_a_colour_alone(wording):
        return line
    colours = _colour_words()
    kept = [word for word in before.split() if not set(read_wording(word).words) & colours]
    if len(kept) == len(before.split()):
        return line  # the article before names no colour: the one said is no twin of it
    said = Extracted(value=" ".join([*kept, wording]), confidence=line.description.confidence)
    return line.model_copy(update={"description": said})


def in_the_colour_of_the_lead(line: ExtractedLine, lead: str) -> ExtractedLine:
    """`line`, or a copy whose words are the article the clause before its list names (`lead`, 'des
    marqueurs Edding 360 pour tableau blanc :') in the colour `line` names, when `line` names a colour and
    nothing else: '6 boîtes de noirs, 4 de bleus' under it are those markers in black and in blue."""
    wording = line.description.value if line.description else ""
    if not lead or not wording or (line.code and line.code.value) or not names_a_colour_alone(wording):
        return line
    said = Extracted(value=f"{lead} {wording}", confidence=line.description.confidence)
    return line.model_copy(update={"description": said})


# 'même finition', 'de la même couleur', 'même coloris', 'same finish', 'in the same colour'; a second article
# said to go with the one before ('12 double plates to match'). Never 'assorti(e)s': 'sous-chemises couleurs
# assorties' are the assorted ones, an article of their own.
_SAME_COLOUR = re.compile(
    r"\b(?:(?:de|dans)\s+(?:la\s+)?)?m[eê]mes?\s+(?:finition|couleur|coloris|teinte)s?\b"
    r"|\b(?:in\s+)?(?:the\s+)?same\s+(?:finish|colou?r|shade)s?\b"
    r"|\bto\s+match\b|\bmatching\b",
    re.I,
)


def in_the_colour_before(line: ExtractedLine, said_before: Sequence[str]) -> ExtractedLine:
    """`line`, or a copy whose words say the colour of the last line that named one (`said_before`: the
    words of the lines before it) where they ask for the same colour or finish ('doubles va-et-vient même
    finition' after 'va-et-vient anthracite')."""
    wording = line.description.value if line.description else ""
    if not wording or not _SAME_COLOUR.search(wording):
        return line
    colour = last_colour(said_before)
    if not colour:
        return line
    said = Extracted(
        value=" ".join(_SAME_COLOUR.sub(f" {colour} ", wording).split()),
        confidence=line.description.confidence,
    )
    return line.model_copy(update={"description": said})


def last_colour(wordings: Sequence[str]) -> str:
    """The colour the last of `wordings` that names one names, '' when none does: read back only for a
    line that asks for it (each word of a line is read as a designation: most lines never need it)."""
    return next((colour for wording in reversed(wordings) if (colour := colour_named(wording))), "")


def colour_named(wording: str) -> str:
    """The words of `wording` that name a colour or a finish ('anthracite', 'vert/jaune'), '' when none does."""
    shades = _colour_words() | _finish_words()
    return " ".join(word for word in wording.split() if set(read_wording(word).words) & shades)


def names_a_colour_alone(wording: str) -> bool:
    """'rouge', 'vert/jaune', 'of the red', 'noirs': a colour and no other word nor size."""
    read = read_wording(wording)
    return bool(read.words) and not read.features and set(read.words) <= _colour_words()


@lru_cache(maxsize=1)
def _colour_words() -> frozenset[str]:
    """The colours as designations are compared ('noirs' read as 'noir', 'grey' as 'gris')."""
    return frozenset(word for colour in variant_words().colours for word in read_wording(colour).words)


@lru_cache(maxsize=1)
def _finish_words() -> frozenset[str]:
    return frozenset(word for finish in variant_words().finishes for word in read_wording(finish).words)


@lru_cache(maxsize=1)
def shade_words() -> frozenset[str]:
    """The colours, finishes and scents as designations are compared: the values a range comes in."""
    scents = frozenset(word for scent in variant_words().scents for word in read_wording(scent).words)
    return _colour_words() | _finish_words() | scents


def in_the_kind_before(line: ExtractedLine, before: str, heads: frozenset[str]) -> ExtractedLine | None:
    """'3 cartouches noires 937XL et 2 cyan 937 normales': a line naming no kind of article (none of its words
    opens a designation, `heads`) after one that does is that kind too; a copy of `line` with the kind's
    word of the line `before` put first, None when there is none to put."""
    wording = line.description.value if line.description else ""
    if not wording or not before or set(read_wording(wording).words) & heads:
        return None
    kind = next((word for word in before.split() if set(read_wording(word).words) & heads), None)
    if kind is None:
        return None
    said = Extracted(value=f"{kind} {wording}", confidence=line.description.confidence)
    return line.model_copy(update={"description": said})
