"""The words the catalogue-first spotter (parsers/text/spotting.py) weighs around a count: those of a row
that corrects, asks or tells of goods had (no line to spot), words asking for goods or joining one more
item before a count, and those before a day or a number (parsers/data/spotting.toml)."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from models.datafiles import load_toml
from parsers.text.correction_patterns import correction_words
from parsers.values.dates import month_number
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.words import DATA


class _Spotting(BaseModel):
    not_ordered: list[str]
    before_no_count: list[str]
    request: list[str]
    joining: list[str]
    thanks: list[str]


class _SpottingFile(BaseModel):
    spotting: _Spotting


@lru_cache(maxsize=1)
def spotting_words() -> _Spotting:
    return load_toml(DATA / "spotting.toml", _SpottingFile).spotting


@lru_cache(maxsize=1)
def refused() -> re.Pattern[str]:
    """Words of a row that corrects, cancels, takes out, asks or tells of goods had: no line to spot."""
    words = correction_words()
    said = [
        *spotting_words().not_ordered,
        *words.cancelled,
        *words.apology,
        *words.instead,
        *words.remove,
        *words.withdrawn_after,
        *words.except_,
    ]
    alternatives = any_of(set(said))
    return re.compile(rf"\?|(?<!\w)(?:{alternatives})(?!\w)", re.I)


def asks(lead: str) -> bool:
    """'merci de livrer 25 ...', 'we need 12 ...': words asking for what the count counts."""
    return bool(_requests().search(lead.strip().rstrip(",")))


def joins(lead: str) -> bool:
    """'..., avec un coffret': the lead's last word joins one more item to the list."""
    words = lead.strip().rstrip(",").lower().split()
    return bool(words) and words[-1] in spotting_words().joining


@lru_cache(maxsize=1)
def _requests() -> re.Pattern[str]:
    words = sorted(spotting_words().request, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})$", re.I)


def date_or_number(leading: re.Match[str]) -> bool:
    """'le 12 décembre', 'semaine 48', 'n° 4': a day, a week or a number, no count."""
    lead = (leading["lead"] or "").split()
    if lead and lead[-1].lower().strip(",") in spotting_words().before_no_count:
        return True
    return bool(leading["unit"]) and month_number(leading["unit"].rstrip(".")) is not None
