"""Numbers as customers write them: French and English formats, words.

`parse_number` reads one written number ("1 200", "1.500", "2,5", "1 500,000",
"1,250.50"); `word_quantity` reads "deux", "une douzaine". Units are in parsers.values.units.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from models.datafiles import load_toml
from parsers.vocabulary.phrases import any_of

DATA = Path(__file__).parents[1] / "data"
# Spaces used as thousands separators: space, no-break space, narrow no-break space.
THIN_SPACES = " \u00a0\u202f"
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_NUMBER_TEXT = re.compile(r"^[-+]?\d[\d\s\u00a0\u202f\u2009'.,]*$")
_LEADING = re.compile(r"^\s*([-+]?\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|[-+]?\d+(?:[.,]\d+)*)")
_CURRENCY = re.compile(r"(€|eur|euros?|\$|usd|chf|£|gbp)", re.I)
# Grouped: a pattern that writes "{NUMBER}\\s*kg" must apply the unit to both shapes of a number.
NUMBER = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*)"


class WordNumbers(BaseModel):
    """Quantities written as words; `approx` ones need a clerk's confirmation."""

    words: dict[str, int]
    approx: dict[str, int]
    multipliers: dict[str, int] = {}


@lru_cache(maxsize=1)
def word_numbers() -> WordNumbers:
    """The number words from parsers/data/numbers_words.toml (validated)."""
    return load_toml(DATA / "numbers_words.toml", WordNumbers)


@lru_cache(maxsize=1)
def quantity_word_regex() -> re.Pattern[str]:
    """Compiled: does a text contain a quantity word?"""
    return re.compile(rf"\b{quantity_words_pattern()}\b", re.I)


def parse_number(text: str, *, decimal_comma: bool = True) -> Decimal | None:
    """A written number as a Decimal; None when the text is not one number. The one reader of
    numbers: bodies, documents and the clerk's form agree on every case (tests/parsers/test_numbers.py).

    "1 234,50" -> 1234.5; "1.500" -> 1500 (a dot and three digits group thousands);
    "0.500" -> 0.5 (no thousands after a zero); "1,250.50" -> 1250.5; "12 €" -> 12;
    "-3" -> -3. `decimal_comma` says how a lone "," with three digits after it is
    read: French and German write "," for decimals, English for thousands.
    """
    raw = _CURRENCY.sub("", text).strip()
    if not raw or not _NUMBER_TEXT.match(raw):
        return None
    raw = _SPACES.sub("", raw)
    if "," in raw and "." in raw:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        raw = raw.replace("." if decimal_mark == "," else ",", "").replace(",", ".")
    elif raw.count(",") > 1 or raw.count(".") > 1:
        first, *groups = re.split(r"[.,]", raw)
        if not _groups(first) or any(len(g) != 3 for g in groups):
            return None  # "1,2,3" is no number; "1.234.567" is
        raw = raw.replace(",", "").replace(".", "")
    elif "," in raw:
        whole, _, frac = raw.partition(",")
        raw = whole + frac if len(frac) == 3 and not decimal_comma and _groups(whole) else f"{whole}.{frac}"
    elif "." in raw:
        whole, _, frac = raw.partition(".")
        raw = whole + frac if len(frac) == 3 and decimal_comma and _groups(whole) else raw
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    if value != value.to_integral_value():
        return value.normalize()
    try:
        return value.quantize(Decimal(1))
    except InvalidOperation:  # more digits than a Decimal context holds (a pasted reference): as written
        return value


def _groups(whole: str) -> bool:
    """Can these digits stand before a thousands separator? "1", "12", "123"; not "0" or "1234"."""
    digits = whole.lstrip("+-")
    return 1 <= len(digits) <= 3 and digits != "0"


def split_quantity(text: str, *, decimal_comma: bool = True) -> tuple[Decimal | None, str]:
    """'1 200 pces' -> (1200, 'pces'); '2,5 kg' -> (2.5, 'kg'); '12' -> (12, '')."""
    match = _LEADING.match(text)
    if not match:
        return None, text.strip()
    return parse_number(match.group(1), decimal_comma=decimal_comma), text[match.end() :].strip(" .")


