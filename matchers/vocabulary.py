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
    # English words of the trade -> the word a French catalogue uses, read on both sides.
    translations: dict[str, str] = Field(default_factory=dict)
    # An adjective's feminine form -> its masculine one ('noire' -> 'noir'), read on both sides.
    feminines: dict[str, str] = Field(default_factory=dict)

    def expand(self, word: str) -> str:
        """The word as compared: an abbreviation spelt out, an English word in its French form."""
        found = self.abbreviations.get(word) or self.translations.get(word) or self.feminines.get(word)
        return found or self.translations.get(_singular(word), word)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("shes", "ches", "xes", "sses")):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and validate the vocabulary file; raises ConfigError saying what is wrong."""
    return load_toml(path, Vocabulary)
