"""The matching vocabulary (units, abbreviations, stop words), read from a data file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from models.datafiles import load_toml

VOCABULARY_FILE = Path(__file__).with_name("data") / "vocabulary.toml"


class WordList(BaseModel):
    words: list[str] = Field(default_factory=list)


class Vocabulary(BaseModel):
    """Units (customer spelling -> catalogue unit), abbreviations and stop words."""

    units: dict[str, list[str]]
    abbreviations: dict[str, str]
    stopwords: WordList
    company_words: WordList
    negations: WordList = Field(default_factory=WordList)

    @field_validator("units")
    @classmethod
    def _units_lower(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for unit, spellings in value.items():
            if any(s != s.lower() for s in [unit, *spellings]):
                raise ValueError(f"unit spellings must be lower-case (unit {unit!r})")
        return value

    def unit_of(self) -> dict[str, str]:
        """Every spelling -> its catalogue unit."""
        table: dict[str, str] = {}
        for unit, spellings in self.units.items():
            table[unit] = unit
            for spelling in spellings:
                table.setdefault(spelling, unit)
        return table


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and validate the vocabulary file; raises ConfigError saying what is wrong."""
    return load_toml(path, Vocabulary)
