"""Names followed by their count on one line: 'jambon tranché 2 barquettes', 'bavette 6 kg',
'longe double 2 m : deux', 'cartouches huile, six pièces' (the other shapes: parsers/text/lines.py)."""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, read_quantity
from parsers.values.numbers import NUMBER, parse_number, quantity_words_pattern
from parsers.values.units import normalise_unit, unit_kind, unit_ordered_by
from parsers.vocabulary.words import line_words

# A list item's mark, as typed or as a mail program turns it ('–', '▪', '➢', '→', a box to tick '☐', '[ ]').
BULLET_MARK = r"(?:[-*•·+>–—▪◦‣⁃➢➤→►✓✔☐☑□■]|\[[ xX]?\])"
BULLET = rf"^\s*(?:{BULLET_MARK}|\d{{1,2}}[.)](?=\s)|\(\d{{1,2}}\))?\s*"


_CODE = re.compile(
    r"^(?:(?=[A-Z0-9\-./]*\d)(?![\d]+[xX×]\d)[A-Z0-9][A-Z0-9\-./]{3,}|[A-Z]{2,}(?:-[A-Z0-9]+){2,})$"
)


SIZE = re.compile(r"^\d+(?:[.,]\d+)?\s*[xX×]\s*\d+")
# 'Hublot LED 15W x 4 svp', 'Bin bags 50 L, 10 rolls please': a word of politeness closing the line.
POLITE_WORD = (
    r"(?:svp|stp|s['’]il\s+vous\s+pla[iî]t|s['’]il\s+te\s+pla[iî]t|merci|please|pls|thanks|thank\s+you)\b"
)
POLITE = rf"(?:,?\s+{POLITE_WORD})"


def _counted_after_shapes() -> tuple[re.Pattern[str], ...]:
    """'mozzarella râpée 4 sacs de 2,5 kg' (the packaging's size after it), then 'jambon tranché 2
    barquettes', 'bavette 6 kg (non pas 5)' (the count ends the line, a remark after it)."""
    head = rf"{BULLET}(?P<desc>[^\W\d_].*?)\s+(?P<qty>{NUMBER})\s*(?P<unit>{UNIT_TOKEN})"
    # A remark after a dash holds no figure: in 'huile 5 L - 3' the count is the 3, the 5 L a size.
    tail = rf"(?:\s+\(.*\)|\s+[-–—]\s+[^\d\n]*)?{POLITE}?\s*[.!]?\s*$"
    size = rf"\s+(?:(?:de|of)\s+|d'|d’)?(?P<size>(?P<measure>{NUMBER})\s*(?P<size_unit>{UNIT_TOKEN}))"
    return re.compile(head + size + tail, re.I), re.compile(head + r"(?P<size>)" + tail, re.I)


def _worded_after_shape() -> re.Pattern[str]:
    """'longe double 2 m : deux', 'cartouches huile, six pièces', 'spots 6W, warm white: twelve',
    'antichute 10 m une pièce': the count said in words after the name ends the line."""
    return re.compile(
        rf"{BULLET}(?P<desc>[^\W\d_].*?)(?P<sep>\s*[:,]\s*|\s+[-–—]\s+|\s+)"
        rf"(?P<qty>{quantity_words_pattern()})(?:\s+(?P<unit>{UNIT_TOKEN}))?\s*[.!]?\s*$",
        re.I,
    )


_WORDED_AFTER = _worded_after_shape()
# 'NGK plugs, 20 of them (the plain ones)': the count after the name, pointing back at it.
_OF_THEM = re.compile(
    rf"{BULLET}(?P<desc>[^\W\d_].*?)\s*,\s*(?P<qty>{NUMBER}|{quantity_words_pattern()})\s+(?:of\s+them|en\s+tout)"
    r"(?P<unit>)(?:\s*\([^()]*\))?\s*[.!]?\s*$",
    re.I,
)


_COUNTED_AFTER = _counted_after_shapes()


