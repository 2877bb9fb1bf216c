"""Order lines found from the catalogue's side: a known code first, its quantity around it.

The company's skus, EANs and its customers' own codes are known before a
word is read. A line of text that holds one of them is an order line when a
quantity stands next to it, in any of the shapes customers use:
"607511 x 2  cosses rondes", "40  3606481208316  boîte encastrement",
"qté 25 réf OS-17242 (ramettes)", "OS-34084 x 12 classeurs", "CF226X 3x",
"4 OS-47416 agrafes", "OS-33242 enveloppes DL 2 btes", "P/N 7748-64 ... qty 12".
A purely numeric code is thereby never read as the quantity.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Protocol

from models import ExtractedLine
from parsers.text.extracted import line_from_parts
from parsers.values.numbers import parse_number, quantity_words_pattern, word_quantity
from parsers.values.units import normalise_unit, unit_kind


class CodeBook(Protocol):
    """What the reader asks the catalogue: is this token one of the known article codes?"""

    def knows_code(self, token: str) -> bool: ...


_TOKEN = re.compile(r"(?<![\w\-./])[A-Za-z0-9][\w\-./]*[A-Za-z0-9](?![\w\-])")
_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = r"[^\W\d_][\w²³]*\.?"
_BULLET = r"^\s*(?:[-*•·+>]|\d{1,2}[.)](?=\s)|\(\d{1,2}\))?\s*"
# Where the quantity stands, relative to the code: (text before the code, text after it).
_AFTER = [
    re.compile(rf"^\s*[x×*]\s*(?P<qty>{_NUMBER})(?![\d.,]*\s*[x×]\s*\d)"),  # "CODE x 2", "CODE x2"
    re.compile(rf"^\s*(?P<qty>{_NUMBER})\s*[x×]\b(?!\s*\d)"),  # "CODE 3x"
    re.compile(rf"^\s*[:=/\-–]\s*(?P<qty>{_NUMBER})\s*(?P<unit>{_UNIT})?\s*$"),  # "CODE : 5", "CODE / 4"
    re.compile(rf"^\s*\(\s*(?P<qty>{_NUMBER})\s*(?P<unit>{_UNIT})?\s*\)\s*$"),  # "CODE (12)"
]
_LABELLED = re.compile(rf"\b(?:qt[ée]|qte|qty|quantit[ée]|quantity)\s*[:=.]?\s*(?P<qty>{_NUMBER})", re.I)
# 'and two BS-MOP-0504': a clause may open with a count in words right before the code.
_BEFORE = re.compile(
    rf"{_BULLET}(?:[x×*]\s*)?(?P<qty>{_NUMBER}|{quantity_words_pattern()})\s*(?:[x×*]\s*)?(?:(?P<unit>{_UNIT})\s+)?$",
    re.I,
)
# A count inside a sentence, right before the code: marked by 'x' or a unit word, never bare.
_BEFORE_IN_SENTENCE = re.compile(
    rf"(?:^|\s)(?P<qty>{_NUMBER})\s*(?:[x×*]\s*|(?P<unit>{_UNIT})\s+(?:(?:of|de|d'|d’)\s*)?)$"
)
_LEADING = re.compile(
    rf"{_BULLET}(?P<qty>{_NUMBER}|(?:{quantity_words_pattern()})\b)\s*(?:[x×*]\s+|(?P<unit>{_UNIT})\s+)"
    # the name, or the size opening it ('4 x 800 mm truck blades (FLH-55002)')
    rf"(?=[^\W\d_]|{_NUMBER}\s*(?P<size_unit>{_UNIT})\s+[^\W\d_])",
    re.I,
)
# A code written in several words: at most this many, never opened by a count word.
_SPACED_WORDS = 4
_WORD = re.compile(r"(?<![\w\-./])[A-Za-z0-9](?:[\w\-./]*[A-Za-z0-9])?(?![\w\-])")
_SPAN = re.compile(r".+", re.S)
_NOT_CODE_START = {"x", "×", "qté", "qte", "qty", "réf", "ref"}
_CLAUSE_CUT = re.compile(r",\s+|;\s*|\s+(?i:et|and|und|puis|then|plus|also)\s+|[.!?]\s+(?=[A-Z])")
_PRICE = re.compile(r"\s*(?:@|\bat\s+\d|\bà\s+\d|\bp\.?u\.?\s*:?\s*\d)", re.I)
_TRAILING = re.compile(
    rf"(?:^|\s{{2,}}|\t|\s[:=\-–]\s*|\s)(?:[x×](?=\d))?(?P<qty>{_NUMBER})\s*(?P<unit>{_UNIT})?\s*[.!]?\s*$"
)
# An amount in a currency ("259.00 EUR", "45,00 €"): a price column after the count's column.
_AMOUNT = re.compile(rf"\s(?:{_NUMBER})\s*(?:€|eur\b|euros?\b|chf\b|gbp\b|£)", re.I)
_COLUMN_COUNT = re.compile(r"(?:\s{2,}|\t|\s*\|\s*)(?P<qty>\d+)\s*\|?\s*$")
# A price printed to the cent in a column of its own ('   2.90', '  62,00 (prix spécial)'), and
# the count with its unit in the column before it.
_CENTS_COLUMN = re.compile(r"(?:\s{2,}|\t|\s*\|\s*)\d{1,6}[.,]\d{2}(?![\d.,])")
_COLUMN_COUNT_UNIT = re.compile(rf"(?:\s{{2,}}|\t|\s*\|\s*)(?P<qty>\d+)(?:\s*(?P<unit>{_UNIT}))?\s*\|?\s*$")


def read_code_line(
    line: str, book: CodeBook, *, part: str, start: int, spans: list[re.Match[str]] | None = None
) -> ExtractedLine | None:
    """The order line built around the one known code a line of text names, or None.

    `spans` are the line's `code_spans` when the caller has them already."""
    codes = _once_each(_outside_brackets(line, code_spans(line, book) if spans is None else spans))
    if len(codes) != 1:
        return None
    code = codes[0]
    before, after = line[: code.start()], line[code.end() :]
    variant = _family_variant(book, code.group(0), after)
    found = _quantity(before, _blank(after, variant), code.end()) if variant else None
    if found is None:
        variant, found = None, _quantity(before, after, code.end())
    if found is None:
        found = _count_after_size(after, code.end(), book)
    if found is None:
        return None
    qty_span, value, unit = found
    taken = (qty_span[0], max(qty_span[1], unit[1][1] if unit else 0))
    desc_text, desc_span = _designation(line, code.span(), taken)
    if variant is not None:
        desc_text, desc_span = _with_variant(desc_text, desc_span, variant, code.end())
    return line_from_parts(
        part,
        (start, start + len(line)),
        code=(code.group(0), (start + code.start(), start + code.end())),
        desc=(desc_text, (start + desc_span[0], start + desc_span[1])) if desc_text else None,
        qty=(value, (start + qty_span[0], start + qty_span[1])),
        unit=(unit[0], (start + unit[1][0], start + unit[1][1])) if unit else None,
        rule="text-known-code",
        confidence=0.9,
    )


