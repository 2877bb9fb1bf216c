"""A list line that orders the article of the line above in another size or colour.

"- 24 pr cut resistant gloves, level D, size 9/L" then "- 12 pr same, 10/XL"; "3 gilets jaunes
XL" then "2 idem en L"; "6 casques blancs" then "4 pareil en rouge". The line above names the
article; this line says its count (and unit) and what differs. Its designation is the line above's
with the size or colour swapped, its unit the one it says or the line above's. A line whose
difference swaps nothing in the name above is no line of it (a clerk reads it).
"""

from __future__ import annotations

import re

from models import ExtractedLine
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, read_quantity
from parsers.text.variants import colour_pattern, swap_colour, swap_size
from parsers.values.numbers import NUMBER, quantity_words_pattern
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.sizes import ambiguous_letter, is_size

RULE = "text-ditto"
_BULLET = r"^\s*(?:[-*•·+>]|\d{1,2}[.)](?=\s))?\s*"
# A size written in two notations ('9/L', '10/XL'): the one size the catalogue may print either way.
_PAIRED = re.compile(r"(?<![\w/])\d{1,2}/[A-Z]{1,4}(?![\w/])")


def _pattern() -> re.Pattern[str]:
    # '- 5 paires en 9', '10 in 2XL': with no 'same', the line says only its count and a size or colour
    return re.compile(
        rf"{_BULLET}(?P<qty>{NUMBER}|{quantity_words_pattern()})\s*(?:(?P<unit>{UNIT_TOKEN})\s+)??"
        r"(?:(?:the\s+)?(?P<same>same|idem|ditto|pareil|les\s+m[êe]mes|la\s+m[êe]me|le\s+m[êe]me)\b"
        r"\s*(?:,\s*|\s+(?:in|en|but|mais)\s+(?:size\s+|taille\s+)?)|(?:in|en)\s+(?:size\s+|taille\s+|pointure\s+)?"
        # '- 10 boîtes taille L' under '- 10 boîtes de gants nitrile taille M': the size's label alone
        r"|(?P<label>size|taille|pointure)\s+(?=[^,;()]{1,6}\s*[.!]?\s*$))"
        r"(?P<what>[^,;()]+?)\s*[.!]?\s*$",
        re.I,
    )


_DITTO = _pattern()
# '4 x 30W', '16A x 2': a count and a rating alone, under a line whose article is rated in the same letters.
_RATING = r"(?P<what>\d+(?:[.,]\d+)?\s?(?P<letters>[^\W\d_]{1,3}))"
_RATED = re.compile(
    rf"{_BULLET}(?:(?P<qty>\d{{1,4}})\s*[x×]\s*{_RATING}|{_RATING.replace('?P<', '?P<r_')}\s*[x×]\s*(?P<r_qty>\d{{1,4}}))"
    r"\s*[.!]?\s*$",
    re.I,
)


def read_ditto(line: str, above: ExtractedLine | None, *, part: str, start: int) -> ExtractedLine | None:
    """The line above's article in the size or colour this line names, counted as this line says."""
    if above is None or above.description is None:
        return None
    match = _DITTO.match(line)
    if match is None:
        return _read_rated(line, above, part=part, start=start)
    quantity, approx = read_quantity(match["qty"])
    unit = normalise_unit(match["unit"].rstrip(".")) if match["unit"] else None
    if quantity is None or approx or (match["unit"] and unit is None):
        return None
    what = match["what"].strip()
    # After its label a letter is a size ('taille L'), never litres.
    labelled = match["label"] is not None and is_size(what, bare=True)
    if match["same"] is None and not (labelled or _one_size_or_colour(what)):
        return None  # '2 en stock', '3 in the van': no size nor colour
    desc = _swapped(above.description.value, what)
    if desc is None:
        return None
    unit = unit or (above.unit.value if above.unit else None)
    return line_from_parts(
        part,
        (start, start + len(line)),
        desc=(desc, (start + match.start("what"), start + match.end("what"))),
        qty=(quantity, (start + match.start("qty"), start + match.end("qty"))),
        unit=(
            unit,
            (start + match.start("unit"), start + match.end("unit")) if match["unit"] else (start, start),
        )
        if unit
        else None,
        rule=RULE,
        confidence=0.7,
    )