def read_counted_after(line: str, part: str, start: int) -> ExtractedLine | None:
    """A designation and then its count, with no mark between them: the count needs a unit of its own
    at the line's end, a packaging ('2 barquettes', '4 sacs de 2,5 kg', the size of the packaging
    after it) or a measure customers order by after a name with no figure nor packaging word
    ('bavette 6 kg'; in 'farine T55 25 kg' and 'sacs poubelle 50 L' the measure is a size)."""
    match = next((m for m in (p.match(line) for p in _COUNTED_AFTER) if m and _sized_by_measure(m)), None)
    if not match:
        return None
    unit = normalise_unit(match["unit"])
    desc = match["desc"].strip()
    quantity = parse_number(match["qty"])
    if unit is None or quantity is None or not names_an_article(desc) or counts_inside(desc):
        return None
    if unit_kind(unit) == "count" and quantity != quantity.to_integral_value():
        return None  # 'ciment CEM II 32,5 sac 25 kg': a grade before the packaging word, not a count
    if unit_kind(unit) != "count" and (
        match["size"] or not unit_ordered_by(unit) or re.search(r"\d", desc) or _names_a_packaging(desc)
    ):
        return None  # 'sacs poubelle 50 L', 'farine T55 25 kg': the measure is the article's size
    return line_from_parts(
        part,
        (start, start + len(line)),
        # The packaging's size names the article ('sac de 2,5 kg' beside the 1 kg one): it joins the name.
        desc=(
            f"{desc} {match['size']}" if match["size"] else desc,
            (start + match.start("desc"), start + len(line)),
        ),
        qty=(quantity, (start + match.start("qty"), start + match.end("qty"))),
        unit=(unit, (start + match.start("unit"), start + match.end("unit"))),
        rule="text-designation-count",
        confidence=0.8,
    )


# 'huile de colza : 3 x 5 L', 'Farine T55 - 2 x 25 kg': the count after the name, then what each holds.
_TIMES_MEASURE_AFTER = re.compile(
    rf"{BULLET}(?P<desc>[^\W\d_][^:]*?)(?:\s*:|\s+[-–—])\s*(?P<qty>\d+)\s*[x×]\s*"
    rf"(?P<size>{NUMBER}\s*(?P<size_unit>{UNIT_TOKEN})){POLITE}?\s*[.!]?\s*$",
    re.I,
)


def read_times_measure_after(line: str, part: str, start: int) -> ExtractedLine | None:
    """A name, a colon or a dash, then a count times a measure ('huile de colza : 3 x 5 L'): that many
    articles of the measure, which joins the name as a packaging's size does."""
    match = _TIMES_MEASURE_AFTER.match(line)
    if match is None:
        return None
    unit = normalise_unit(match["size_unit"])
    desc = match["desc"].strip()
    if unit is None or unit_kind(unit) != "measure" or not names_an_article(desc) or counts_inside(desc):
        return None
    return line_from_parts(
        part,
        (start, start + len(line)),
        desc=(f"{desc} {match['size'].strip()}", (start + match.start("desc"), start + match.end("size"))),
        qty=(Decimal(match["qty"]), (start + match.start("qty"), start + match.end("qty"))),
        rule="text-designation-count",
        confidence=0.8,
    )


def read_worded_after(line: str, part: str, start: int) -> ExtractedLine | None:
    """A count in words after the name: with no unit only after a colon or a dash (', une' may end a
    sentence), with one a unit counting pieces or packs, never a measure ('fil, deux mètres')."""
    match = _WORDED_AFTER.match(line) or _OF_THEM.match(line)
    if match is None:
        return None
    quantity, approx = read_quantity(match["qty"])
    unit = normalise_unit(match["unit"].rstrip(".").lower()) if match["unit"] else None
    if quantity is None or approx or (match["unit"] and (unit is None or unit_kind(unit) != "count")):
        return None
    listed = re.match(r"\s*(?:[-*•·+]|\d{1,2}[.)])\s", line) is not None
    if unit is None and match.re is _WORDED_AFTER and match["sep"].strip() in ("", ",")[: 1 if listed else 2]:
        return None  # ', une' may end a sentence; in a list line ('- Ceiling rose, six') it counts the item
    if not names_an_article(match["desc"]) or counts_inside(match["desc"]):
        return None
    return named_then_counted(
        line, match, (quantity, unit), part=part, start=start, rule=("text-designation-count", 0.75)
    )


