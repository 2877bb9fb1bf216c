"""The same article in another colour or size, named by pointing at the item before it.

"3 couronnes de fil 2,5 bleu, 2 en rouge et 1 en vert/jaune", "6 HP 305A black toners and 2 of the
yellow ones", "6 casques blancs et 2 rouges", "20 prises blanches et les mêmes en noir", "10 gilets
jaunes en L, 5 en XL et 3 en 2XL": the item just before (joined to it by ',', 'et', 'and') names the
article; the variant says its count (or 'the same') and the colour or size that differs. Its
designation is that item's with the colour or size swapped, its unit that item's. A size is swapped
only where the item names one; anything else is no variant (vocabulary: [variants] of sizes.toml).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from models import Extracted, ExtractedLine, Provenance
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, read_quantity
from parsers.values.numbers import NUMBER, quantity_words_pattern
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.sizes import ambiguous_letter, is_bare_size, size_pattern, size_words, variant_words
from parsers.vocabulary.words import line_words

RULE = "text-variant"
# A variant is a clause of its own: '2 rouges' ends where the list goes on ('6 black fleece jackets'
# is an item whose name begins with a colour).
_CLAUSE_END = r"\s*(?:[,.;:!?()]|$)|\s+(?:et|and|ou|or|plus|puis|also|aussi|too|as\s+well|également|svp|please|merci|thanks|s'il)\b"
# What joins a variant to the item it points at: ", ", " et ", " and ", ", and ", " plus ".
_JOINED = re.compile(r"\s*[,;]?\s*(?:(?:et|and|plus|puis|also|aussi)\s+)?", re.I)


def _alternatives(words: list[str]) -> str:
    spelt = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return "|".join(w.replace(r"\ ", r"\s+") for w in spelt)


@lru_cache(maxsize=1)
def colour_pattern() -> str:
    """A colour as written ('rouge', 'bleu marine', 'vert/jaune', 'navy')."""
    return _colour()


@lru_cache(maxsize=1)
def _colour() -> str:
    colour = _alternatives(variant_words().colours)
    return rf"(?:{colour})(?:\s*/\s*(?:{colour}))?"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = variant_words()
    links = _alternatives(words.links)
    sizes = size_words()
    bare_links = _alternatives([w for w in sizes.links if w not in ("taille", "size", "pointure")])
    kind = rf"(?P<kind>(?:{_alternatives(words.kinds)})\s+[A-Z0-9][A-Za-z0-9+]{{0,3}})"
    measure = rf"(?P<measure>(?:{NUMBER})\s*(?P<measure_unit>[^\W\d_]{{1,3}}\b))"
    value = (
        rf"(?P<colour>{_colour()})|{kind}|(?P<size>{size_pattern()})|{measure}"
        rf"|(?<=\s)(?P<bare>\d{{1,2}}(?:/\d{{2}})?)|(?P<spelled>{_alternatives(list(sizes.spelled))})"
    )
    return re.compile(
        rf"(?<![\w,.])(?:(?P<same>{_alternatives(words.same)})|(?P<qty>{NUMBER}|{quantity_words_pattern()})"
        rf"(?:\s+(?P<unit>{UNIT_TOKEN}))??)\s+(?:(?P<link>{links}|{bare_links})\s+)?(?:{value})"
        rf"(?:\s+(?:{_alternatives(words.ones)}))?(?:\s+(?:in|en)\s+(?P<size2>{size_pattern()}))?"
        rf"(?![\w/])(?={_CLAUSE_END})",
        re.I,
    )


def variant_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence may name a variant (before knowing what it points at)."""
    return [m.span() for m in variant_matches(sentence)]


def variant_matches(sentence: str) -> list[re.Match[str]]:
    """The variants the sentence may name, each with its count, link word and what differs."""
    return [m for m in _pattern().finditer(sentence) if _well_formed(m)]


