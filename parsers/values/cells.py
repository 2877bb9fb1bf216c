"""Dates as order documents print them, in French, English and German."""

from __future__ import annotations

import datetime as dt
import re

from parsers.values.dates import month_number
from parsers.vocabulary.phrases import normalize

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
        if month := month_number(match[2]):
            found += _safe(_approx(text, match[0]), int(match[3]), month, int(match[1]))
    for match in _EN_WORD_DATE.finditer(lowered):
        if month := month_number(match[1]):
            found += _safe(_approx(text, match[0]), int(match[3]), month, int(match[2]))
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
