"""The matching vocabulary (abbreviations, stop words), read from a data file; units from the readers' table."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from models.datafiles import load_toml

VOCABULARY_FILE = Path(__file__).with_name("data") / "vocabulary.toml"


class WordList(BaseModel):
    words: list[str] = Field(default_factory=list)


class Vocabulary(BaseModel):
    """Abbreviations, stop words and company words (units: parsers/data/units.toml)."""

    abbreviations: dict[str, str]
    stopwords: WordList
    company_words: WordList
    negations: WordList = Field(default_factory=WordList)


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and validate the vocabulary file; raises ConfigError saying what is wrong."""
    return load_toml(path, Vocabulary)
