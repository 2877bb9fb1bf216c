"""One count said once for several articles, and one article split in sizes.

"Merci de nous livrer 6 pièces de chaque modèle :" over a list of articles written without
counts, "2 of each, please:" over a list of codes: each article of the list, that count.
"Gants cuir : T9 x 20, T10 x 10": the article once, one line per size with its count; so too
"emmental râpé : 2 sachets d'1 kg + 1 sac de 2,5 kg", "cable: 2 coils of 50 m and 1 coil of 100 m".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

from models import Extracted, ExtractedLine, Provenance
from parsers.text.codes import CodeBook
from parsers.values.numbers import NUMBER, parse_number
from parsers.values.units import normalise_unit, unit_kind

_EACH = re.compile(
    rf"(?<![\w.,])(?P<qty>{NUMBER})\s*(?:(?P<unit>[^\W\d_]+\.?)\s+)?"
    r"(?:de\s+chaque|de\s+chacun(?:e)?|pour\s+chaque|of\s+each|each\s+of|each)\b"
    r"(?:\s+(?:mod[èe]le|article|r[ée]f[ée]rence|r[ée]f|taille|couleur|item|model|size|colou?r|one)s?\b)?"
    r"(?:\s*,?\s*(?:please|svp|s'il vous pla[iî]t|merci))?\s*:?\s*$",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_SIZE_ITEM = re.compile(
    r"(?P<size>(?:\b(?:T|taille|size|sz\.?)\s*)(?P<value>\d{1,2}(?:[.,]5)?|XS|S|M|L|XL|XXL|\d?XL))\s*[x×:]\s*(?P<qty>\d+)\b",
    re.I,
)
# '2 sachets d'1 kg', '1 coil of 100 m': a count of packagings and the size of each.
_PACKED_ITEM = re.compile(
    rf"(?<![\w.,])(?P<qty>{NUMBER})\s*(?P<unit>[^\W\d_]+\.?)\s+(?:de\s+|of\s+|d'|d’)\s*"
    rf"(?P<size>{NUMBER}\s*(?P<size_unit>[^\W\d_]+))\b",
    re.I,
)
# What may stand between two sizes of one article: ', ', ' et ', ' and ', ' + '.
_GAP = re.compile(r"[\s,;/+]|\bet\b|\band\b", re.I)
# A list line that counts something of its own is no article of the list ('- Raccord PER Ø16 : 4').
_OWN_COUNT = re.compile(r"(?:[:=x×]\s*\d+\s*$|^\s*\d+\s*(?:x|×|[^\W\d_]+)\s)", re.I)


def read_each(text: str, *, part: str, codes: CodeBook | None) -> list[ExtractedLine]:
    """The lines of every "N of each:" over the list below it, and of every article split in sizes."""
    found: list[ExtractedLine] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for number, line in enumerate(lines):
        each = _EACH.search(line)
        if each is not None:
            found += _listed(lines, number + 1, starts, each, starts[number], part=part, codes=codes)
            continue
        found += _sizes(line, starts[number], part=part) or _packed(line, starts[number], part=part)
    return found


def _listed(
    lines: list[str],
    first: int,
    starts: list[int],
    each: re.Match[str],
    at: int,
    *,
    part: str,
    codes: CodeBook | None,
) -> list[ExtractedLine]:
    quantity = parse_number(each["qty"])
    if quantity is None or quantity <= 0:
        return []
    unit = normalise_unit(each["unit"]) if each["unit"] else None
    items: list[ExtractedLine] = []
    for number in range(first, len(lines)):
        raw = lines[number]
        if not raw.strip():
            if items:
                break
            continue
        bullet = _BULLET.match(raw)
        wording = raw[bullet.end() :] if bullet else raw
        if _OWN_COUNT.search(wording) or not (bullet or _is_code(wording, codes)):
            break
        start = starts[number] + len(raw) - len(wording)
        items.append(_line(wording.strip(), start, quantity, each, at, unit, part=part, codes=codes))
    return items if len(items) >= 2 else []


def _is_code(wording: str, codes: CodeBook | None) -> bool:
    return codes is not None and len(wording.split()) == 1 and codes.knows_code(wording.strip())


def _line(
    wording: str,
    start: int,
    quantity: Decimal,
    each: re.Match[str],
    at: int,
    unit: str | None,
    *,
    part: str,
    codes: CodeBook | None,
) -> ExtractedLine:
    where = Provenance(part=part, span=(start, start + len(wording)), rule="each")
    counted = Provenance(part=part, span=(at + each.start("qty"), at + each.end("qty")), rule="each")
    line = ExtractedLine(
        line_no=0,
        quantity=Extracted[Decimal](value=quantity, confidence=0.85, provenance=counted),
        provenance=where,
    )
    if _is_code(wording, codes):
        line.code = Extracted[str](value=wording, confidence=0.9, provenance=where)
    else:
        line.description = Extracted[str](value=wording, confidence=0.85, provenance=where)
    if unit is not None:
        line.unit = Extracted[str](value=unit, confidence=0.8, provenance=counted)
    return line


def _packed(line: str, at: int, *, part: str) -> list[ExtractedLine]:
    """'emmental râpé : 2 sachets d'1 kg + 1 sac de 2,5 kg': the article once, a line per packaging size."""
    items = [m for m in _PACKED_ITEM.finditer(line) if _counts_packaging(m)]
    return _split_article(line, items, at, part=part, unit_of=lambda m: normalise_unit(m["unit"]))


def _counts_packaging(item: re.Match[str]) -> bool:
    unit, size_unit = normalise_unit(item["unit"]), normalise_unit(item["size_unit"])
    return (
        unit is not None
        and unit_kind(unit) == "count"
        and size_unit is not None
        and unit_kind(size_unit) == "measure"
    )


def _sizes(line: str, at: int, *, part: str) -> list[ExtractedLine]:
    """'Gants cuir : T9 x 20, T10 x 10': the article written once, a line per size."""
    return _split_article(line, list(_SIZE_ITEM.finditer(line)), at, part=part, unit_of=lambda m: None)


def _split_article(
    line: str,
    items: list[re.Match[str]],
    at: int,
    *,
    part: str,
    unit_of: Callable[[re.Match[str]], str | None],
) -> list[ExtractedLine]:
    """The article written before the first item, one line per item (its size joined to the name)."""
    if len(items) < 2:
        return []
    article = line[: items[0].start()].strip(" :,-\t")
    between = [line[a.end() : b.start()] for a, b in pairwise(items)]
    if not re.search(r"[^\W\d_]{3,}", article) or any(_GAP.sub("", gap).strip() for gap in between):
        return []
    found = []
    for item in items:
        where = Provenance(part=part, span=(at + item.start(), at + item.end()), rule="each-size")
        unit = unit_of(item)
        found.append(
            ExtractedLine(
                line_no=0,
                description=Extracted[str](
                    value=f"{article} {item['size']}", confidence=0.85, provenance=where
                ),
                quantity=Extracted[Decimal](
                    value=parse_number(item["qty"]),
                    confidence=0.85,
                    provenance=Provenance(
                        part=part, span=(at + item.start("qty"), at + item.end("qty")), rule="each-size"
                    ),
                ),
                unit=Extracted[str](value=unit, confidence=0.85, provenance=where) if unit else None,
                provenance=where,
            )
        )
    return found
