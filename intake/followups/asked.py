"""An answer written under our question about a line of the customer's order quoted with it.

"> 12 pairs of safety shoes" / "> Which sizes?" / "6 x 42, 4 x 43, 2 x 45"; "> 1) Cable ties 200 mm:
3.6 or 4.8 wide?" over the order quoted further down / "4.8": the quoted line the question asks about
is the base, read again with the answer's words, one line for each count the answer gives a variant
of ('noir x2 et 1 cyan'), at the quoted count when the answer writes none. A number the question
offers ('50 ou 80 mm') tells a variant, never a count. What the answer adds ('and add 12 plates') is
the sender's own line, read from the body.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedLine, Provenance
from parsers.text.extracted import written_at
from parsers.text.reader import read_lines
from parsers.text.thread import QUOTED_PART, as_quoted_rows, quoted_text
from parsers.values.numbers import parse_number

ASKED_RULE = "thread-asked"
# A clause that adds an article of its own to the answer: the body's reader reads it.
_ADDS = re.compile(r"\b(?:add|also|ajout\w*|rajout\w*|en plus|aussi)\b", re.I)
_CLAUSES = re.compile(r"\s*(?:[,;&+]|\bet\b|\band\b)\s*", re.I)
_NUMBER = r"\d+(?![.,]\d)"
# '6 x 42', '5 in L', '1 cyan', '10 please': the count opens the clause; 'noir x2': it closes it.
_LEADS = re.compile(
    rf"^(?:x\s*)?(?P<n>{_NUMBER})\b(?:\s*(?:x|×|in|en|of|de|pcs?|pi[eè]ces?|pairs?|paires?)\b)?\s*", re.I
)
_CLOSES = re.compile(rf"\s*(?:x|×)\s*(?P<n>{_NUMBER})$", re.I)
# The verb that puts the count, before it: 'mettez 3 en 41', 'make it 4 in black', 'send 2 of the L'.
_PUTS = re.compile(
    r"^(?:mett(?:ez|re|s)|mets|envoy(?:ez|er)|pren(?:ez|dre|ds)|livr(?:ez|er)|put|send|take|make\s+(?:it|that))"
    r"(?:[- ](?:en|nous|moi))?\s+(?=\d)",
    re.I,
)
_FIGURES = re.compile(r"\d+(?:[.,]\d+)?")
# A count followed by what it is counted in: '3 en 41', '2 in L', '4 x 43'.
_COUNTED_IN = re.compile(r"\s*(?:x|×|in|en)\s+\w", re.I)
# Words of an answer that tell no variant apart.
_SAYS_NOTHING = re.compile(
    r"\b(?:please|pls|merci|svp|s['’]il vous pla[iî]t|thanks?(?: you)?|ok(?:ay)?|yes|oui|good|fine|great"
    r"|parfait|d['’]accord|bien)\b",
    re.I,
)
_QUOTE_DEPTH = re.compile(r"^[ \t]*((?:>[ \t]?)+)")


def deepest_lines(quoted: str, codes: object = None) -> list[ExtractedLine]:
    """The counted lines of the message quoted deepest (the customer's order under our questions),
    read alone: the questions above it end their own message with a signature."""
    rows = quoted.splitlines(keepends=True)
    depths = [_depth(row) for row in rows]
    deepest = max(depths, default=0)
    if deepest < 2:
        return []
    flat = quoted_text(quoted).splitlines(keepends=True)
    kept = "".join(
        text if depth == deepest else re.sub(r"[^\n]", " ", text)
        for text, depth in zip(flat, depths, strict=True)
    )
    return [ln for ln in read_lines(as_quoted_rows(kept), part=QUOTED_PART, codes=codes) if ln.quantity]


def _depth(row: str) -> int:
    found = _QUOTE_DEPTH.match(row)
    return found.group(1).count(">") if found else 0


def asked_about(
    quoted: str, lines: list[ExtractedLine], question: tuple[int, int], since: int
) -> ExtractedLine | None:
    """The quoted line our question at `question` asks about: the one written just above it (a question
    under each line), else the one line whose words the question writes (questions over the order),
    else the uncounted row of the customer's order just above it ('toners pour la salle 12')."""
    asked = quoted[question[0] : question[1]]
    if "?" not in asked and not _CHOICE.search(asked):
        return None
    words = _words(asked)
    shared = [(len(words & _words(ln.description.value if ln.description else "")), ln) for ln in lines]
    best = max((count for count, _ in shared), default=0)
    named = [ln for count, ln in shared if count == best]
    # A row of the order written without a count may name what our point is about better than any line.
    row = _row_named(quoted, asked, question[1])
    if best and len(named) == 1 and (row is None or row[0] <= best):
        return named[0]
    above = [ln for ln in lines if since <= written_at(ln, -1) < question[0]]
    if above and row is None:
        return max(above, key=lambda ln: written_at(ln, -1))
    return _row_above(quoted, question[0], since) or (row[1] if row is not None else None)


# The number of our point ('1. Papier couleur ...'): no figure it offers.
_POINT_NUMBER = re.compile(r"^[>\s]*\d{1,2}[.)]\s")
# Our point sets out options without a question mark ('... par boîte de 10 ou en étui de 4').
_CHOICE = re.compile(r"\b(?:ou|or)\b", re.I)
# What our numbered point is about, before its colon: '2. Marqueurs pour tableau blanc : ...'.
_POINT = re.compile(r"^[>\s]*(?:\d{1,2}[.)]|[-*•])\s*(?P<name>[^\W\d_][^:\n?]{1,60}?)\s*:", re.I)


def _row_named(quoted: str, asked: str, after: int) -> tuple[int, ExtractedLine] | None:
    """The one row of the customer's order quoted deeper down that writes the most words of what our
    numbered point is about ('2. Marqueurs pour tableau blanc : ...' for '- des marqueurs pour tableau
    blanc'), as a line without its count, with how many of those words it writes."""
    point = _POINT.match(asked)
    if point is None:
        return None
    words = _words(point["name"])
    rows = []
    offset = after
    for row in quoted[after:].splitlines(keepends=True):
        name = _QUOTE_DEPTH.sub("", row).strip().lstrip("-*• ").strip()
        if _depth(row) >= 2 and name:
            rows.append((len(words & _words(name)), offset + row.index(name), name))
        offset += len(row)
    best = max((shared for shared, _, _ in rows), default=0)
    named = [(at, name) for shared, at, name in rows if shared == best]
    if not best or len(named) != 1:
        return None
    at, name = named[0]
    where = Provenance(part=QUOTED_PART, span=(at, at + len(name)), rule=ASKED_RULE)
    text = Extracted[str](value=name, confidence=0.7, provenance=where)
    return best, ExtractedLine(line_no=0, description=text, provenance=where)


def _row_above(quoted: str, at: int, since: int) -> ExtractedLine | None:
    """The row of a deeper quote just above the question, as a line without its count."""
    end = quoted.rfind("\n", since, at)
    start = quoted.rfind("\n", since, end) + 1 if end > since else -1
    if start < since or end <= start:
        return None
    row = quoted[start:end]
    depth = _depth(row)
    name = _QUOTE_DEPTH.sub("", row).strip()
    if depth < 2 or depth <= _depth(quoted[at:].split("\n", 1)[0]) or not name:
        return None
    offset = start + row.index(name)
    where = Provenance(part=QUOTED_PART, span=(offset, offset + len(name)), rule=ASKED_RULE)
    text = Extracted[str](value=name, confidence=0.7, provenance=where)
    return ExtractedLine(line_no=0, description=text, provenance=where)


def added_from(answer: str) -> int | None:
    """Where, in the answer, a clause adding an article of the sender's own begins."""
    found = _ADDS.search(answer)
    return found.start() if found else None


def asked_lines(
    line: ExtractedLine, answer: str, question: str, part: str, span: tuple[int, int] | None
) -> list[ExtractedLine] | None:
    """The quoted line as the answer to the question about it orders it; None when not read."""
    if line.description is None:
        return None
    cut = added_from(answer)
    said = answer[:cut] if cut is not None else answer
    offered = set(_FIGURES.findall(_POINT_NUMBER.sub("", question)))
    shared: list[str] = []
    counted: list[tuple[Decimal, str]] = []
    for clause in _CLAUSES.split(_SAYS_NOTHING.sub(" ", said).strip(" .!")):
        clause = clause.strip(" .!:")
        count, rest = _count(clause, offered)
        if count is None:
            shared += [clause] if clause else []
        else:
            counted.append((count, rest))
    if len(counted) > 1 and any(not rest for _, rest in counted):
        return None
    if not counted:
        if line.quantity is None:
            return None
        counted = [(line.quantity.value, "")]
    where = Provenance(part=part, span=span, rule=ASKED_RULE)
    read = []
    for count, rest in counted:
        taken = line.model_copy(deep=True)
        words = " ".join(w for w in [_resized(line.description.value, rest), *shared, rest] if w)
        taken.description = line.description.model_copy(update={"value": words})
        taken.code = None
        taken.quantity = Extracted[Decimal](value=count, confidence=0.85, provenance=where)
        taken.notes.append("read again with the answer to our question about it")
        read.append(taken)
    return read


def _resized(description: str, said: str) -> str:
    """The quoted line's words without its size when the answer gives it another one alone ('3 en 42'
    of 'bottes PVC 41', '2 in M' of 'polo navy L'): the size the answer says stands."""
    kind = _SIZE_ALONE.fullmatch(said.strip())
    if kind is None:
        return description
    same = r"\d{1,3}" if kind["figures"] else _LETTER_SIZE
    written = list(re.finditer(rf"(?<![\w.,/-])(?:{same})(?![\w.,/-])", description, re.I))
    if len(written) != 1:
        return description
    return (description[: written[0].start()] + description[written[0].end() :]).strip()


_LETTER_SIZE = r"X{0,3}[SL]|M|\dXL"
_SIZE_ALONE = re.compile(rf"(?P<figures>\d{{1,3}})|(?:{_LETTER_SIZE})", re.I)


def _count(clause: str, offered: set[str]) -> tuple[Decimal | None, str]:
    """The count a clause of the answer gives and its other words. A figure the question wrote ('50 ou
    80 mm') tells a variant, unless the clause counts with it ('3 en 41': three, in size 41)."""
    clause = _PUTS.sub("", clause)
    for pattern in (_LEADS, _CLOSES):
        found = pattern.search(clause)
        counts = found is not None and (
            found["n"] not in offered or _COUNTED_IN.match(clause, found.end("n"))
        )
        if found is not None and counts:
            value = parse_number(found["n"])
            if value:
                return value, (clause[: found.start()] + " " + clause[found.end() :]).strip()
    return None, clause


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]{3,}", text)}