def joins_variant(between: str) -> bool:
    """The words between an item and a variant of it join them (', ', ' et ', ', and ')."""
    return _JOINED.fullmatch(between) is not None


def _well_formed(match: re.Match[str]) -> bool:
    if match["size2"] is not None and match["colour"] is None:
        return False  # 'in XL' after a colour only: '3 orange in L'
    if match["unit"] and normalise_unit(match["unit"]) is None:
        return False  # '2 casques rouges': a name, not a count of the same article
    if match["measure"] is not None:  # 'les mêmes en 230 mm': a measure of the article, after 'en', 'in'
        unit = normalise_unit(match["measure_unit"])
        return bool(match["link"]) and unit is not None and unit_kind(unit) == "measure"
    if match["bare"] is not None:  # '2 en 42': a bare number is a size only after 'en', 'in'
        return bool(match["link"]) and match["link"].lower() in ("en", "in")
    if match["size"] is not None and ambiguous_letter(match["size"]) and not match["link"]:
        return False  # '2 m', '5 l': metres and litres
    if (match["same"] or match["spelled"]) and not match["link"]:
        return False  # 'the same', 'large' alone: 'in large', 'en grand' says a size
    return not (match["colour"] is not None and match["link"] and match["link"].lower() == "des")


def read_variants(sentence: str, items: list[ExtractedLine], *, part: str, start: int) -> list[ExtractedLine]:
    """The lines of the variants that follow one of `items`, or a variant of it read before them: each
    is the item's article in what differs ('fil bleu, 2 en rouge et 1 en vert/jaune')."""
    found: list[ExtractedLine] = []
    for match in _pattern().finditer(sentence):
        if not _well_formed(match):
            continue
        at = start + match.start()
        inside = [ln for ln in [*items, *found] if _span(ln)[0] <= at < _span(ln)[1]]
        before = [ln for ln in items if _span(ln)[1] <= at]
        if inside or not before:
            continue
        anchor = max(before, key=lambda ln: _span(ln)[1])
        last = max(_span(ln)[1] for ln in [anchor, *found] if _span(ln)[1] <= at)
        if not _JOINED.fullmatch(sentence[last - start : match.start()]):
            continue
        line = _variant_line(match, anchor, part=part, start=start)
        if line is not None:
            found.append(line)
    return found


# 'Hi-vis parkas 4-in-1: 3 orange in L, ...', 'Casques ventilés : 10 blancs et 5 jaunes', 'Round buckets
# 10 L - 4 red': a name, then its variants after a colon or a spaced dash.
_HEAD = re.compile(r"^\s*(?:[-*•]\s*)?(?P<head>[^\W\d_](?:(?!\s[-–—]\s)[^:]){2,}?)\s*(?::|\s[-–—])\s+")


def read_headed(sentence: str, *, part: str, start: int) -> list[ExtractedLine]:
    """The variants listed after an article's name and a colon, each that name in its colour or size."""
    head = _HEAD.match(sentence)
    if head is None or not_a_name(head["head"]):
        return []
    anchor = ExtractedLine(
        line_no=0,
        description=Extracted[str](
            value=head["head"].strip(),
            confidence=0.8,
            provenance=Provenance(part=part, span=(start + head.start("head"), start + head.end("head"))),
        ),
        provenance=Provenance(part=part, span=(start + head.start("head"), start + head.end())),
    )
    return read_variants(sentence, [anchor], part=part, start=start) or _colours_first(
        sentence, anchor, head.end(), part=part, start=start
    )


@lru_cache(maxsize=1)
def _colour_first() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w/])(?P<colour>{_colour()})\s+(?:[x×]\s*)?(?P<qty>{NUMBER}|{quantity_words_pattern()})"
        rf"(?:\s+(?P<unit>{UNIT_TOKEN}))?(?![\w/])(?={_CLAUSE_END})",
        re.I,
    )


