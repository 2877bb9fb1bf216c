"""Patterns looked for in one text, each skipped when a literal that every match of it holds is absent.

A vocabulary's patterns are mostly words and phrases: '\\bcommandes?\\b' cannot match a text
without 'commande'. Looking for a few plain strings in the folded text costs far less than
running each pattern, and most patterns of a vocabulary find nothing in a given message.
The strings kept hold no white space, so a text whose matches were blanked out (masking
writes spaces) holds none that the text itself did not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# The standard library's own parser of patterns: the only reader of every syntax `re` accepts.
from re import _constants as sre
from re import _parser as sre_parser

from models.pattern_cache import kept

# Letters outside ASCII that a case-insensitive ASCII letter matches and lower() does not fold to it.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}

Needles = tuple[str, ...]
# Texts whose answer a sieve keeps: a line is sieved again by each check and reader that looks
# at it (~6 times on average), and a message has a few hundred of them.
_SEEN = 4096


def fold(text: str) -> str:
    """`text` lower-cased so that a letter matching an ASCII letter case-insensitively becomes it."""
    # Translating through a table looks every character up: only worth it when one of them is there.
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_FOLD)
    return text.lower()


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """Lower-case strings without white space, of which every match of `pattern` holds one; None
    when no such set is known."""
    try:
        return _needles(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError, AttributeError):
        return None


@kept
def _needles(pattern: str, flags: int) -> Needles | None:
    parsed = sre_parser.parse(pattern, flags)
    found = _required(list(parsed))
    if not found:
        return None
    # A string holding another of the set is found only where that one is.
    return tuple(sorted(n for n in found if not any(o != n and o in n for o in found)))


def _required(items: Sequence[tuple[object, object]]) -> frozenset[str] | None:
    """The most telling set of strings of which any match of the sequence holds one."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is sre.LITERAL and isinstance(value, int) and _plain(chr(value)):
            run.append(chr(value).lower())
            continue
        if op in _ZERO_WIDTH:  # consumes nothing: the letters on each side stay neighbours
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        if (inner := _inner(op, value)) is not None:
            candidates.append(inner)
    if run:
        candidates.append(frozenset({"".join(run)}))
    return max(candidates, key=_telling, default=None)


def _inner(op: object, value: object) -> frozenset[str] | None:
    """What a group, a choice or a repeat that must match at least once requires."""
    if op is sre.SUBPATTERN and isinstance(value, tuple):
        return _required(list(value[-1]))
    if op is sre.ATOMIC_GROUP:
        return _required(list(value))  # type: ignore[call-overload]
    if op is sre.BRANCH and isinstance(value, tuple):
        options = [_required(list(branch)) for branch in value[1]]
        if any(option is None for option in options):
            return None
        return frozenset().union(*options)  # type: ignore[arg-type]
    if op in _REPEATS and isinstance(value, tuple) and value[0] >= 1:
        return _required(list(value[2]))
    return None


def _plain(char: str) -> bool:
    return char.isascii() and not char.isspace()


def _telling(options: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer; fewer of them are quicker to look for."""
    return min(map(len, options)), -len(options)


@dataclass(frozen=True)
class Sieve:
    """Patterns with the strings that tell, in one look at a text, which of them may match it."""

    patterns: tuple[re.Pattern[str], ...]
    needles: tuple[Needles | None, ...]
    # Every string of `needles` once: patterns of a vocabulary share many ('commande').
    strings: tuple[str, ...] = ()
    seen: dict[str, tuple[bool, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]]) -> Sieve:
        kept = tuple(patterns)
        found = tuple(needles(p) for p in kept)
        return cls(kept, found, tuple(dict.fromkeys(n for wanted in found if wanted for n in wanted)))

    def possible(self, text: str) -> list[bool]:
        """For each pattern, whether it may match `text` (False: it cannot)."""
        answer = self.seen.get(text)
        if answer is None:
            folded = fold(text)
            held = {string for string in self.strings if string in folded}
            answer = tuple(wanted is None or not held.isdisjoint(wanted) for wanted in self.needles)
            if len(self.seen) >= _SEEN:
                self.seen.clear()
            self.seen[text] = answer
        return list(answer)

    def present(self, text: str) -> list[re.Pattern[str]]:
        """The patterns that may match `text`, in their order."""
        return [p for p, maybe in zip(self.patterns, self.possible(text), strict=True) if maybe]


# What a character class may hold, by the parser's name of it.
_CLASS_ESCAPES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
}


class _Unknown(Exception):
    """A construct whose first character is not worked out here."""


def starting(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern`, tried only where a character that can open one of its matches stands: the same
    matches. A pattern that opens with a choice of long phrases ('numéro de commande|bon de
    commande|...') is otherwise entered at each place of a text, and each phrase tried there;
    one look at a character rules most places out. `pattern` itself when what opens it is unknown."""
    if pattern.flags & re.VERBOSE or (opening := _opening_class(pattern.pattern, pattern.flags)) is None:
        return pattern
    try:
        return re.compile(f"(?=[{opening}])(?:{pattern.pattern})", pattern.flags)
    except re.error:
        return pattern


@kept
def _opening_class(pattern: str, flags: int) -> str | None:
    """The class items of the characters a match of `pattern` opens with; None when it may match
    the empty string or what opens it is unknown."""
    try:
        opening, empty = _opening(list(sre_parser.parse(pattern, flags)))
    except (_Unknown, re.error):
        return None
    return None if empty else "".join(dict.fromkeys(opening))


def _opening(items: Sequence[tuple[object, object]]) -> tuple[list[str], bool]:
    """The class items of the characters a match of the sequence may open with, and whether it may
    match the empty string (then what follows it opens too)."""
    found: list[str] = []
    for op, value in items:
        if op in _ZERO_WIDTH:
            continue
        first, empty = _opening_of(op, value)
        found += first
        if not empty:
            return found, False
    return found, True


def _opening_of(op: object, value: object) -> tuple[list[str], bool]:
    if op is sre.LITERAL and isinstance(value, int):
        return [re.escape(chr(value))], False
    if op is sre.IN and isinstance(value, list):
        return [_class_item(o, v) for o, v in value], False
    # A group that sets its own flags ('(?i:...)') would read its letters otherwise than the look ahead.
    if op is sre.SUBPATTERN and isinstance(value, tuple) and not value[1] and not value[2]:
        return _opening(list(value[-1]))
    if op is sre.ATOMIC_GROUP:
        return _opening(list(value))  # type: ignore[call-overload]
    if op is sre.BRANCH and isinstance(value, tuple):
        found: list[str] = []
        empty = False
        for branch in value[1]:
            first, may_be_empty = _opening(list(branch))
            found += first
            empty = empty or may_be_empty
        return found, empty
    if op in _REPEATS and isinstance(value, tuple):
        first, empty = _opening(list(value[2]))
        return first, empty or value[0] == 0
    raise _Unknown


def _class_item(op: object, value: object) -> str:
    if op is sre.LITERAL and isinstance(value, int):
        return re.escape(chr(value))
    if op is sre.RANGE and isinstance(value, tuple):
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    if op is sre.CATEGORY and value in _CLASS_ESCAPES:
        return _CLASS_ESCAPES[value]
    raise _Unknown  # a negated class ('[^\W\d]'): left as it is
