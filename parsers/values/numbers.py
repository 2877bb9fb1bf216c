"""Numbers as customers write them: French and English formats, words, units.

`parse_number` reads one written number ("1 200", "1.500", "2,5", "1 500,000",
"1,250.50"); `word_quantity` reads "deux", "une douzaine"; `normalise_unit`
maps "ctn", "bte", "rlx", "pces" to the catalogue vocabulary held in
parsers/data/units.toml.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, field_validator

DATA = Path(__file__).parents[1] / "data"
# Spaces used as thousands separators: space, no-break space, narrow no-break space.
THIN_SPACES = " \u00a0\u202f"
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*"


class UnitSpec(BaseModel):
    """One canonical unit and its written forms."""

    kind: str
    forms: list[str]
    # A unit word that is also an article's name ("sacs poubelle"): a unit only before "de".
    noun: bool = False

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in {"count", "measure"}:
            raise ValueError(f"unit kind must be 'count' or 'measure', not {value!r}")
        return value


class UnitVocabulary(BaseModel):
    """The units data file, validated at load."""

    units: dict[str, UnitSpec]

    def lookup(self) -> dict[str, str]:
        return {form.lower(): name for name, spec in self.units.items() for form in [name, *spec.forms]}


class WordNumbers(BaseModel):
    """Quantities written as words; `approx` ones need a clerk's confirmation."""

    words: dict[str, int]
    approx: dict[str, int]


@lru_cache(maxsize=1)
def unit_vocabulary() -> UnitVocabulary:
    """The unit vocabulary from parsers/data/units.toml (validated)."""
    with open(DATA / "units.toml", "rb") as handle:
        return UnitVocabulary.model_validate(tomllib.load(handle))


@lru_cache(maxsize=1)
def _unit_lookup() -> dict[str, str]:
    return unit_vocabulary().lookup()


@lru_cache(maxsize=1)
def word_numbers() -> WordNumbers:
    """The number words from parsers/data/numbers_words.toml (validated)."""
    with open(DATA / "numbers_words.toml", "rb") as handle:
        return WordNumbers.model_validate(tomllib.load(handle))


@lru_cache(maxsize=1)
def quantity_word_regex() -> re.Pattern[str]:
    """Compiled: does a text contain a quantity word?"""
    return re.compile(rf"\b{quantity_words_pattern()}\b", re.I)


def normalise_unit(token: str) -> str | None:
    """The catalogue unit for a written unit ("ctn" -> "carton"), or None if not a unit."""
    key = token.strip().lower().rstrip(".").strip()
    return _unit_lookup().get(key)


def unit_is_noun(unit: str) -> bool:
    """True for unit words that also name articles ("sac"): read as a unit only before "de"."""
    spec = unit_vocabulary().units.get(unit)
    return bool(spec and spec.noun)


def unit_kind(unit: str) -> str | None:
    """'count' or 'measure' for a canonical unit."""
    spec = unit_vocabulary().units.get(unit)
    return spec.kind if spec else None


def parse_number(text: str) -> Decimal | None:
    """A written number as a Decimal, French or English conventions; None if not a number.

    "1 200" / "1\u202f200" -> 1200; "1.500" -> 1500 (dot + 3 digits = thousands);
    "2,5" -> 2.5; "1 500,000" -> 1500; "1,250.50" -> 1250.50; "1.250,00" -> 1250.
    """
    raw = text.strip()
    for space in THIN_SPACES:
        raw = raw.replace(space, "")
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", raw):
        return None
    if "," in raw and "." in raw:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_mark, ".")
    elif raw.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", raw):
        raw = raw.replace(".", "")
    elif raw.count(",") > 1:
        raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def word_quantity(text: str) -> tuple[Decimal, bool] | None:
    """A quantity written in words and whether it is approximate; None if not a number word."""
    words = word_numbers()
    key = " ".join(text.lower().split())
    approx_key = re.sub(r"^(?:une?|a|an)\s+", "", key)
    if approx_key in words.approx:
        return Decimal(words.approx[approx_key]), True
    for candidate in (key, approx_key):
        if candidate in words.words:
            return Decimal(words.words[candidate]), False
    return None


@lru_cache(maxsize=1)
def quantity_words_pattern() -> str:
    """A regex alternative matching every quantity word (longest first)."""
    words = word_numbers()
    approx = sorted(words.approx, key=len, reverse=True)
    plain = sorted((w for w in words.words if len(w) > 2 or w in {"un"}), key=len, reverse=True)
    approx_alt = "|".join(re.escape(a) for a in approx)
    plain_alt = "|".join(re.escape(p) for p in plain)
    return rf"(?:(?:une?|a|an)\s+(?:{approx_alt})|{plain_alt})"
