"""An English word in the words of a French catalogue, through a general English-French dictionary.

English customers name goods in words that look nothing like the catalogue's ('body' / 'corps', 'towel' /
'serviette'); the words that look alike are read as cognates (matchers/cognates.py). Rather than lists of
words we would write for each trade, a kept general dictionary gives every sense of a word, most of them
foreign to any catalogue ('body' is also 'carrosserie' somewhere): a sense counts only when it is a word
the catalogue prints, which keeps the dictionary's noise out.

The dictionary is FreeDict's English-French (the system package dict-freedict-eng-fra, dictd format: an
index of `headword<TAB>offset<TAB>length`, offsets in dictd's base-64, into the gzip-readable entries).
Without it the matcher reads as before, with no translations."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from matchers.normalize import read_wording

DICTIONARY = Path("/usr/share/dictd/freedict-eng-fra")

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_DIGIT = {c: i for i, c in enumerate(_B64)}
# Shorter English words are mostly function words or other words once a plural is taken off.
_SHORTEST = 3


def _number(text: str) -> int:
    """A dictd offset or length: base 64, most significant digit first."""
    value = 0
    for char in text:
        value = value * 64 + _DIGIT[char]
    return value


def read_dictionary(index: str, entries: bytes) -> dict[str, tuple[str, ...]]:
    """English headword (lower-case) -> its French senses of one word, accents kept, in the order given.
    A headword of several words ('wear down') or a sense of several ('chambre à coucher') is left out: the
    matcher translates word by word."""
    table: dict[str, tuple[str, ...]] = {}
    for row in index.splitlines():
        headword, _, place = row.partition("\t")
        offset, _, length = place.partition("\t")
        word = headword.strip().lower()
        if not (offset and length and word.isalpha() and word.isascii() and len(word) >= _SHORTEST):
            continue
        start = _number(offset)
        entry = entries[start : start + _number(length)].decode("utf-8", "replace")
        senses = _senses(entry)
        if senses:
            table[word] = tuple(dict.fromkeys((*table.get(word, ()), *senses)))
    return table


def _senses(entry: str) -> list[str]:
    """The one-word senses of an entry: its lines after the headword's, numbered ('1. abc, alphabet') or not."""
    found: list[str] = []
    for line in entry.splitlines()[1:]:
        number, dot, rest = line.partition(". ")
        text = rest if dot and number.strip().isdigit() else line
        for sense in text.split(","):
            sense = sense.strip().lower()
            if sense.isalpha():
                found.append(sense)
    return found


@lru_cache(maxsize=2)
def load_dictionary(path: Path = DICTIONARY) -> Mapping[str, tuple[str, ...]]:
    """The dictionary at `path` (`.index` and `.dict.dz` beside each other), read once per process; empty
    when it is not installed, so the matcher reads with no translations."""
    try:
        index = path.with_name(path.name + ".index").read_text(encoding="utf-8")
        with gzip.open(path.with_name(path.name + ".dict.dz")) as data:
            entries = data.read()
    except (OSError, EOFError):
        return {}
    return read_dictionary(index, entries)


def headwords(word: str) -> list[str]:
    """The English headwords a word of the line may be, as the matcher folds a plural ('bodie' of
    'bodies', 'boxe' of 'boxes', 'valve' of 'valves')."""
    found = [word]
    if word.endswith("ie") and len(word) > 4:
        found.append(word[:-2] + "y")
    if word.endswith(("xe", "che", "she", "sse", "ze")):
        found.append(word[:-1])
    return found


def translations(
    word: str,
    known: Mapping[str, object],
    read: Callable[[str], tuple[str, ...]],
    dictionary: Mapping[str, tuple[str, ...]],
) -> list[str]:
    """The catalogue words (`known`) a line's English word means by the dictionary: each sense read as the
    catalogue's words are (`read`), kept when it reads as one word the catalogue prints."""
    if len(word) < _SHORTEST or not word.isalpha():
        return []
    found: list[str] = []
    for headword in headwords(word):
        for sense in dictionary.get(headword, ()):
            words = read(sense)
            if len(words) == 1 and words[0] in known and words[0] != word:
                found.append(words[0])
    return list(dict.fromkeys(found))


def catalogue_translations(word: str, known: Mapping[str, object]) -> list[str]:
    """`translations` through the installed dictionary, each sense read as a designation is."""
    return translations(word, known, lambda sense: read_wording(sense).words, load_dictionary())