def _colours_first(
    sentence: str, anchor: ExtractedLine, at: int, *, part: str, start: int
) -> list[ExtractedLine]:
    """'Adagio colour paper A4: yellow 2 reams, blue 2 reams', 'stylos Bic : noir x 6, bleu x 4': each
    colour, then its count, listed one after the other right after the name; anything else between them
    and the list is no such list."""
    found: list[ExtractedLine] = []
    base = anchor.description.value if anchor.description else ""
    for match in _colour_first().finditer(sentence, at):
        if not _JOINED.fullmatch(sentence[at : match.start()]):
            return []
        quantity, approx = read_quantity(match["qty"])
        unit = normalise_unit(match["unit"]) if match["unit"] else None
        if not quantity or approx or (match["unit"] and unit is None):
            return []
        found.append(
            line_from_parts(
                part,
                (start + match.start(), start + match.end()),
                desc=(
                    swap_colour(base, match["colour"]),
                    (start + match.start(), start + match.end("colour")),
                ),
                qty=(quantity, (start + match.start("qty"), start + match.end("qty"))),
                unit=(unit, (start + match.start("unit"), start + match.end("unit"))) if unit else None,
                rule=RULE,
                confidence=0.7,
            )
        )
        at = match.end()
    return found if found and not sentence[at:].strip(" \t.;!") else []


def not_a_name(head: str) -> bool:
    """'Commande :', 'Nous prenons :': a label or a sentence before the colon, no article's name."""
    words = line_words()
    lowered = " ".join(head.lower().split())
    return lowered in words.field_labels or bool(
        set(re.findall(r"[\w'’]+", lowered)) & set(words.sentence_subjects)
    )


def _span(line: ExtractedLine) -> tuple[int, int]:
    return line.provenance.span if line.provenance and line.provenance.span else (-1, -1)


def _variant_line(
    match: re.Match[str], anchor: ExtractedLine, *, part: str, start: int
) -> ExtractedLine | None:
    base = anchor.description.value if anchor.description else ""
    if not base or (anchor.quantity is None and match["same"]):
        return None
    if match["colour"] is not None:
        desc, value = swap_colour(base, match["colour"]), "colour"
        if match["size2"] is not None:  # '3 orange in L': the colour and the size both differ
            desc = swap_size(desc, match["size2"]) or f"{desc} {' '.join(match['size2'].split())}"
    elif match["kind"] is not None:
        desc, value = _swap_kind(base, match["kind"]), "kind"
    elif match["measure"] is not None:
        desc, value = _swap_measure(base, match["measure"], match["measure_unit"]), "measure"
    elif match["spelled"] is not None:
        desc, value = _swap_spelled(base, match["spelled"]), "spelled"
    else:
        size = match["size"] or match["bare"]
        desc, value = swap_size(base, size), ("size" if match["size"] else "bare")
        if desc is None and anchor.quantity is None and match["size"]:
            desc = f"{base} {' '.join(size.split())}"  # 'Gants nitrile : 3 en taille 8': the name says none
    if desc is None:
        return None
    if match["same"] and anchor.quantity is not None:  # 'les mêmes en noir': the count written before
        quantity: Decimal | None = anchor.quantity.value
        counted = anchor.quantity.provenance.span if anchor.quantity.provenance else None
        qty_span = (counted[0] - start, counted[1] - start) if counted else match.span("same")
    else:
        quantity, approx = read_quantity(match["qty"])
        if approx:
            return None
        qty_span = match.span("qty")
    if not quantity:
        return None
    unit = normalise_unit(match["unit"]) if match["unit"] else None
    unit_span = match.span("unit") if unit else None
    if unit is None and anchor.unit is not None:
        unit = anchor.unit.value
        unit_span = None
    return line_from_parts(
        part,
        (start + match.start(), start + match.end()),
        desc=(desc, (start + match.start(value), start + match.end(value))),
        qty=(quantity, (start + qty_span[0], start + qty_span[1])),
        unit=(unit, (start + unit_span[0], start + unit_span[1]) if unit_span else _span(anchor))
        if unit
        else None,
        rule=RULE,
        confidence=0.7,
    )


