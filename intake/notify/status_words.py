"""Downstream's name for an order's state -> the word the delivery answers use.

ERPs and warehouses name states their own way ("en cours de préparation", "partially
shipped", "facturée"); the answer templates know a fixed set (status_words.toml). A name
none of them matches is the fallback, never printed to the customer as it came.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models import ConfigError
from models.datafiles import read_toml

WORDS_FILE = Path(__file__).with_name("status_words.toml")


@dataclass(frozen=True)
class StatusWords:
    fallback: str
    phrases: tuple[tuple[str, str], ...]  # (stemmed phrase, answer word), longest first

    @property
    def answers(self) -> frozenset[str]:
        return frozenset({self.fallback, *(word for _, word in self.phrases)})


@lru_cache(maxsize=2)
def load_status_words(path: Path = WORDS_FILE) -> StatusWords:
    data = read_toml(path)
    words, fallback = data.get("words"), data.get("fallback")
    if not isinstance(fallback, str) or not isinstance(words, dict):
        raise ConfigError(str(path), "fallback, words", "expected a fallback word and a [words] table")
    phrases = []
    for answer, names in words.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and stem(n) for n in names):
            raise ConfigError(str(path), f"words.{answer}", "expected a list of non-empty names")
        phrases += [(stem(answer), answer)] + [(stem(name), answer) for name in names]
    ordered = sorted(set(phrases), key=lambda p: (-len(p[0]), p[0]))
    return StatusWords(fallback=fallback, phrases=tuple(ordered))


def stem(text: str) -> str:
    """Lower case, no accents, words of letters and digits, each without a final s then e."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    return " ".join(re.sub(r"e$", "", re.sub(r"s$", "", w)) or w for w in words)


def answer_status(*names: str | None, words: StatusWords | None = None) -> str:
    """The answer word of the first name that says something known (downstream's own name
    before the event's kind), else the fallback."""
    words = words or load_status_words()
    for name in names:
        found = _match(stem(name or ""), words)
        if found is not None:
            return found
    return words.fallback


def _match(stemmed: str, words: StatusWords) -> str | None:
    if not stemmed:
        return None
    padded = f" {stemmed} "
    return next((answer for phrase, answer in words.phrases if f" {phrase} " in padded), None)