def _once_each(codes: list[re.Match[str]]) -> list[re.Match[str]]:
    """Each code at its first writing: a quote's row printing its code again in the designation ('1 x 6PK1035
    Courroie Gates 6PK1035  19,90 €') names one article."""
    seen: set[str] = set()
    first = []
    for found in codes:
        if found.group(0).casefold() not in seen:
            seen.add(found.group(0).casefold())
            first.append(found)
    return first


def _outside_brackets(line: str, codes: list[re.Match[str]]) -> list[re.Match[str]]:
    """Of several codes, those outside brackets: 'FLH-52001 x 10 (oil filter W 962/14)' is the customer's
    code with the maker's printed in its designation, one article."""
    if len(codes) < 2:
        return codes
    inside = [line.count("(", 0, m.start()) > line.count(")", 0, m.start()) for m in codes]
    return [m for m, bracketed in zip(codes, inside, strict=True) if not bracketed] if any(inside) else codes


# A size or variant written right after a family's code: '(CHS-S3-740) 40', 'GT-8800 T9', 'pointure 42', 'L'.
_VARIANT = re.compile(
    r"^\)?\s*(?P<variant>(?:(?:taille|size|pointure|sz)\s*)?(?:[A-Za-z]?\d{1,2}(?:/\d{1,2})?|[2-4]?X{0,3}[SML]))(?![\w/.,])",
    re.I,
)


