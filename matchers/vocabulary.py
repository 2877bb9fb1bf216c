"""The matching vocabulary (abbreviations, stop words), read from a data file; units from the readers' table."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from models.datafiles import load_toml

VOCABULARY_FILE = Path(__file__).with_name("data") / "vocabulary.toml"


class WordList(BaseModel):
    words: list[str] = Field(default_factory=list)


class Multiples(BaseModel):
    counts: dict[str, str] = Field(default_factory=dict)
    places: list[str] = Field(default_factory=list)


class Vocabulary(BaseModel):
    """Abbreviations, stop words and company words (units: parsers/data/units.toml)."""

    abbreviations: dict[str, str]
    stopwords: WordList
    company_words: WordList
    negations: WordList = Field(default_factory=WordList)
    # Words after which one letter is a class, never a stop word ('type A', 'courbe D', 'classe B').
    classes: WordList = Field(default_factory=WordList)
    # English words of the trade -> the word a French catalogue uses, read on both sides.
    translations: dict[str, str] = Field(default_factory=dict)
    # The trade's own names for an article ('chatterton', a maker's name said of the thing, 'a la
    # coupe' for 'au metre'), read on both sides like the abbreviations; phrases before words.
    trade_words: dict[str, str] = Field(default_factory=dict)
    # Inflected forms written alike on both sides ("grise" -> "gris"), looked up after the plural.
    forms: dict[str, str] = Field(default_factory=dict)
    # English words that are French words of another meaning ('plate', 'mat', 'pin'): read in the words of
    # their English meaning only against a catalogue that does not print them, '|' between the meanings.
    if_not_printed: dict[str, str] = Field(default_factory=dict)
    # The word for a count of an article's places ('double' for '2 postes') and the places so counted.
    multiples: Multiples = Field(default_factory=lambda: Multiples())

    @cached_property
    def phrase_meanings(self) -> dict[str, str]:
        """The entries of several words ("lever arch file", "a la coupe", "v/j"): the trade's, then translations."""
        return {
            k: v
            for table in (self.translations, self.trade_words)
            for k, v in table.items()
            if " " in k or "/" in k
        }

    @cached_property
    def phrases(self) -> re.Pattern[str] | None:
        """The phrases of the trade and its translations, longest first, plurals included."""
        keys = sorted(self.phrase_meanings, key=len, reverse=True)
        if not keys:
            return None
        # 'powder free' is also written 'powder-free', 'lever arch' 'lever-arch'.
        spelt = "|".join(re.escape(k).replace(r"\ ", r"[\s\-]+") for k in keys)
        return re.compile(rf"\b({spelt})(?:e?s)?\b")

    def translate_phrases(self, folded: str) -> str:
        """Folded text with each phrase of the trade in its catalogue words, read before word by word."""
        pattern = self.phrases
        if pattern is None:
            return folded
        return pattern.sub(lambda m: f" {self.phrase_meanings[_one_spacing(m.group(1))]} ", folded)

    def expand(self, word: str) -> str:
        """The word as compared: an abbreviation spelt out, a trade's word or an English word in the
        catalogue's."""
        found = self.abbreviations.get(word) or self.trade_words.get(word) or self.translations.get(word)
        singular = _singular(word)
        found = (
            found or self.trade_words.get(singular) or self.translations.get(singular) or self.forms.get(word)
        )
        if not found and len(word) > 5 and word.endswith("oes"):
            found = self.translations.get(word[:-2])  # 'tomatoes', 'potatoes': not 'tomatoe'
        if not found and len(word) > 6 and word.endswith("ing"):
            # 'crimping pliers' as 'pince à sertir': the '-ing' of a verb the vocabulary gives a French
            # verb for ('sanding' is no 'sable', 'sealing' no 'joint').
            verb = self.translations.get(_without_ing(word), "")
            found = verb if verb.endswith(("er", "ir", "re")) and "|" not in verb else None
        return found or self.forms.get(word[:-1] if word.endswith("s") else word, word)

    def translation(self, word: str) -> str | None:
        """The catalogue's words for an English word of the trade, None for any other word."""
        if word in self.abbreviations or word in self.trade_words:
            return None
        return self.translations.get(word) or self.translations.get(_singular(word))


def _one_spacing(phrase: str) -> str:
    return " ".join(_PHRASE_GAP.split(phrase))


_PHRASE_GAP = re.compile(r"[\s\-]+")


def _without_ing(word: str) -> str:
    """The verb an English '-ing' word is made of: 'crimping' of 'crimp', 'soldering' of 'solder'."""
    root = word[:-3]
    return root[:-1] if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "lsw" else root


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
