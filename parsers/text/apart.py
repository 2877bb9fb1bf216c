"""Lines read in a clause that names goods beside the order without ordering them: a sample asked for,
goods for later said with a doubt ('Next week we will probably need 10 x ..., I'll confirm then'),
goods taken out of another order ('Also please cancel the 2 x ... on PO GH-7760'), or empty containers
handed back ('je vous rends 2 ... vides'). Such a line is no line
of this order; what the clause changes of an order is the corrections' and follow-ups' to read."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from models import ExtractedLine
from models.datafiles import load_toml
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.words import DATA

# Where a clause ends: a sentence's end, a row's, a semicolon, a colon ('Cette commande annule et remplace la
# précédente : 4 sacs ...'), a comma or a plus before words, a join before a count.
_CUT = re.compile(r"[.!?](?=\s|$)|[;\n]|:\s|,\s+(?=\D)|\s\+\s+(?=\D)|\s(?:et|and|puis|then)\s+(?=\d)", re.I)


class _Apart(BaseModel):
    sample: list[str]
    trial: list[str]
    later: list[str]
    doubt: list[str]
    cancel: list[str]
    handed_back: list[str]
    empty: list[str]


class _ApartFile(BaseModel):
    apart: _Apart


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    words = load_toml(DATA / "spotting.toml", _ApartFile).apart

    def whole(said: list[str]) -> str:
        return rf"(?<!\w)(?:{any_of(said)})(?!\w)"

    return (
        re.compile(
            rf"(?<!\w)(?:\d+|une?|an?|one|des|some|quelques)\s+{whole(words.sample)}|{whole(words.trial)}",
            re.I,
        ),
        re.compile(rf"(?=.*{whole(words.later)})(?=.*{whole(words.doubt)})", re.I | re.S),
        re.compile(whole(words.cancel), re.I),
        re.compile(rf"(?=.*{whole(words.handed_back)})(?=.*{whole(words.empty)})", re.I | re.S),
    )


def without_apart(lines: list[ExtractedLine], text: str, *, offset: int = 0) -> list[ExtractedLine]:
    """The lines but those read in a clause of `text` (starting at `offset` in the part) that names goods
    apart from the order."""
    return [line for line in lines if not _said_apart(_clause(text, _count_at(line) - offset))]


def _count_at(line: ExtractedLine) -> int:
    where = line.quantity.provenance if line.quantity and line.quantity.provenance else line.provenance
    return where.span[0] if where and where.span else -1


def _clause(text: str, at: int) -> str:
    if not 0 <= at < len(text):
        return ""
    begin = max((cut.end() for cut in _CUT.finditer(text, 0, at)), default=0)
    following = _CUT.search(text, at)
    return text[begin : following.start() if following else len(text)]


def _said_apart(clause: str) -> bool:
    return any(pattern.search(clause) for pattern in _patterns())