def _family_variant(book: CodeBook, code: str, after: str) -> re.Match[str] | None:
    """The variant written after a code that names a family of articles ('BOT-S5-200  42 x 10'):
    a part of the article's name, no count."""
    names_family = getattr(book, "names_family", None)
    if names_family is None or not names_family(code):
        return None
    return _VARIANT.match(after)


def _blank(after: str, variant: re.Match[str]) -> str:
    return " " * variant.end() + after[variant.end() :]


def _with_variant(
    desc: str, span: tuple[int, int], variant: re.Match[str], code_end: int
) -> tuple[str, tuple[int, int]]:
    at = (code_end + variant.start("variant"), code_end + variant.end("variant"))
    if not desc:
        return variant["variant"], at
    if span[0] <= at[0] and at[1] <= span[1]:
        return desc, span  # 'BOT-S5-200 taille 44 : 6 paires': the designation holds it already
    return f"{desc} {variant['variant']}", (min(span[0], at[0]), max(span[1], at[1]))


def code_spans(line: str, book: CodeBook) -> list[re.Match[str]]:
    """The known codes a line names, each once: one token ('W712/73'), or several written
    with spaces ('0 986 494 030', 'HU 7008 z', 'SPB 2000'), the longest first."""
    # Digits up to each place of the line: a code written with spaces has one.
    digits = list(accumulate(map(str.isdigit, line), initial=0))
    words = list(_WORD.finditer(line)) if digits[-1] else []
    starts, ends = [w.start() for w in words], [w.end() for w in words]
    opening = [w.group(0).lower() not in _NOT_CODE_START for w in words]
    found: list[re.Match[str]] = []
    for size in range(_SPACED_WORDS, 1, -1):
        for i in range(len(words) - size + 1):
            start, end = starts[i], ends[i + size - 1]
            if not opening[i] or digits[end] <= digits[start]:
                continue
            text = line[start:end]
            if "  " in text or "\t" in text:
                continue
            if book.knows_code(text) and not _overlaps(found, start, end):
                found.append(_SPAN.search(line, start, end))
    singles = [m for m in _TOKEN.finditer(line) if book.knows_code(m.group(0))]
    found += [m for m in singles if not _overlaps(found, m.start(), m.end())]
    return sorted(found, key=lambda m: m.start())


def _overlaps(found: list[re.Match[str]], start: int, end: int) -> bool:
    return any(m.start() < end and start < m.end() for m in found)


def code_clauses(
    line: str, book: CodeBook, *, spans: list[re.Match[str]] | None = None
) -> list[tuple[str, int]] | None:
    """The clauses of a sentence naming several known codes ('4 pcs of A, 6 pcs of B and 10 of C'), each
    with its offset; None when the line names fewer than two codes or a clause holds more than one.
    `spans` are the line's `code_spans` when the caller has them already."""
    if len(code_spans(line, book) if spans is None else spans) < 2:
        return None
    clauses, at = [], 0
    for cut in [*_CLAUSE_CUT.finditer(line), None]:
        end = cut.start() if cut else len(line)
        if line[at:end].strip():
            clauses.append((line[at:end], at))
        at = cut.end() if cut else end
    return None if any(len(code_spans(text, book)) > 1 for text, _ in clauses) else clauses


