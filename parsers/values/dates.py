"""Dates written in order mail, explicit or relative, resolved against the message date.

`find_dates(text, today)` lists every date expression with its span
(parsers.values.delivery_dates picks the one a delivery cue points at).
Relative forms: demain, après-demain, lundi prochain, a bare weekday (the next
such day after the message date), "jeudi 15" (that day of the current month),
sous huitaine / quinzaine / 48 h, avant le 27, d'ici la fin du mois, en fin de
semaine, semaine 48 (its Monday); tomorrow, next Monday, by Friday, within a week.
"dès que possible" / ASAP gives no date.

A document has no message date to resolve against: `find_dates(text)` without
one lists only the dates printed in full, with their year ("05/10/2026",
"05-10-2026", "2026-10-05", "14 octobre 2026", "October 14th 2026"), and
`find_date(text)` gives the first. Bodies and documents read dates through the
same patterns; a year is 1990-2099, two digits meaning 20xx.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from pydantic import BaseModel

from models.datafiles import load_toml
from parsers.values.units import normalise_unit
from parsers.vocabulary.phrases import any_of, normalize
from parsers.vocabulary.sieve import Sieve, starting
from parsers.vocabulary.words import DATA


class DateWords(BaseModel):
    """parsers/data/dates.toml, validated at load."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    ordinal_days: dict[str, int]
    day_words: dict[str, int]
    cues: dict[str, list[str]]
    asap: dict[str, list[str]]


class DateHit(BaseModel):
    """A date expression: its resolved value (None for 'as soon as possible') and span."""

    value: dt.date | None
    span: tuple[int, int]
    text: str
    relative: bool = False
    confidence: float = 0.9


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """The date vocabulary."""
    return load_toml(DATA / "dates.toml", DateWords)