def swap_colour(base: str, colour: str) -> str:
    """The item's name without its colour, and the variant's colour."""
    plain = re.sub(rf"(?<![\w/]){_colour()}(?![\w/])", " ", base, flags=re.I)
    return " ".join([*plain.split(), " ".join(colour.split())])


def _swap_measure(base: str, measure: str, unit: str) -> str | None:
    """'rouleaux à peinture 180 mm' and 'les mêmes en 230 mm': the item's measure in that unit
    replaced; None when the item names none."""
    same = normalise_unit(unit)
    found = [
        m
        for m in re.finditer(rf"(?<![\w.,])(?:{NUMBER})\s*([^\W\d_]{{1,3}})\b", base)
        if normalise_unit(m[1]) == same
    ]
    if not found:
        return None
    last = found[-1]
    return f"{base[: last.start()]}{' '.join(measure.split())}{base[last.end() :]}"


def _swap_spelled(base: str, word: str) -> str | None:
    """'blue gloves in medium' and '6 boxes in large': the size said in words replaced, in words; or a
    letter size the item names, by the variant's letter; None when it names no size."""
    spelled = size_words().spelled
    said = list(re.finditer(rf"(?<!\w)(?:{_alternatives(list(spelled))})(?!\w)", base, re.I))
    if said:
        return f"{base[: said[-1].start()]}{word}{base[said[-1].end() :]}"
    return swap_size(base, spelled[" ".join(word.lower().split())].upper())


def _swap_kind(base: str, kind: str) -> str:
    """'RCD 2P 40A type A' and '6 type AC': the item's name with the class the variant names."""
    word = kind.split()[0]
    written = re.search(rf"\b{re.escape(word)}\s+\S+", base, re.I)
    if written is None:
        return f"{base} {kind}"
    return f"{base[: written.start()]}{' '.join(kind.split())}{base[written.end() :]}"


def _swap_bare(base: str, size: str) -> str | None:
    """'gants nitrile gris en 9' and 'six paires en 10': a bare size after 'en', 'in' replaced by a bare one."""
    if not is_bare_size(size):
        return None
    found = [
        m
        for m in re.finditer(r"\b(?:en|in)\s+(\d{1,2}(?:/\d{2})?)(?!\d|[\w,.]\d|\s*[^\W\d_])", base, re.I)
        if is_bare_size(m[1])
    ]
    if not found:
        return None
    last = found[-1]
    return f"{base[: last.start(1)]}{size}{base[last.end(1) :]}"


def swap_size(base: str, size: str) -> str | None:
    """The item's name with its size replaced; None when it names none ('10 pantalons gris, 2 en 42')."""
    found = None
    for match in re.finditer(rf"(?<![\w/])(?:{size_pattern()})(?![\w/])", base, re.I):
        if ambiguous_letter(match.group().strip()) and re.search(r"\d\s*$", base[: match.start()]):
            continue  # '100 m': a length, no size
        found = match
    if found is None:
        return _swap_bare(base, size)
    written = found.group()
    core = re.search(r"(?:\d{1,2}(?:/\d{2})?|[^\W\d_]+(?:/[^\W\d_]+)?)$", written)
    label = written[: core.start()] if core else ""
    size = " ".join(size.split())
    if re.match(r"[^\W\d_]", size) and re.search(r"\d", size):
        new = size  # 'T10', 'taille 43': the variant writes its own label
    elif size[:1].isdigit():
        new = label + size  # 'pointure 42' -> 'pointure 43', 'T9' -> 'T10'
    else:
        new = (label if re.match(r"[^\W\d_]{2,}", label) else "") + size  # 'taille L' -> 'taille XL'
    return f"{base[: found.start()]}{new}{base[found.end() :]}".strip()