def _quantity(before: str, after: str, code_end: int):
    """(span in the line, value, (unit, span) or None) of the quantity next to the code."""
    labelled = _LABELLED.search(before) or _LABELLED.search(after)
    if labelled is not None:
        shift = 0 if labelled.string is before else code_end
        return _found(labelled, shift)
    for pattern in _AFTER:
        match = pattern.match(after)
        if match:
            return _found(match, code_end)
    match = _BEFORE.match(before)
    if match:
        return _found(match, 0)
    match = _BEFORE_IN_SENTENCE.search(before)  # "please deliver 4 pcs of CODE", "merci de livrer 3 x CODE"
    found = _found(match, 0) if match else None
    if found is not None and (match["unit"] is None or found[2] is not None):
        return found
    packs = _counted_packs(after, code_end)
    if packs is not None:
        return packs
    columns = _priced_columns(after)
    if columns is not None:
        return _found(columns, code_end)
    priced = _PRICE.search(after)  # "24 rolls @ 2.20": the price is no quantity
    match = _TRAILING.search(after[: priced.start()] if priced else after)
    if match and not _is_size(after[: match.start("qty")], match):
        return _found(match, code_end)
    # "1 filtre à huile W712/73", "2 btes P21W 24V 7511", "quatre bougies 0 250 403 009": the count
    # opens the line, the code ends it.
    match = _LEADING.match(before)
    if match and not re.search(r"\d", after) and _sized_by_measure(match):
        return _found(match, 0)
    return None


def _sized_by_measure(match: re.Match[str]) -> bool:
    """A figure after the leading count is a size in a measure ('800 mm'), never another count ('10 boxes')."""
    if match["size_unit"] is None:
        return True
    unit = normalise_unit(match["size_unit"].rstrip("."))
    return unit is not None and unit_kind(unit) == "measure"


# 'LCE028 botte PVC verte 42 x 6', '303402 ICTA couronne 100 m x 3': a figure, 'x' and the count ending the line.
_SIZE_THEN_COUNT = re.compile(
    rf"\s(?P<size>{_NUMBER})\s*(?:[^\W\d_]{{1,2}}\s+)?[x×]\s*(?P<qty>\d+)\s*[.!]?\s*$"
)


# 'boîtes de dérivation 105x105 x 20', 'vis 5x60 x 200': a dimension, then 'x' and the count ending the line.
_DIMENSION_THEN_COUNT = re.compile(
    rf"(?<![\w,.])(?P<first>{_NUMBER})\s*[x×]\s*(?P<size>{_NUMBER})\s+[x×]\s*(?P<qty>\d+)\s*[.!]?\s*$"
)


def _count_after_size(after: str, code_end: int, book: CodeBook):
    """'42 x 6', 'couronne 100 m x 3' after a known code: a size and its count, unless the catalogue
    prints them as one of its articles' sizes ('Vis 5 x 60'): the 'x' then joins a dimension. After a
    dimension the catalogue prints ('105x105 x 20'), the figure after the second 'x' is the count."""
    prints = getattr(book, "prints_dimension", None)
    if prints is None:
        return None
    dimension = _DIMENSION_THEN_COUNT.search(after)
    if dimension is not None:
        printed = prints(dimension["first"], dimension["size"]) and not prints(
            dimension["size"], dimension["qty"]
        )
        return _found(dimension, code_end) if printed else None
    match = _SIZE_THEN_COUNT.search(after)
    if match is None or prints(match["size"], match["qty"]):
        return None
    return _found(match, code_end)


# 'Écrou M8 - 2 boîtes de 100 - 3,50 €': a count of packs and what each holds, never a size's figure ('4 x 40
# boîte de 200') nor a pack counted after ('boîte de 200 x 5').
_PACKS = re.compile(
    rf"(?:^|(?<=[\s\-–:,]))(?<![x×]\s)(?P<qty>\d+)\s*(?P<unit>{_UNIT})\s+(?:de|of|x)\s+\d+(?![\d.,]*\s*[x×])",
    re.I,
)