def named_then_counted(
    line: str,
    match: re.Match[str],
    counted: tuple[Decimal, str | None],
    *,
    part: str,
    start: int,
    rule: tuple[str, float],
    pack: tuple[Decimal | None, tuple[int, int]] | None = None,
) -> ExtractedLine:
    """The line of a name (a code may open it) followed by its count and unit, as `match` found them."""
    quantity, unit = counted
    code, desc, desc_start = split_code(match["desc"], match.start("desc"))
    desc = desc.rstrip(
        " ,;"
    )  # 'Pads front Golf 7, Bosch, x4': the comma before the count is no part of the name
    return line_from_parts(
        part,
        (start, start + len(line)),
        code=(code, (start + match.start("desc"), start + match.start("desc") + len(code))) if code else None,
        desc=(desc, (start + desc_start, start + match.end("desc"))) if desc else None,
        qty=(quantity, (start + match.start("qty"), start + match.end("qty"))),
        unit=(unit, (start + match.start("unit"), start + match.end("unit"))) if unit else None,
        pack=pack,
        rule=rule[0],
        confidence=rule[1],
    )


def _sized_by_measure(match: re.Match[str]) -> bool:
    if not match["size"]:
        return True
    unit = normalise_unit(match["size_unit"])
    return unit is not None and unit_kind(unit) == "measure"


def names_an_article(desc: str) -> bool:
    """A short name, not a sentence ('nous avons reçu 2 cartons') nor a phrase cut before its noun."""
    words = re.findall(r"[\w'’]+", desc.lower())
    subjects = set(line_words().sentence_subjects)
    return (
        0 < len(words) <= MAX_LIST_WORDS // 2 + 2
        and not subjects & set(words)
        and not _FUNCTION_END.search(desc)
    )


def _names_a_packaging(desc: str) -> bool:
    return any(
        (unit := normalise_unit(word)) is not None and unit_kind(unit) == "count"
        for word in re.findall(r"[^\W\d_]+", desc)
    )


def counts_inside(desc: str) -> bool:
    """'emmental : 2 sachets d'1 kg + 1 sac': the name holds another count, the line is no one article's.
    A figure with decimals counts no packaging: in 'embouts 2,5 bte de 100' it is the article's size."""
    return any(
        (unit := normalise_unit(found[2])) is not None
        and unit_kind(unit) == "count"
        and (number := parse_number(found[1])) is not None
        and number == number.to_integral_value()
        for found in re.finditer(rf"(?<![\w.,])({NUMBER})\s*({UNIT_TOKEN})", desc)
    )


_FUNCTION_END = re.compile(r"\b(?:de|des|du|d'|d’|à|au|aux|en|pour|par|of|for|to|with|avec)\s*$", re.I)


def split_code(text: str, at: int) -> tuple[str | None, str, int]:
    """'VJ10126  Gobelet 20 cl' -> ('VJ10126', 'Gobelet 20 cl'); a size is never a code."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    first, _, rest = stripped.partition(" ")
    first = first.rstrip(":-–")
    if _CODE.match(first) and not SIZE.match(first):
        rest_stripped = rest.strip(" -–:\t")
        offset = at + lead + (len(stripped) - len(rest_stripped)) if rest_stripped else at + lead
        return first, rest_stripped, offset
    return None, stripped, at + lead


# A list line is short; a longer run of words after a number is a sentence.
MAX_LIST_WORDS = 12