def _read_rated(line: str, above: ExtractedLine, *, part: str, start: int) -> ExtractedLine | None:
    """'4 x 30W' under '6 x 50W LED floodlights, black': the article above in the rating this line says."""
    match = _RATED.match(line)
    if match is None or above.description is None:
        return None
    r = "" if match["qty"] else "r_"
    letters, what = match[f"{r}letters"], " ".join(match[f"{r}what"].split())
    base = above.description.value
    rated = list(re.finditer(rf"(?<![\w.,])\d+(?:[.,]\d+)?\s?{re.escape(letters)}(?!\w)", base, re.I))
    quantity = read_quantity(match[f"{r}qty"])[0]
    if not rated or not quantity:
        return None  # the line above is rated in no such letters: a clerk reads it
    desc = f"{base[: rated[-1].start()]}{what}{base[rated[-1].end() :]}"
    unit = above.unit.value if above.unit else None
    return line_from_parts(
        part,
        (start, start + len(line)),
        desc=(desc, (start + match.start(f"{r}what"), start + match.end(f"{r}what"))),
        qty=(quantity, (start + match.start(f"{r}qty"), start + match.end(f"{r}qty"))),
        unit=(unit, (start, start)) if unit else None,
        rule=RULE,
        confidence=0.7,
    )


def _one_size_or_colour(what: str) -> bool:
    return bool(
        _PAIRED.fullmatch(what)
        or re.fullmatch(colour_pattern(), what, re.I)
        or (is_size(what, bare=True) and not ambiguous_letter(what))
    )


# A row under its table's header names the row above less surely than the row does its own article, though
# more surely than a list line does ('12 pr same, 10/XL'): the columns say which words are the name.
SAME_ROW_CONFIDENCE = 0.8
# A table row that orders the row above's article in another pack or size: 'Same, 20 L drum'.
_SAME_CELL = re.compile(
    r"^(?:the\s+)?(?:same|idem|ditto|pareil|le\s+m[êe]me|la\s+m[êe]me|les\s+m[êe]mes)\b"
    r"\s*(?:,\s*|\s+(?:in|en|but|mais)\s+|\s*[-:]\s*)(?P<what>\S.*)$",
    re.I,
)
# The packaging a table row's designation ends with ('... case 4 x 5 L'), read from a column of its own.
_PACK_TAIL = re.compile(rf"\s+(?P<unit>{UNIT_TOKEN})(?=\s*(?:de|of|x|à)?\s*\d[^()]*$)", re.I)


def same_as_row_above(row: ExtractedLine, above: ExtractedLine | None) -> ExtractedLine:
    """A table row whose designation says 'same' names the row above's article with what it writes
    instead of that row's packaging ('Same, 20 L drum' under '... mint (concentrate) | case 4 x 5 L')."""
    match = _SAME_CELL.match(row.description.value) if row.description else None
    if match is None or above is None or above.description is None:
        return row
    base = above.description.value
    for tail in _PACK_TAIL.finditer(base):
        if unit_kind(normalise_unit(tail["unit"].rstrip(".")) or "") == "count":
            base = base[: tail.start()]
            break
    what = match["what"].strip()
    desc = row.description.model_copy(
        update={"value": _swapped(base, what) or f"{base} {what}", "confidence": SAME_ROW_CONFIDENCE}
    )
    return row.model_copy(
        update={"description": desc, "confidence": min(row.confidence, SAME_ROW_CONFIDENCE)}
    )


def _swapped(base: str, what: str) -> str | None:
    if _PAIRED.fullmatch(what):
        found = list(_PAIRED.finditer(base))
        if found:
            last = found[-1]
            return f"{base[: last.start()]}{what}{base[last.end() :]}"
    if re.fullmatch(rf"{colour_pattern()}", what, re.I):
        return swap_colour(base, what)
    return swap_size(base, what)
