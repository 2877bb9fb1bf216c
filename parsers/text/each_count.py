"""Counts said once for several articles or sizes (vocabulary: parsers/data/sizes.toml).

- one count said for every article of the list below it: "Merci de nous livrer 6 pièces de chaque
  modèle :" over articles written without counts, "2 of each, please:" over a list of codes;
  or for every known code before it: "Toner TK-5240C, TK-5240M et TK-5240Y : 1 de chaque";
- one count said for every size of a range: "des bottes PVC S5 vertes, 6 paires de chaque pointure
  du 40 au 45" (across a wrapped line too), "2 of each size from S to XL".
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from models import Extracted, ExtractedLine, Provenance
from parsers.text.codes import CodeBook, code_spans
from parsers.text.extracted import line_from_parts
from parsers.text.sizes import alternatives, asking
from parsers.values.numbers import NUMBER, parse_number
from parsers.values.units import normalise_unit
from parsers.vocabulary.sizes import each_words, size_words, variant_words

EACH_RULE, RANGE_RULE = "each", "text-size-range"

# -- one count for each article of a list ---------------------------------------------------

# A list item: a bullet, or a number and its dot ('1. Coude cuivre').
_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
# A list line that counts something of its own is no article of the list ('- Raccord PER Ø16 : 4').
_OWN_COUNT = re.compile(r"(?:[:=x×]\s*\d+\s*$|^\s*\d+\s*(?:x|×|[^\W\d_]+)\s)", re.I)


@lru_cache(maxsize=1)
def _each_pattern() -> re.Pattern[str]:
    words = each_words()
    return re.compile(
        rf"(?<![\w.,])(?P<qty>{NUMBER})\s*(?:(?P<unit>[^\W\d_]+\.?)\s+)?"
        rf"(?:{alternatives(words.words)})\b"
        rf"(?:\s+(?:{alternatives(words.nouns)})s?\b)?"
        rf"(?:\s*,?\s*(?:{alternatives(words.courtesy)}))?\s*:?\s*$",
        re.I,
    )


def read_each(text: str, *, part: str, codes: CodeBook | None) -> list[ExtractedLine]:
    """The lines of every "N of each:" over the list below it, and of every "N of each size from A to B"."""
    found: list[ExtractedLine] = _ranges(text, part=part)
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for number, line in enumerate(lines):
        each = _each_pattern().search(line)
        if each is None:
            continue
        named = _codes_before(line, each, starts[number], part=part, codes=codes)
        named = named or _colours_before(line, each, starts[number], part=part)
        found += named or _listed(lines, number + 1, starts, each, starts[number], part=part, codes=codes)
    return found


def _codes_before(
    line: str, each: re.Match[str], at: int, *, part: str, codes: CodeBook | None
) -> list[ExtractedLine]:
    """'Toner TK-5240C, TK-5240M et TK-5240Y : 1 de chaque': a line per known code the count follows."""
    if codes is None or not re.search(r"[:=\-–]\s*$|\s$", line[: each.start()]):
        return []
    spans = [m.span() for m in code_spans(line[: each.start()], codes)]
    quantity = parse_number(each["qty"])
    if len(spans) < 2 or not quantity:
        return []
    unit = normalise_unit(each["unit"]) if each["unit"] else None
    counted = Provenance(part=part, span=(at + each.start("qty"), at + each.end("qty")), rule=EACH_RULE)
    return [
        _listed_line(line[begin:end], at + begin, quantity, counted, unit, part=part, codes=codes)
        for begin, end in spans
    ]


_NOT_THIS = re.compile(r"\s*\((?:pas|non|not|no)\b[^()]*\)", re.I)


@lru_cache(maxsize=1)
def _colours_listed() -> re.Pattern[str]:
    colour = alternatives(variant_words().colours)
    join = r"\s*(?:,|&|\bet\b|\band\b)\s*"
    return re.compile(rf"(?<!\w)(?:{colour})(?:{join}(?:{colour}))+(?=[\s:=\-–]*$)", re.I)


def _colours_before(line: str, each: re.Match[str], at: int, *, part: str) -> list[ExtractedLine]:
    """'HP 963 cyan, magenta, jaune : 1 de chaque', 'Post-it 76x76 yellow, pink and blue: 2 of each': the
    article named before its colours, a line per colour in it."""
    listed = _colours_listed().search(line, 0, each.start())
    bullet = _ITEM.match(line)
    head_start = bullet.end() if bullet else 0
    # '(pas XL)', '(not the refills)': what the article is not names none of it
    head = _NOT_THIS.sub("", line[head_start : listed.start()]).strip(" ,") if listed else ""
    quantity = parse_number(each["qty"])
    if listed is None or not quantity or not re.search(r"[^\W\d_]{2,}", head):
        return []
    unit = normalise_unit(each["unit"]) if each["unit"] else None
    counted = Provenance(part=part, span=(at + each.start("qty"), at + each.end("qty")), rule=EACH_RULE)
    found = []
    for colour in re.finditer(alternatives(variant_words().colours), listed.group(0), re.I):
        end = at + listed.start() + colour.end()
        where = Provenance(part=part, span=(at + head_start, end), rule=EACH_RULE)
        item = _listed_line(
            f"{head} {colour.group(0)}", at + head_start, quantity, counted, unit, part=part, codes=None
        )
        item.provenance = where
        if item.description is not None:
            item.description = item.description.model_copy(update={"provenance": where})
        found.append(item)
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
    counted = Provenance(part=part, span=(at + each.start("qty"), at + each.end("qty")), rule=EACH_RULE)
    items: list[ExtractedLine] = []
    for number in range(first, len(lines)):
        raw = lines[number]
        if not raw.strip():
            if items:
                break
            continue
        bullet = _ITEM.match(raw)
        wording = raw[bullet.end() :] if bullet else raw
        if _OWN_COUNT.search(wording) or not (bullet or _is_code(wording, codes)):
            break
        start = starts[number] + len(raw) - len(wording)
        items.append(_listed_line(wording.strip(), start, quantity, counted, unit, part=part, codes=codes))
    return items if len(items) >= 2 else []


def _is_code(wording: str, codes: CodeBook | None) -> bool:
    return codes is not None and codes.knows_code(wording.strip()) and len(wording.split()) <= 4


def _listed_line(
    wording: str,
    start: int,
    quantity: Decimal,
    counted: Provenance,
    unit: str | None,
    *,
    part: str,
    codes: CodeBook | None,
) -> ExtractedLine:
    where = Provenance(part=part, span=(start, start + len(wording)), rule=EACH_RULE)
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


# -- one count for each size of a range ------------------------------------------------------


@lru_cache(maxsize=1)
def _range_pattern() -> re.Pattern[str]:
    each, sizes = each_words(), size_words()
    size = rf"(?:{alternatives([*sizes.rising, '2xl'])}|\d{{1,2}})"
    return re.compile(
        rf"(?<![\w.,])(?P<qty>\d{{1,4}})\s+(?:(?P<unit>[^\W\d_]+\.?)\s+)??(?:{alternatives(each.words)})\s+"
        rf"(?P<label>{alternatives(sizes.labels)})\s*,?\s*(?:(?:{alternatives(sizes.range_from)})\s+)?"
        rf"(?P<low>{size})\s*(?:{alternatives(sizes.range_to)})\s*(?P<high>{size})(?![\w])",
        re.I,
    )


def _ranges(text: str, *, part: str) -> list[ExtractedLine]:
    found = []
    for match in _range_pattern().finditer(text):
        sizes = _sizes_between(
            match["low"], match["high"], shoes=match["label"].lower().startswith("pointure")
        )
        quantity = parse_number(match["qty"])
        designation = _designation_before(text, match.start())
        if not sizes or not quantity or designation is None:
            continue  # a range whose steps are not sure ('taille 38 à 46': every size or every other?)
        unit = normalise_unit(match["unit"]) if match["unit"] else None
        if match["unit"] and unit is None:
            continue
        words, at = designation
        counted = (quantity, match.span("qty"))
        label = match["label"].lower()  # 'pointure 40', 'size M': the size as a size, never a bare number
        label = label[:-1] if label.endswith("s") and len(label) > 4 else label
        for size in sizes:
            found.append(
                line_from_parts(
                    part,
                    match.span(),
                    desc=(f"{words} {label} {size}", (at, at + len(words))),
                    qty=counted,
                    unit=(unit, match.span("unit")) if unit else None,
                    rule=RANGE_RULE,
                    confidence=0.8,
                )
            )
    return found


def _sizes_between(low: str, high: str, *, shoes: bool) -> list[str]:
    """Every size from `low` to `high`: letters in their order, numbers one by one. Numbers a garment
    may run by twos ('38 à 46') are not sure unless they are shoe sizes ('pointure')."""
    rising = size_words().rising
    low, high = low.lower().replace("2xl", "xxl"), high.lower().replace("2xl", "xxl")
    if low in rising and high in rising:
        between = rising[rising.index(low) : rising.index(high) + 1]
        return [s.upper() for s in between] if len(between) >= 2 else []
    if not (low.isdigit() and high.isdigit()) or not 0 < int(high) - int(low) <= 12:
        return []
    if not shoes and int(low) % 2 == 0 and int(high) % 2 == 0 and int(low) >= 30:
        return []
    return [str(n) for n in range(int(low), int(high) + 1)]


def _designation_before(text: str, end: int) -> tuple[str, int] | None:
    """The article the count is said for: the words before it in its sentence, after any asking words."""
    start = max(text.rfind(stop, 0, end) for stop in (".", "!", "?", ";", "\n\n")) + 1
    clause = text[start:end]
    asked = list(asking().finditer(clause))
    if asked:
        start, clause = start + asked[-1].end(), clause[asked[-1].end() :]
    named = [part for part in clause.split(":") if re.search(r"[^\W\d_]{3,}", part)]
    if not named:
        return None
    words = named[-1].strip(" \t\n,-–")
    return " ".join(words.split()), start + clause.index(words)
