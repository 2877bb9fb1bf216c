"""An order line as the text readers build it, and the pieces of writing they share."""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedLine, Provenance
from parsers.values.numbers import parse_number, word_quantity
from parsers.values.units import normalise_unit, unit_kind

# A unit word after a quantity: "ctn", "boîtes", "m²", "rouleau(x)", "pces.".
UNIT_TOKEN = r"[^\W\d_][\w²³]*(?:\(s\))?\.?"
# What each article holds, written between its count and its name ('two 5L cans of', 'three 1 kg loaves').
MEASURE = r"\d+(?:[.,]\d+)?\s?(?:l|litres?|liters?|lt|ml|cl|kg|g)(?![\w])"
# '*Castrol Edge 5W30*': bold or italic marks around words, no part of the designation (nor a '×').
_EMPHASIS_MARKS = re.compile(r"(?<![\w*])\*{1,2}(?=[^\s*])|(?<=[^\s*])\*{1,2}(?![\w*])")
# 'Bottes S5 pointure 43 / 2 paires', 'Parka HV L -> x3': the mark set before the count is none of the name.
_LEFT_MARK = re.compile(r"(?:\s+(?:/|->|=>|→|-|–|\*|\|))+\s*$")
# '... single pieces (not the pack of 10)', '(loose, not the packs of 10)', '(à l'unité, pas le lot de 10)':
# a remark setting another article aside names none of this one ('(the 100-packs, not the small ones)' tells it).
_SET_ASIDE = re.compile(
    r"\s*\((?:[^\W\d_]+(?:[\s'’][^\W\d_]+){0,2},\s*)?(?:not\s+(?:the|a|an)|pas\s+(?:le|la|les|l['’]|un|une)|non\s+pas|rather\s+than|instead\s+of"
    r"|au\s+lieu\s+d|plut[ôo]t\s+que)\b[^()]*\)",
    re.I,
)


def written_at(line: ExtractedLine, default: int = 0) -> int:
    """Where the text the line was read from starts, `default` when it was read from nowhere in it."""
    where = line.provenance
    return where.span[0] if where is not None and where.span is not None else default


def read_quantity(text: str) -> tuple[Decimal | None, bool]:
    """A number or a worded quantity ("deux", "une douzaine"), and whether it is approximate."""
    number = parse_number(text)
    if number is not None:
        return number, False
    worded = word_quantity(text)
    return (worded[0], worded[1]) if worded else (None, False)


def line_from_parts(
    part: str,
    span: tuple[int, int],
    *,
    qty: tuple[Decimal, tuple[int, int]],
    rule: str,
    confidence: float,
    code: tuple[str, tuple[int, int]] | None = None,
    desc: tuple[str, tuple[int, int]] | None = None,
    unit: tuple[str, tuple[int, int]] | None = None,
    pack: tuple[Decimal | None, tuple[int, int]] | None = None,
    pack_unit: tuple[str, tuple[int, int]] | None = None,
    notes: list[str] | None = None,
) -> ExtractedLine:
    def value(item, kind):
        if item is None or item[0] is None:
            return None
        prov = Provenance(part=part, span=item[1], rule=rule)
        return Extracted[kind](value=item[0], confidence=confidence, provenance=prov)

    if desc is not None and desc[0]:
        named = _LEFT_MARK.sub("", _SET_ASIDE.sub("", _EMPHASIS_MARKS.sub("", desc[0]))).strip()
        desc = (named or desc[0], desc[1])
    return ExtractedLine(
        line_no=0,
        code=value(code, str),
        description=value(desc, str),
        quantity=value(qty, Decimal),
        unit=value(unit, str),
        pack_size=value(pack, Decimal),
        pack_unit=value(pack_unit, str),
        provenance=Provenance(part=part, span=span, rule=rule),
        confidence=confidence,
        notes=notes or [],
    )


def measure_after(line: str, end: int) -> bool:
    """The number ending at `end` is followed by a measure's unit ('500 m', '25 kg')."""
    word = re.match(rf"\s*({UNIT_TOKEN})", line[end:])
    unit = normalise_unit(word[1]) if word else None
    return unit is not None and unit_kind(unit) == "measure"