@lru_cache(maxsize=1)
def _month_index() -> dict[str, int]:
    return {normalize(word): number for word, number in date_words().months.items()}


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for ('févr.', 'Dezember', 'SEPT'); None for other words."""
    return _month_index().get(normalize(word))


def _words_alt(words) -> str:
    """Day words with a hyphen or a space between their parts ('twenty-sixth', 'twenty sixth')."""
    return any_of(words).replace(r"\-", "[- ]").replace(r"\ ", "[- ]")


def _word_day(word: str) -> int | None:
    """The day a word names ('twenty sixth' -> 26, 'vingt-six' -> 26)."""
    words = date_words()
    key = re.sub(r"[- ]+", " ", word.lower())
    table = {re.sub(r"[- ]+", " ", w): d for w, d in (words.ordinal_days | words.day_words).items()}
    return table.get(key)


# Relative forms that do not depend on the vocabulary file; tried after the explicit dates.
_RELATIVE_SOURCES = [
    ("after_tomorrow", r"\b(?:apr[èe]s[- ]demain|the day after tomorrow)\b"),
    ("tomorrow", r"\b(?:demain|tomorrow)\b"),
    (
        "end_of_month",
        r"\b(?:(?:d'|d’)ici\s+(?:la\s+)?|avant\s+la\s+|(?:by\s+)?the\s+)?"
        r"(?:fin\s+du\s+mois|end\s+of\s+(?:the\s+)?month)\b",
    ),
    ("end_of_week", r"\b(?:en\s+)?fin\s+de\s+(?:la\s+)?semaine\b|\bend\s+of\s+(?:the\s+)?week\b"),
    (
        "within",
        r"\b(?:sous|within|d'ici|d’ici|in)\s+(?P<n>\d+|une?|a)\s*"
        r"(?P<u>h\b|heures?|hours?|jours?|days?|semaines?|weeks?)",
    ),
    ("within_word", r"\bsous\s+(?P<w>huitaine|quinzaine|(?:une\s+)?semaine)\b"),
    ("iso_week", r"\b(?:semaine|week|sem\.?)\s*(?:n°\s*)?(?P<w>\d{1,2})\b"),
    (
        "day_only",
        r"\b(?:le|the|avant\s+le|before\s+the)\s+(?P<d>\d{1,2})(?:er|st|nd|rd|th)?\b"
        # 'pour le 3 plis', 'the 2 ply one': a count of the article's parts, no day
        r"(?![/.,:h]?\d|\s*(?:h\b|%|€|x\b)|\s+(?:plis?|ply|couches?|layers?|feuilles|sheets|portes|doors|places|seats"
        r"|p[ôo]les|poles|voies|ways|trous|holes)\b)",
    ),
]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, pattern) in priority order: explicit dates first, then relative forms."""
    words = date_words()
    month = rf"(?P<month>{any_of(words.months)})\.?"
    wday = rf"(?:(?P<wd>{any_of(words.weekdays)})|(?:{any_of(words.weekday_abbreviations)})\.?)"
    bare_wd = rf"(?P<wd>{any_of(words.weekdays)})"
    year = r"(?:\s+(?P<y>(?:19|20)\d{2}))?"
    ordinal = rf"(?P<dw>{_words_alt(words.ordinal_days)})"
    day_word = rf"(?P<dw>{_words_alt(words.ordinal_days | words.day_words)})"
    sources = [
        ("iso", r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        (
            "numeric",
            rf"(?:\b{wday}\s+)?\b(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?(?![\d/\"”″'’]|\s*(?:pouces?|inch))",
        ),
        ("numeric", rf"(?:\b{wday}\s+)?\b(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})\b"),
        ("numeric", rf"(?:\b{wday}\s+)?\b(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>\d{{4}}|\d{{2}})\b"),
        (
            "day_month",
            rf"(?:\b{wday},?\s+)?\b(?P<d>\d{{1,2}})(?:er|st|nd|rd|th|\.)?\s+(?:of\s+)?{month}{year}\b",
        ),
        ("month_day", rf"(?:\b{wday},?\s+)?\b{month}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?{year})"),
        # "18-Dec-2026", "07.déc.26": an ERP's day, month's name and year joined by dashes or dots.
        ("day_month", rf"\b(?P<d>\d{{1,2}})[-.]{month}[-.](?P<y>(?:19|20)\d{{2}}|\d{{2}})\b(?![-/]\w)"),
        # "on the twenty-sixth of November", "le vingt-six novembre", "November the twentieth"
        # ('the second may arrive later' is no date)
        (
            "day_month",
            rf"(?:\b{wday},?\s+)?(?:\bthe\s+)?\b{day_word}\s+(?:of\s+)?(?!may\s+[a-z]){month}{year}\b",
        ),
        ("month_day", rf"(?:\b{wday},?\s+)?\b{month}\s+(?:the\s+)?{ordinal}\b(?:,?{year})"),
        # "vendredi 13", "Friday 13th", "Friday the 13th"
        (
            "weekday_day",
            rf"\b{bare_wd}\s+(?:the\s+)?(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\b(?![/.:h]\d|\s*h\b)",
        ),
        ("weekday_day", rf"\b{bare_wd}\s+(?:the\s+)?{ordinal}\b"),  # "Friday the twentieth"
        *_RELATIVE_SOURCES,
        ("weekday", rf"\b(?:(?P<next_en>next)\s+)?{bare_wd}\b(?:\s+(?P<next>prochain))?"),
        # "by wed pls", "for Thurs": an English weekday cut short after the word that asks for it.
        (
            "weekday_short",
            r"\b(?:by|for|on|until|till|before)\s+(?P<wds>mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat)\b\.?(?!\s*\d)",
        ),
        ("asap", rf"\b(?:{any_of(words.asap['words'])})\b"),
    ]
    # Most open with a choice of day and month names: each is tried only where one may start.
    return [(kind, starting(re.compile(source, re.I))) for kind, source in sources]


@lru_cache(maxsize=1)
def _sieve() -> Sieve:
    return Sieve.of(pattern for _, pattern in _patterns())


@lru_cache(maxsize=1)
def _weekday_ranges() -> re.Pattern[str]:
    """'du lundi au vendredi', 'Monday to Friday', 'lun.-ven.': opening days, no date."""
    words = date_words()
    day = rf"(?:{any_of(words.weekdays)}|(?:{any_of(words.weekday_abbreviations)})\.?)"
    return re.compile(rf"\b{day}\s*(?:au|à|a|to|till|until|through|thru|[-–])\s*{day}(?!\w)", re.I)


_PRINTED_IN_FULL = {"iso", "numeric", "day_month", "month_day"}


def find_dates(text: str, today: dt.date | None = None, *, day_first: bool = True) -> list[DateHit]:
    """Every date expression in `text`, resolved against `today`, in reading order.

    Without `today` (a document: no message date to resolve against) only the dates
    printed in full, with their year. `day_first=False` reads "12/25/2026" month first.
    """
    hits: list[DateHit] = []
    taken = [match.span() for match in _weekday_ranges().finditer(text)] if today is not None else []
    for (kind, pattern), maybe in zip(_patterns(), _sieve().possible(text), strict=True):
        if not maybe or (today is None and kind not in _PRINTED_IN_FULL):
            continue
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if today is None and not match.groupdict().get("y"):
                continue
            if kind == "day_only" and _counts_after(text[match.end() : match.end() + 30]):
                continue
            resolved = _resolve(kind, match, today or dt.date.today(), day_first=day_first)
            if resolved is _INVALID:
                continue
            taken.append(span)
            hits.append(
                DateHit(
                    value=resolved,
                    span=span,
                    text=match.group(0),
                    relative=kind not in _PRINTED_IN_FULL,
                    confidence=0.6 if kind in {"iso_week", "within_word", "end_of_week"} else 0.9,
                )
            )
    return sorted(hits, key=lambda h: h.span)


def find_date(text: str, *, day_first: bool = True) -> tuple[dt.date, int] | None:
    """The first date `text` prints in full and where it starts: '05/10/2026', '14 octobre 2026'."""
    hits = find_dates(text, day_first=day_first)
    return (hits[0].value, hits[0].span[0]) if hits and hits[0].value else None


_INVALID = object()


# Words after 'le 18' that go on with the date, however they end ('le 18 dans la matinée', 'le 18 vers 10h').
_GOES_ON = {"dans", "sans", "vers", "plus", "puis", "mais", "alors", "après", "apres", "sous", "chez", "tous"}


def _counts_after(after: str) -> bool:
    """'pour le 3 plis', 'the 2 seats', 'le 5 litres': a unit or a plural noun right after the number, so
    'le 3' names an article by its count or size, not a day."""
    word = re.match(r"\s+([^\W\d_]+)", after)
    if word is None:
        return False
    found = word[1].lower()
    if normalise_unit(found) is not None:
        return True
    return len(found) > 3 and found[-1] in "sx" and found not in _GOES_ON


def _resolve(kind: str, match: re.Match[str], today: dt.date, *, day_first: bool = True):
    groups = match.groupdict()
    words = date_words()
    if kind == "iso":
        return _ymd(groups.get("y"), int(groups["m"]), int(groups["d"]), today)
    if kind == "numeric":
        day, month = (groups["d"], groups["m"]) if day_first else (groups["m"], groups["d"])
        return _ymd(groups.get("y"), int(month), int(day), today)
    if kind in {"day_month", "month_day"}:
        return _ymd(groups.get("y"), month_number(groups["month"]) or 0, _day(groups), today)
    if kind == "weekday_day":
        return _day_of_month(_day(groups), today)
    if kind == "day_only":
        return _day_of_month(int(groups["d"]), today)
    if kind == "tomorrow":
        return today + dt.timedelta(days=1)
    if kind == "after_tomorrow":
        return today + dt.timedelta(days=2)
    if kind == "weekday":
        return next_weekday(today, words.weekdays[groups["wd"].lower()])
    if kind == "weekday_short":
        return next_weekday(today, words.weekday_abbreviations[groups["wds"].lower()[:3]])
    if kind == "end_of_month":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if kind == "end_of_week":
        return today + dt.timedelta(days=(4 - today.weekday()) % 7)
    if kind in {"within", "within_word"}:
        return today + dt.timedelta(days=_within_days(groups))
    if kind == "iso_week":
        return _iso_week_monday(int(groups["w"]), today)
    return None  # asap: no usable date


def _day(groups: dict[str, str | None]) -> int:
    """The day of the month, in figures or in words."""
    if groups.get("dw"):
        return _word_day(groups["dw"] or "") or 0
    return int(groups["d"] or 0)


def _within_days(groups: dict[str, str | None]) -> int:
    if groups.get("w"):
        return {"huitaine": 8, "quinzaine": 15}.get(groups["w"].lower(), 7)
    raw = (groups["n"] or "1").lower()
    count = int(raw) if raw.isdigit() else 1
    unit = groups["u"].lower()
    if unit.startswith("h"):
        return -(-count // 24)
    if unit.startswith(("sem", "week")):
        return 7 * count
    return count


def next_weekday(today: dt.date, weekday: int) -> dt.date:
    """The next such weekday strictly after `today` ("jeudi", "lundi prochain", "next Monday")."""
    return today + dt.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _ymd(year: str | None, month: int, day: int, today: dt.date):
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        if not 1990 <= full <= 2099:  # a reference shaped like a date, not one
            return _INVALID
        try:
            return dt.date(full, month, day)
        except ValueError:
            return _INVALID
    try:
        found = dt.date(today.year, month, day)
    except ValueError:
        return _INVALID
    # A date without a year more than half a year back means next year's.
    return found.replace(year=today.year + 1) if (today - found).days > 183 else found


def _day_of_month(day: int, today: dt.date):
    if not 1 <= day <= 31:
        return _INVALID
    year, month = today.year, today.month
    if day < today.day:  # "avant le 3" written on the 28th: next month's
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return _INVALID


def _iso_week_monday(week: int, today: dt.date):
    year = today.year if week >= today.isocalendar().week - 26 else today.year + 1
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return _INVALID