def _counted_packs(after: str, code_end: int):
    """The first count of packs after the code, when its unit is one counted in."""
    for match in _PACKS.finditer(after):
        found = _found(match, code_end)
        if found is not None and found[2] is not None:
            return found
    return None


def _priced_columns(after: str) -> re.Match[str] | None:
    """'OS-65234   Fauteuil ergonomique noir     3   259.00 EUR': a quote's or order's row in columns,
    the count in its own column just before the first amount in a currency, or before a column of
    cents ('Hi-vis vest orange XL      30 pcs    2.90')."""
    amount = _AMOUNT.search(after)
    if amount is not None:
        return _COLUMN_COUNT.search(after, 0, amount.start())
    cents = _CENTS_COLUMN.search(after)
    return _COLUMN_COUNT_UNIT.search(after, 0, cents.start()) if cents else None


def _found(match: re.Match[str], shift: int):
    worded = word_quantity(match["qty"]) if match.re in (_BEFORE, _LEADING) else None
    value = worded[0] if worded and not worded[1] else parse_number(match["qty"])
    if value is None or value <= 0:
        return None
    unit = None
    if "unit" in match.groupdict() and match["unit"]:
        name = normalise_unit(match["unit"])
        if name is None and match.re not in (_BEFORE, _LEADING):
            return None  # "24/6 agrafes" style: a word that is no unit follows a size
        if name is not None and unit_kind(name) == "count":
            unit = (name, (shift + match.start("unit"), shift + match.end("unit")))
    return (shift + match.start("qty"), shift + match.end("qty")), value, unit


def _is_size(before: str, match: re.Match[str]) -> bool:
    """'Pilot G2 0.7 box/12', 'étui 5 x 60', '20 mm': the number belongs to the designation."""
    if re.search(r"\s[x×]$", before):  # 'front pads  x4 sets': spaced from the name, glued to the count
        return False
    # 'étui 5 x 60', '25 mm x 50': an x after a figure joins a dimension ('gants cuir x 10' counts).
    if re.search(r"\d\s*(?:[^\W\d_]{1,2}\s*)?[x×]\s*$|[/*]\s*$", before):
        return True
    unit = normalise_unit(match["unit"]) if match["unit"] else None
    return bool(match["unit"]) and (unit is None or unit_kind(unit) == "measure")


def _designation(line: str, code: tuple[int, int], qty: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """The longest stretch of words beside the code and the quantity."""
    cuts = sorted([code, qty])
    pieces = [(0, cuts[0][0]), (cuts[0][1], cuts[1][0]), (cuts[1][1], len(line))]
    best = ("", (0, 0))
    for begin, end in pieces:
        text = line[begin:end]
        prices = (_PRICE.search(text), _AMOUNT.search(text), _CENTS_COLUMN.search(text))
        cuts = [found.start() for found in prices if found]
        text = text[: min(cuts)] if cuts else text
        stripped = re.sub(r"^[\s\-–/:|,;x×*()]+|[\s\-–/:|,;()]+$", "", text)
        stripped = re.sub(r"^(?:r[ée]f\.?|p/n|code|qt[ée]|qty)\s*:?\s*", "", stripped, flags=re.I)
        stripped = re.sub(r"\s+(?:qt[ée]|qty|[x×])\.?$", "", stripped, flags=re.I)
        stripped = re.sub(r"^(?:(?:of|the|de|du|des|d'|les?|la)(?:\s+|$))+", "", stripped, flags=re.I)
        if re.search(r"[^\W\d_]{2,}", stripped) and len(stripped) > len(best[0]):
            at = begin + text.find(stripped[:1]) if stripped else begin
            best = (stripped, (at, at + len(stripped)))
    return best
