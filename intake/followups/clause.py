"""A clause of a follow-up read as an order line: its known code, its count and unit, the words
left in the catalogue's language, and the vocabulary of operations ('ajoutez', 'au lieu de') it is read with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from matchers import CatalogIndex
from matchers.designation import spellings
from matchers.normalize import fold, read_wording
from matchers.vocabulary import load_vocabulary
from models import Extracted, ExtractedLine
from models.datafiles import read_toml
from parsers.values.numbers import parse_number, quantity_words_pattern, word_quantity
from parsers.vocabulary.sieve import starting

VOCABULARY_FILE = Path(__file__).parents[2] / "parsers" / "data" / "followup_vocabulary.toml"


SIZE_UNITS = {"ml", "cl", "dl", "l", "mm", "cm", "m", "kg", "g", "mg", "µm", "mic", "microns"}
# Ratings written apart from their number ('31 dB', '230 V', '400 W'); 'A' only in capitals ('63 A'), as
# 'à' folds to 'a' ('ajoutez-en 3 à la commande').
RATING_UNITS = {"db", "v", "kv", "w", "kw", "ah", "mah", "ma", "hz", "va", "kva"}


CODE_SHAPED = re.compile(r"(?<!\S)(?=\S*[A-Za-z])(?=\S*\d)\S*[-/]\S*")
# A pack size glued to its word ('the 12-packs', 'a 4-pack'): the pack the article is sold in, no code.
_GLUED_PACK = re.compile(r"(?<![\w.,-])(\d+)-(?:packs?|pk)(?![\w-])", re.I)
# A measure glued to its number in a designation ('the 125g patties', 'les bidons 5L'): no count.
_GLUED_MEASURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?:kg|g|mg|ml|cl|l|mm|cm|m)(?!\w)", re.I)


def no_references(clause: str) -> str:
    """The clause with the digits that count nothing blanked: codes ('GOB-20-1000') and glued measures."""
    return _GLUED_MEASURE.sub(" ", CODE_SHAPED.sub(" ", clause))


@lru_cache(maxsize=1)
def _replaced_in_words() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<lead>au lieu d(?:e\s+|es\s+|u\s+|['’]\s*)|instead of\s+|rather than\s+)(?P<count>{quantity_words_pattern()})\b",
        re.I,
    )


def replaced_in_figures(text: str) -> str:
    """The count a request replaces written in words in figures, offsets kept: 'mettez 2 bidons au lieu d'un'
    reads as 'au lieu de 1', 'instead of two' as 'instead of 2'."""

    def figures(found: re.Match[str]) -> str:
        said = word_quantity(found["count"])
        if said is None or said[1]:
            return found.group(0)
        lead = found["lead"] if found["lead"][-1].isspace() else found["lead"][:-1] + "e "
        written = f"{lead}{int(said[0])}"
        return written.ljust(len(found.group(0))) if len(written) <= len(found.group(0)) else found.group(0)

    return _replaced_in_words().sub(figures, text)


NUMBER = re.compile(
    r"(?<![\w.,/x×*-])(?<![x×*]\s)(\d+(?:[.,]\d+)?)(?![\w.,/x×*-]*\d)(?!\s*[x×*]\s*\d)(?![A-Z](?![a-z]))"
)


_SIZE_BEFORE = re.compile(r"\b(?:taille|size|pointure|t)\.?\s*$", re.I)


_UNIT_AFTER = re.compile(r"^\s*([a-zéèû]+\.?)", re.I)


CODE = re.compile(r"[A-Z0-9][A-Z0-9./-]{2,}", re.I)


@dataclass(frozen=True)
class Operations:
    remove: re.Pattern[str]
    set: re.Pattern[str]
    add: re.Pattern[str]
    delivery: re.Pattern[str]
    moved: re.Pattern[str]
    set_to: re.Pattern[str]
    set_before: re.Pattern[str]
    line_number: re.Pattern[str]
    quantity_label: re.Pattern[str]
    filler: re.Pattern[str]
    instead_of: re.Pattern[str]
    less_by: re.Pattern[str]
    more_by: re.Pattern[str]


@lru_cache(maxsize=2)
def load_operations(path: Path = VOCABULARY_FILE) -> Operations:
    table = read_toml(path)["operations"]
    return Operations(**{name: re.compile(table[name], re.I) for name in Operations.__dataclass_fields__})


def line_of(clause: str, index: CatalogIndex) -> ExtractedLine:
    """The clause as an order line: a known code, its quantity and unit, the words left.

    The code and the quantity are taken out of the words: '5 x' or '750 ml' left in
    would read as sizes that contradict the article's designation.
    """
    code = next((t for t in CODE.findall(clause) if index.knows_code(t.strip("."))), None)
    found = quantity_of(clause, index)
    wording = clause.replace(code, " ") if code else clause
    if found is not None:
        wording = wording.replace(found[2], " ", 1)
    # The request's own words ('merci d'ajouter', 'au lieu de') would weigh against every article.
    ops = load_operations()
    for pattern in (ops.filler, ops.add, ops.set, ops.remove, ops.moved):
        wording = pattern.sub(" ", wording)
    packs = [english_to_catalogue(f"pack of {n}") for n in _GLUED_PACK.findall(wording)]
    wording = english_to_catalogue(_GLUED_PACK.sub(" ", wording))
    # Other references and counts ('BC-4512', 'au lieu de 4') are no sizes of the article.
    wording = NUMBER.sub(
        lambda m: m.group(0) if is_size(wording, m.start(), m.end()) else " ", CODE_SHAPED.sub(" ", wording)
    )
    wording = " ".join([wording, *packs])
    return ExtractedLine(
        line_no=1,
        code=Extracted(value=code.strip(".")) if code else None,
        description=Extracted(value=" ".join(wording.split())),
        quantity=Extracted(value=found[0]) if found else None,
        unit=Extracted(value=found[1]) if found and found[1] else None,
    )


@lru_cache(maxsize=2)
def _translations() -> tuple[re.Pattern[str], dict[str, str]]:
    """The matcher's [translations] (matchers/data/vocabulary.toml), phrases first."""
    table = {k.lower(): v for k, v in load_vocabulary().translations.items()}
    words = sorted(table, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    # A choice of many phrases, tried only where one may start.
    return starting(re.compile(rf"\b({alternatives})(?:e?s)?\b", re.I)), table


def english_to_catalogue(wording: str) -> str:
    """An English customer's trade words in the catalogue's French ('ball valves' -> 'vanne sphere'):
    the follow-up names its order's articles, which are few, so a word for word reading is enough."""
    pattern, table = _translations()
    return pattern.sub(lambda m: table[m.group(1).lower()].replace("|", " "), wording)


@lru_cache(maxsize=1)
def _WORD_NUMBER() -> re.Pattern[str]:
    return re.compile(rf"\b({quantity_words_pattern()})\b", re.I)


def is_size(text: str, start: int, end: int) -> bool:
    """A size of the article, no count: '750 ml', or the number after 'size' / 'taille' ('gloves size 8')."""
    return bool(_SIZE_BEFORE.search(text[:start])) or _size_follows(text, end)


def _size_follows(text: str, end: int) -> bool:
    after = _UNIT_AFTER.match(text[end:])
    if not after:
        return False
    unit = fold(after.group(1)).strip(".")
    return unit in SIZE_UNITS or unit in RATING_UNITS or after.group(1) == "A"


def quantity_of(clause: str, index: CatalogIndex) -> tuple[Decimal, str, str] | None:
    """(quantity, unit, text) of the clause: a number before a sale unit ('8 cartons') first,
    else the first number that is no size ('750 ml', '30 cl')."""
    labelled = load_operations().quantity_label.search(clause)
    if labelled and (value := parse_number(labelled.group(1))) is not None:
        return value, "", labelled.group(0)  # "qté 2" beside "Multicouche 20 couronne"
    plain: tuple[Decimal, str, str] | None = None
    for match in _WORD_NUMBER().finditer(clause):  # "quatre boîtes", "un réducteur"
        said = word_quantity(match.group(1))
        if said is not None and not said[1]:
            plain = (said[0], "", match.group(0))
            break
    for match in NUMBER.finditer(clause):
        value = parse_number(match.group(1))
        if value is None:
            continue
        after = _UNIT_AFTER.match(clause[match.end() :])
        word = after.group(1) if after else ""
        if word.lower() in ("x", "×"):  # "5 x GOB-20-1000": a count, no unit
            return value, "", clause[match.start() : match.end() + after.end()]
        text = clause[match.start() : match.end() + (after.end() if after else 0)]
        if fold(word).strip(".") in SIZE_UNITS:
            continue  # "750 ml" is the article's size, whatever the units vocabulary sells by
        if word and index.sales_unit(word) in index.units.values():
            return value, word, text
        if plain is None or not any(ch.isdigit() for ch in plain[2]):
            plain = (value, "", clause[match.start() : match.end()])
    return plain


_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(load_vocabulary().negations.words)


def catalogue_words(text: str, index: CatalogIndex) -> str:
    """The text less the words no designation of the catalogue uses ('peux-tu faire annuler').

    Matched among an order's few articles, every word the order lacks weighs against all of
    them alike and drowns the two words that name one; sizes, codes and short words stay.
    """

    def keep(match: re.Match[str]) -> str:
        token = match.group(0)
        if len(token) <= 2 or any(ch.isdigit() for ch in token) or fold(token) in _negations():
            return token  # "simples (non thermostatiques)": the negation says what is not meant
        words = read_wording(token).words
        known = words and all(spellings(w, index.designations) for w in words)
        return token if known else " "

    return _TOKEN.sub(keep, english_to_catalogue(text))
