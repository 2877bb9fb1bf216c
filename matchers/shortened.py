"""A word the customer shortened from words a designation prints one after the other: their initials
('DC' for 'double cannelure', 'PL' for 'poids lourd') or their beginnings run together ('interdiff')."""

from __future__ import annotations

from itertools import pairwise

from matchers.normalize import Wording, is_multiple


def shortened_from(word: str, wording: Wording) -> bool:
    """A word shortened from the designation's words as compared, or as printed: 'CL' stands for the
    'Center Lock' a French catalogue prints, whatever the vocabulary reads those words as."""
    return shortened_in(word, wording.words) or shortened_in(word, wording.printed)


def shortened_in(word: str, words: tuple[str, ...]) -> bool:
    """A word the customer shortened from words the designation prints one after the other: their
    initials, or their beginnings run together."""
    # A count's own token ('double' read with 'multiple2') is no word the designation prints.
    printed = tuple(w for w in words if not is_multiple(w))
    return _initials_of(word, printed) or _beginnings_of(word, printed)


# Each beginning of a word run together with the next ('interdiff', 'porteman') keeps this many letters.
_SHORTEST_BEGINNING = 3


def _beginnings_of(word: str, words: tuple[str, ...]) -> bool:
    """'interdiff' for 'interrupteur différentiel', 'sacpoub' for 'sac poubelle': the beginnings of two
    words that follow each other in the designation, run together."""
    if len(word) < 2 * _SHORTEST_BEGINNING or not word.isalpha():
        return False
    for cut in range(_SHORTEST_BEGINNING, len(word) - _SHORTEST_BEGINNING + 1):
        left, right = word[:cut], word[cut:]
        if any(
            first.startswith(left) and second.startswith(right) and (first, second) != (left, right)
            for first, second in pairwise(words)
        ):
            return True
    return False


def _initials_of(word: str, words: tuple[str, ...]) -> bool:
    """'PL' for 'poids lourd', 'VL' for 'véhicule léger', 'PC' for 'petits carreaux': two or three
    letters the customer writes for as many words that follow each other in the designation."""
    size = len(word)
    if not 2 <= size <= 3 or not word.isalpha():
        return False
    return any(
        all(w[:1] == letter for w, letter in zip(words[i : i + size], word, strict=True))
        for i in range(len(words) - size + 1)
    )
