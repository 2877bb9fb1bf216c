"""A line that orders the other side of the article above: 'rear same x2' under 'Pads front Golf 7, Bosch, x4'.

'Rear pads, same van, Bosch - 4 sets' under 'Front brake pads Transit Custom, Bosch - 4 sets', 'idem AR x2'
under 'plaquettes AV Clio 4 x2': the line says 'same' and one side; the line read just above names the
other side. Its designation is the line above's with that side swapped, the article it names otherwise
being the same; its count and unit stay its own. A line above naming no side, or both, leaves it as read
(the sides: [variants] of sizes.toml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from models import ExtractedLine
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sizes import variant_words


def with_sides_swapped(found: list[ExtractedLine]) -> list[ExtractedLine]:
    """`found` with each 'same, other side' line named as the line above it on that side."""
    lines = list(found)
    for at in range(1, len(lines)):
        named = _other_side(lines[at], lines[at - 1])
        if named is not None:
            lines[at] = named
    return lines


def _other_side(line: ExtractedLine, above: ExtractedLine) -> ExtractedLine | None:
    desc, base = line.description, above.description
    if desc is None or base is None or not _same().search(desc.value):
        return None
    said = {side for side in _opposites() if _word(side).search(desc.value)}
    named = {side for side in _opposites() if _word(side).search(base.value)}
    if len(said) != 1:
        return None
    side = said.pop()
    others = [w for w in _opposites()[side] if w in named]
    if len(others) != 1 or any(w == side or w in _opposites()[side] for w in named - {others[0]}):
        return None  # the line above names no side, both, or this one: the line stays as read
    swapped = _word(others[0]).sub(lambda m: _cased(side, m.group(0)), base.value, count=1)
    return line.model_copy(update={"description": desc.model_copy(update={"value": swapped})})


def _cased(word: str, like: str) -> str:
    """'rear' written as 'Front' was ('Rear'), or 'AR' as 'AV'."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _word(word: str) -> re.Pattern[str]:
    return _patterns()[word]


@lru_cache(maxsize=1)
def _opposites() -> dict[str, tuple[str, ...]]:
    """Each side word and the words of its other side ('avant': 'arrière', 'arriere')."""
    found: dict[str, tuple[str, ...]] = {}
    for one, other in variant_words().sides:
        found[one] = (*found.get(one, ()), other)
        found[other] = (*found.get(other, ()), one)
    return found


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {w: re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])", re.I) for w in _opposites()}


@lru_cache(maxsize=1)
def _same() -> re.Pattern[str]:
    words = any_of(variant_words().same)
    return re.compile(rf"(?<!\w)(?:{words}|ditto)(?!\w)", re.I)
