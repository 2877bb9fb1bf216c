"""The vocabulary of parsers/data/sizes.toml (sizes, and a count said for each of several
articles), validated at load, and the size pattern."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, Field

from models.datafiles import load_toml
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.words import DATA


class SizeWords(BaseModel):
    letters: list[str]
    prefixes: list[str]
    labels: list[str]
    links: list[str]
    rising: list[str]
    range_from: list[str]
    range_to: list[str]
    smallest: int
    largest: int
    # Letter sizes said in words: "the large" is L.
    spelled: dict[str, str] = {}


class EachWords(BaseModel):
    words: list[str]
    nouns: list[str]
    asking: list[str]
    determiners: list[str]
    courtesy: list[str]


class VariantWords(BaseModel):
    colours: list[str]
    same: list[str]
    links: list[str]
    kinds: list[str]
    ones: list[str]
    sides: list[tuple[str, str]]
    # Finishes no colour list holds ('anthracite', 'alu', 'chromé'): what 'même finition' carries over.
    finishes: list[str] = Field(default_factory=list)
    # Scents ('citron', 'neutre', 'parfumé'): values a cleaning range comes in, as a colour is.
    scents: list[str] = Field(default_factory=list)
    # Words asking for the plain model beside its variants ('simple', 'standard', 'regular').
    plain: list[str] = Field(default_factory=list)


class _SizesFile(BaseModel):
    sizes: SizeWords
    each: EachWords
    variants: VariantWords


@lru_cache(maxsize=1)
def _sizes_file() -> _SizesFile:
    return load_toml(DATA / "sizes.toml", _SizesFile)


def size_words() -> SizeWords:
    """The [sizes] section of parsers/data/sizes.toml."""
    return _sizes_file().sizes


def each_words() -> EachWords:
    """The [each] section of parsers/data/sizes.toml: '6 de chaque modèle', '2 of each, please'."""
    return _sizes_file().each


def variant_words() -> VariantWords:
    """The [variants] section of parsers/data/sizes.toml: '2 en rouge', 'the same in blue'."""
    return _sizes_file().variants


@lru_cache(maxsize=1)
def size_pattern() -> str:
    """A size as written: a letter size ('XL', '2XL'), a prefixed number ('T9', 'P43') or a
    labelled one ('taille 42'); a bare number is left to the caller, whose shape says it is one."""
    words = size_words()
    letters = any_of(words.letters)
    prefixes = any_of(words.prefixes)
    labels = any_of(words.labels)
    return (
        rf"(?:(?:{labels})\s*)?(?:(?<![\w/])(?:{letters})(?![\w/])|(?<![\w.])(?:{prefixes})\s?\d{{1,2}}(?![\w,.]\d))"
        rf"|(?:{labels})\s*\d{{1,2}}(?![\d])"
    )


def is_bare_size(text: str) -> bool:
    """A number within the sizes' range ('42', '9'), or a double size ('43/46')."""
    words = size_words()
    parts = text.split("/")
    return len(parts) <= 2 and all(p.isdigit() and words.smallest <= int(p) <= words.largest for p in parts)


@lru_cache(maxsize=1)
def _whole_size() -> re.Pattern[str]:
    return re.compile(rf"^(?:{size_pattern()})$", re.I)


def is_size(text: str, *, bare: bool = False) -> bool:
    """The cell or token is a size; `bare` lets a plain number in the sizes' range count."""
    text = text.strip()
    return bool(_whole_size().match(text)) or (bare and is_bare_size(text))


def ambiguous_letter(text: str) -> bool:
    """A letter size that a unit spells too ('m' metres, 'l' litres): a size only beside others."""
    from parsers.values.units import normalise_unit

    return text.strip().lower() in {w for w in size_words().letters if normalise_unit(w) is not None}
