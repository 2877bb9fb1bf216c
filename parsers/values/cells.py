"""Numbers and dates as order documents print them, in French, English and German."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from parsers.vocabulary.phrases import normalize

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_NUMBER = re.compile(r"^[-+]?\d[\d\s\u00a0\u202f\u2009'.,]*$")
_LEADING = re.compile(r"^\s*([-+]?\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|[-+]?\d+(?:[.,]\d+)*)")
_CURRENCY = re.compile(r"(€|eur|euros?|\$|usd|chf|£|gbp)", re.I)


def parse_number(text: str, *, decimal_comma: bool = True) -> Decimal | None:
    """'1 234,50' -> 1234.50; '1.500' -> 1500 (French/German); '1,500.00' -> 1500.

    `decimal_comma` says how a lone ',' or '.' with three digits after it is read:
    French and German documents use ',' for decimals and '.' for thousands.
    """
    raw = _CURRENCY.sub("", text).strip()
    if not raw or not _NUMBER.match(raw):
        return None
    raw = _SPACES.sub("", raw)
    if "," in raw and "." in raw:
        decimal_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
        raw = raw.replace("." if decimal_sep == "," else ",", "").replace(",", ".")
    elif raw.count(",") > 1 or raw.count(".") > 1:
        raw = raw.replace(",", "").replace(".", "")
    elif "," in raw:
        whole, _, frac = raw.partition(",")
        raw = whole + frac if (len(frac) == 3 and not decimal_comma) else f"{whole}.{frac}"
    elif "." in raw:
        whole, _, frac = raw.partition(".")
        raw = whole + frac if (len(frac) == 3 and decimal_comma and whole != "0") else raw
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def split_quantity(text: str, *, decimal_comma: bool = True) -> tuple[Decimal | None, str]:
    """'1 200 pces' -> (1200, 'pces'); '2,5 kg' -> (2.5, 'kg'); '12' -> (12, '')."""
    match = _LEADING.match(text)
    if not match:
        return None, text.strip()
    return parse_number(match.group(1), decimal_comma=decimal_comma), text[match.end() :].strip(" .")


MONTHS = {
    **dict.fromkeys(["janvier", "janv", "january", "jan", "januar", "janner"], 1),
    **dict.fromkeys(["fevrier", "fevr", "fev", "february", "feb", "februar"], 2),
    **dict.fromkeys(["mars", "march", "mar", "marz"], 3),
    **dict.fromkeys(["avril", "avr", "april", "apr"], 4),
    **dict.fromkeys(["mai", "may"], 5),
    **dict.fromkeys(["juin", "june", "jun", "juni"], 6),
    **dict.fromkeys(["juillet", "juil", "july", "jul", "juli"], 7),
    **dict.fromkeys(["aout", "august", "aug"], 8),
    **dict.fromkeys(["septembre", "sept", "sep", "september"], 9),
    **dict.fromkeys(["octobre", "oct", "october", "oktober", "okt"], 10),
    **dict.fromkeys(["novembre", "nov", "november"], 11),
    **dict.fromkeys(["decembre", "dec", "december", "dezember", "dez"], 12),
}
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})\b")
_EN_WORD_DATE = re.compile(r"\b([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})\b")


def find_date(text: str, *, day_first: bool = True) -> tuple[dt.date, int] | None:
    """The first date written in `text` and where it starts: '05/10/2026', '2026-10-05', '14 octobre 2026'."""
    found: list[tuple[int, dt.date]] = []
    for match in _ISO_DATE.finditer(text):
        found += _safe(match.start(), int(match[1]), int(match[2]), int(match[3]))
    for match in _NUMERIC_DATE.finditer(text):
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 100 else 0
        day, month = (a, b) if day_first or b > 12 else (b, a)
        found += _safe(match.start(), year, month, day)
    lowered = normalize(text.replace("/", " / "))
    for match in _WORD_DATE.finditer(lowered):
        if match[2] in MONTHS:
            found += _safe(_approx(text, match[0]), int(match[3]), MONTHS[match[2]], int(match[1]))
    for match in _EN_WORD_DATE.finditer(lowered):
        if match[1] in MONTHS:
            found += _safe(_approx(text, match[0]), int(match[3]), MONTHS[match[1]], int(match[2]))
    if not found:
        return None
    start, date = min(found, key=lambda f: f[0])
    return date, start


def _approx(text: str, normalized_match: str) -> int:
    # Positions in the normalized text shift a little; the first digit is a good enough anchor.
    digits = re.search(r"\d", normalized_match)
    first = digits.group(0) if digits else ""
    return max(text.find(first), 0)


def _safe(start: int, year: int, month: int, day: int) -> list[tuple[int, dt.date]]:
    try:
        return [(start, dt.date(year, month, day))] if 1990 <= year <= 2100 else []
    except ValueError:
        return []
