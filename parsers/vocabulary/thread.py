"""The vocabulary of parsers/data/thread_vocabulary.toml: the phrases by which a reply points at
the thread (a quote accepted, the earlier order again) and the words that change what it points
at, validated at load. The thread reader, the message classifier and the follow-up reader read
these same phrases."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, field_validator

from models.datafiles import load_toml, valid_patterns
from models.errors import ConfigError
from parsers.vocabulary.sieve import starting
from parsers.vocabulary.words import DATA

THREAD_FILE = DATA / "thread_vocabulary.toml"


class ThreadPoints(BaseModel):
    quote: list[str]
    again: list[str]
    accept: list[str] = []  # said alone, they point at a quote or offer quoted only

    @field_validator("quote", "again", "accept")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return valid_patterns(patterns)


class ThreadChanges(BaseModel):
    words: list[str]

    @field_validator("words")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return valid_patterns(patterns)


class ThreadWords(BaseModel):
    points: ThreadPoints
    changes: ThreadChanges


@lru_cache(maxsize=1)
def thread_words() -> ThreadWords:
    """parsers/data/thread_vocabulary.toml, validated."""
    return load_toml(THREAD_FILE, ThreadWords)


@lru_cache(maxsize=4)
def points_pattern(*groups: str) -> re.Pattern[str]:
    """One pattern for the named groups of [points] ('quote', 'again' when none: the pointers said
    whatever is quoted)."""
    points = thread_words().points
    names = groups or ("quote", "again")
    words = "|".join(p for name in names for p in getattr(points, name)) or "(?!)"
    # Many phrases, looked for in every message: tried only where one of them may start.
    return starting(re.compile(words, re.I | re.M))


@lru_cache(maxsize=1)
def changes_pattern() -> re.Pattern[str]:
    """Words beside a pointer that change the quoted lines."""
    return re.compile("|".join(thread_words().changes.words), re.I)


def weighted_points(path: Path, table: object) -> dict[str, list[tuple[re.Pattern[str], float]]]:
    """A classifier's [thread] table (kind -> {group: weight}) as kind -> [(pattern, weight)];
    ConfigError names the file and the key of a group or weight that is wrong."""
    if not isinstance(table, dict):
        raise ConfigError(str(path), "thread", "must be a table of kind -> {group = weight}")
    rows: dict[str, list[tuple[re.Pattern[str], float]]] = {}
    for kind, weights in table.items():
        if not isinstance(weights, dict):
            raise ConfigError(str(path), f"thread.{kind}", "must be a table of group = weight")
        for group, weight in weights.items():
            if group not in ThreadPoints.model_fields or not isinstance(weight, float | int):
                raise ConfigError(
                    str(path),
                    f"thread.{kind}.{group}",
                    f"expected one of {list(ThreadPoints.model_fields)} = weight",
                )
            rows.setdefault(kind, []).append((points_pattern(group), float(weight)))
    return rows