def word_quantity(text: str) -> tuple[Decimal, bool] | None:
    """A quantity written in words and whether it is approximate; None if not a number word."""
    words = word_numbers()
    key = " ".join(text.lower().split())
    grouped = _grouped_quantity(key, words)
    if grouped is not None:
        return grouped
    approx_key = re.sub(r"^(?:une?|a|an)\s+", "", key)
    if approx_key in words.approx:
        return Decimal(words.approx[approx_key]), True
    for candidate in (key, approx_key):
        if candidate in words.words:
            return Decimal(words.words[candidate]), False
    return None


def _grouped_quantity(key: str, words: WordNumbers) -> tuple[Decimal, bool] | None:
    """ "two dozen", "3 dozen", "1 doz.", "deux douzaines": a count of groups; None for any other words."""
    count, _, group = re.sub(r"\s+(?:de|of)$", "", key).rpartition(" ")
    group = group.rstrip(".")
    if group not in words.multipliers or not count:
        return None
    many = parse_number(count) if count[0].isdigit() else None
    if many is None and count in words.words and count not in words.multipliers:
        many = Decimal(words.words[count])
    if many is None or many < 1:
        return None
    approx = group.rstrip("s") in words.approx
    return many * words.multipliers[group], approx


@lru_cache(maxsize=1)
def quantity_words_pattern() -> str:
    """A regex alternative matching every quantity word (longest first)."""
    words = word_numbers()
    approx = sorted(words.approx, key=len, reverse=True)
    plain = sorted((w for w in words.words if len(w) > 2 or w in {"un"}), key=len, reverse=True)
    approx_alt = "|".join(re.escape(a) for a in approx)
    plain_alt = "|".join(re.escape(p) for p in plain)
    groups = any_of(words.multipliers)
    # 'deux douzaines de paires de gants': the 'de' joining the groups to what they count is theirs
    many = "|".join(re.escape(p) for p in plain if words.words[p] > 1 and p not in words.multipliers)
    # '1 doz. tea lights': a group's word may be cut short
    grouped = rf"(?:\d{{1,3}}|{many})\s+(?:{groups})(?:\.(?=\s)|(?:\s+(?:de|of)(?=\s))?\b)" if groups else ""
    return rf"(?:{grouped + '|' if grouped else ''}(?:une?|a|an)\s+(?:{approx_alt})|{plain_alt})"


# A count written twice, as on a cheque: '12 (douze)', '12 boîtes (douze)', 'douze (12)'.
_ECHO_AFTER = re.compile(r"^\s*(?P<num>\d+)(?P<rest>[^()\d]*?)\s*\(\s*(?P<words>[^\W\d_][^()\d]*?)\s*\)\s*$")
_ECHO_BEFORE = re.compile(r"^\s*(?P<words>[^\W\d_][^()\d]*?)\s*\(\s*(?P<num>\d+)\s*\)(?P<rest>[^()\d]*)$")


def without_spelled_count(text: str) -> str:
    """A quantity cell without the words that spell its count again ('12 (douze)' -> '12'); a cell
    whose words say another count, or no count, is left as written."""
    found = _ECHO_AFTER.match(text) or _ECHO_BEFORE.match(text)
    if found is None:
        return text
    worded = word_quantity(found["words"])
    if worded is None or worded[1] or worded[0] != int(found["num"]):
        return text
    return f"{found['num']} {found['rest'].strip()}".strip()


# An ERP numbers its items by tens, zero-padded ('00010', '000020').
ERP_ITEM = re.compile(r"0{2,}[1-9]\d*0")
_FIXED_DECIMALS = re.compile(r"(?P<whole>\d{1,3}(?:(?P<group>[.,])\d{3})*?)(?P<mark>[.,])(?P<frac>\d{3})")


def erp_quantity(text: str) -> Decimal | None:
    """A quantity as an ERP prints it, always to three decimals ('4.000' is 4, '1,500.000' 1500, '2,500'
    2.5): only for an item numbered as an ERP numbers them, where '4.000' is never four thousand."""
    found = _FIXED_DECIMALS.fullmatch(text.strip())
    if found is None or (found["group"] and found["group"] == found["mark"]):
        return None
    value = Decimal(f"{re.sub(r'[.,]', '', found['whole'])}.{found['frac']}")
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
