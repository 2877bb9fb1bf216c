"""Vocabulary data files for the text readers, validated at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from models.datafiles import load_toml

DATA = Path(__file__).parents[1] / "data"


class LineWords(BaseModel):
    """Words that rule a number or a line out of being an order line."""

    not_a_line_after_number: list[str]
    street_words: list[str]
    line_openers_not_items: list[str]
    openers_before_a_value: list[str]
    prose_stops: list[str]
    field_labels: list[str]
    sentence_subjects: list[str]
    spec_nouns: list[str]


class _LayoutLines(BaseModel):
    lines: LineWords


@lru_cache(maxsize=1)
def line_words() -> LineWords:
    """The [lines] section of parsers/data/layout.toml."""
    return load_toml(DATA / "layout.toml", _LayoutLines).lines
