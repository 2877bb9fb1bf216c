"""Answers counting sizes under our quoted offer of an article in a range of sizes: '4 L and 4 XL' under
'1. Parka hi-vis 4-in-1 yellow, M to 3XL - 69.00 each', '20 pairs T10' under 'Winter gloves lined latex,
T8 to T11 - 4.95 / pair', '2 en 42, 3 en 44' under 'Bottes PVC, pointures 40 à 46 : 18,50 €'. Each size
counted is a line of the article in that size; the row's numbering and price count nothing."""

from __future__ import annotations

import re
from decimal import Decimal

from matchers.index import variant_key
from models import Extracted, ExtractedLine, ParsedMessage, Provenance

# The rule of a line read from a size the answer under our offered row counts.
SIZED_RULE = "thread-inline-size"
_LETTERS = ("XS", "S", "M", "L", "XL", "2XL", "3XL", "4XL", "5XL")
_LETTER = r"(?:\dXL|X{0,3}[SL]|XXXL|M)"
_RANGE = re.compile(
    rf",?\s*(?:(?:sizes?|tailles?|pointures?)\s+)?(?:(?P<low>{_LETTER})\s*(?:to|à|a|-|–)\s*(?P<high>{_LETTER})"
    r"|T(?P<tlow>\d{1,2})\s*(?:to|à|a|-|–)\s*T(?P<thigh>\d{1,2})"
    r"|(?:du|from|de)\s+(?P<nlow>\d{2})\s*(?:to|à|au|a|-|–)\s*(?P<nhigh>\d{2}))(?![\w])",
    re.I,
)
_NUMBERING = re.compile(r"^[>\s]*(?:\d{1,2}[.)]|[-*•])\s*")
_SIZED = re.compile(
    r"^(?P<n>\d{1,4})\s*(?:(?:pairs?|paires?|pcs?|pi[eè]ces?|x)\s+)?(?:(?:in|en|size|taille|pointure)\s+)?"
    rf"(?:T(?P<t>\d{{1,2}})|(?P<letter>{_LETTER})|(?P<number>\d{{2}}))$",
    re.I,
)
_CLAUSES = re.compile(r"\s*(?:[,;&+]|\bet\b|\band\b)\s*", re.I)


def sized_answer(above: str, answer: str, part: str, span: tuple[int, int] | None) -> list[ExtractedLine]:
    """The lines an answer counting sizes orders of the article the row above it offers in a range of
    sizes; none unless every clause of the answer counts one size within that range."""
    row = _NUMBERING.sub("", above)
    offered = _RANGE.search(row)
    name = row[: offered.start()].strip(" ,-–:") if offered else ""
    if offered is None or not re.search(r"[^\W\d_]{3}", name):
        return []
    counted = []
    for clause in _CLAUSES.split(answer.strip(" .!")):
        said = _SIZED.match(clause.strip())
        if said is None or not _within(said, offered):
            return []
        counted.append((Decimal(said["n"]), _written(said)))
    where = Provenance(part=part, span=span, rule=SIZED_RULE)
    return [
        ExtractedLine(
            line_no=0,
            description=Extracted[str](value=f"{name} {size}", confidence=0.8, provenance=where),
            quantity=Extracted[Decimal](value=count, confidence=0.85, provenance=where),
            provenance=where,
            notes=["a size counted by the answer under our offered row"],
        )
        for count, size in counted
    ]


# '12 en 8', '5 L', '2 en 42', '4 in size 10': a count and the size it is of, in a numbered answer.
_COUNT_IN_SIZE = re.compile(
    r"^(?P<n>\d{1,4})\s*(?:(?:pairs?|paires?|pcs?|pi[eè]ces?|x)\s+)?(?:(?:in|en|size|taille|pointure)\s+)*"
    rf"(?:T(?P<t>\d{{1,2}})|(?P<letter>{_LETTER})|(?P<number>\d{{1,2}}))$",
    re.I,
)


def sizes_counted(answer: str) -> list[tuple[Decimal, str]]:
    """(count, size) for each clause of an answer that counts two sizes or more ('12 en 8, 12 en 9',
    '5 L, 10 XL'); none when a clause says anything else."""
    clauses = [clause.strip() for clause in _CLAUSES.split(answer.strip(" .!")) if clause.strip()]
    said = [_COUNT_IN_SIZE.match(clause) for clause in clauses]
    if len(said) < 2 or any(found is None for found in said):
        return []
    return [(Decimal(found["n"]), _written(found)) for found in said if found is not None]


def _written(said: re.Match[str]) -> str:
    if said["t"]:
        return f"T{said['t']}"
    return said["letter"].upper() if said["letter"] else f"size {said['number']}"


def _within(said: re.Match[str], offered: re.Match[str]) -> bool:
    if said["letter"] and offered["low"]:
        order = [variant_key(size) for size in (offered["low"], said["letter"], offered["high"])]
        return all(size in _LETTERS for size in order) and _rank(order[0]) <= _rank(order[1]) <= _rank(
            order[2]
        )
    low, high = (offered["tlow"], offered["thigh"]) if said["t"] else (offered["nlow"], offered["nhigh"])
    value = said["t"] or said["number"]
    return bool(low and value) and int(low) <= int(value) <= int(high)


def _rank(size: str) -> int:
    return _LETTERS.index(size)


def sized_rows(
    parsed: ParsedMessage, part: str
) -> list[tuple[tuple[int, int], tuple[int, int], list[ExtractedLine]]]:
    """(where the offered row stands in the quoted text, where its answer stands in the sender's, the
    lines the answer orders) for each answer under our quoted rows that counts sizes of the row's article."""
    found = []
    cursor = written = 0
    for above, answer in parsed.inline_answers:
        at = parsed.quoted.find(above, cursor)
        said = parsed.text.find(answer, written)
        span = (said, said + len(answer)) if said >= 0 else None
        written = span[1] if span else written
        if at < 0:
            continue
        cursor = at + len(above)
        lines = sized_answer(above, answer, part, span) if span else []
        if lines and span:
            found.append(((at, cursor), span, lines))
    return found
