"""A list line that opens with its count (parsers/text/lines.py reads the other shapes): "12 x REF",
"x12 REF", "2 ctn gobelets 12cl", "3 cartons de 12 gobelets", "deux boîtes de vis", "15 kg gigot d'agneau"."""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.counted_after import BULLET, BULLET_MARK, SIZE, split_code
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, measure_after, read_quantity
from parsers.text.prose_names import with_measure
from parsers.values.numbers import NUMBER, parse_number, quantity_words_pattern
from parsers.values.units import normalise_unit, unit_is_noun, unit_kind, unit_ordered_by

# A list item's mark: '- one Fellowes shredder', '* deux casques', '3) une échelle'.
_BULLETED = re.compile(rf"^\s*(?:{BULLET_MARK}|\d{{1,2}}[.)])\s+")
_ARTICLES = frozenset({"a", "an"})
# '2 x 63 A 2-pole RCD', '4 x 400 W floodlights', '2 x 31 dB ear defenders': a rating written apart from
# its number (its unit's case kept, so '2 x 12 ampoules' stays a pack of 12) is the article's, no pack.
_RATING = r"(?-i:A|mA|kA|V|kV|VA|kVA|W|kW|Wh|Ah|mAh|dB|Hz)\b"


# '12 x 24V bulbs', '4 x 5L oil', '3 x 5 litre refills': a count of articles of a size no dimension
# is written in (a volume, a weight, a rating), where '4x40 vis' and '2 x 25 mm' are sizes.
_SIZED_ARTICLE = re.compile(
    rf"^\d+\s*[xX×]\s*\d+(?:[.,]\d+)?\s*(?:l|litres?|liters?|lt|ml|cl|kg|g|v|w|kw|ah|mah|{_RATING})\b", re.I
)
# '12 x 2-gang boxes', '6 x 3-way adaptors', '10 x 2-ply rolls': after the x, a count of the article's parts
# joined to their word, a part of its name, never a size's second figure; so is a figure with a capital
# glued to it ('4 x 2P 32A breakers', '3 x 3G2,5 cable', '2 x 2D scanners'), a mark no size is written in.
_COUNTED_PARTS = re.compile(r"^\d+\s*[xX×]\s*\d+(?:-[^\W\d_]|(?-i:[A-Z])(?![^\W\d_]))")
# '12 x 506756 (dalle LED ...)': a count, an x and a code of five figures or more (a typed article number,
# known or not), never a dimension's second figure.
_CODE_AFTER_X = re.compile(r"^\d+\s*[xX×]\s*\d{5,}(?![\d.,x×])")
# A maker's mark of letters and figures in a name ('trois courroies SPB 1700', 'ten H7 Night Breaker'):
# a line naming an article, though no list mark opens it.
_MARKED = re.compile(r"\b(?:(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,}|[A-Z]{2,}\s+\d{3,})\b")
_MARKED_WORDS = 6
# 'Un grand merci pour le devis D25-118': one said in words opens sentences, no list line.
_ONE_WORDS = frozenset({"un", "une", "one", "a", "an"})


# 'a dozen', 'half a dozen', 'deux douzaines': a count said in dozens, never a word of a sentence.
_DOZEN = re.compile(r"\b(?:dozens?|douzaines?)\b", re.I)
# 'a dozen of us will come', 'une douzaine d'entre nous': people counted, no goods.
_PEOPLE = re.compile(r"(?:of|d['’]entre)\s+(?:us|them|you|nous|eux|vous)\b", re.I)


# '2 more boxes of', '3 extra cases of', '4 cartons supplémentaires de': the count adds to an order, no word of the name.
MORE = r"(?:more|extra|additional|further)"
MORE_AFTER = r"(?:supplémentaires?|supplementaires?|en\s+plus|de\s+plus)"
# '10kg mozzarella', '2,5kg emmental râpé': a measure glued to its count, read as '10 kg mozzarella' is.
_GLUED_MEASURE = r"(?<=\d)(?=(?:kg|kgs|l|lt|litres?|ml|m)\s+[^\W\d_])"


def _qty_pattern() -> str:
    # 'a box of', 'an A4 pad': the article counts one when a unit follows (checked by the reader).
    # '3 dozen eggs', '2 douzaines d'œufs': a count in dozens is read whole, before the figure alone.
    return rf"(?P<qty>{quantity_words_pattern()}|{NUMBER}|an?(?=\s))"


def _leading_shape() -> re.Pattern[str]:
    return re.compile(
        # '12xgants latex', '3xCUK2939': an x glued between the count and the name.
        rf"{BULLET}(?:(?:qt[ée]|qty)\.?\s*|[x×](?=\d))?{_qty_pattern()}"
        rf"(?:\s*[x×*]\s+|\s+[x×*](?![^\W\d_])\s*|(?<=\d)[x×](?=[^\W\d_]{{2}}|[A-Z]{{1,3}}\d)|\s+|{_GLUED_MEASURE})"
        # '12 x 506756 dalle LED': five figures or more are an article's code, never what a pack holds
        rf"(?:{MORE}\s+)?(?:(?P<pack>\d{{1,4}})\s+(?=[^\W\d])(?!{_RATING}))?"
        rf"(?:(?P<unit>{UNIT_TOKEN})\s+(?:{MORE_AFTER}\s+)?(?:(?:de|d'|d’|of)\s*)?(?:(?P<pack2>\d+)\s+(?=[^\W\d]))?)?"
        rf"(?P<desc>\S.*?)\s*[.;,]?\s*$",
        re.I,
    )


_LEADING = _leading_shape()


# '3 x 100m rolls of R2V cable', '2 x 25 kg sacs de farine': a count of packs, each holding the measure
# written before their unit; the measure names which pack, a word of the designation.
_SIZED_PACKS = re.compile(
    rf"{BULLET}(?P<qty>\d+)\s*[x×]\s*(?P<measure>\d+(?:[.,]\d+)?\s?"
    rf"(?:m|mètres?|metres?|meters?|l|litres?|liters?|lt|ml|cl|kg|g))\s+(?P<unit>{UNIT_TOKEN})\s+"
    rf"(?:of|de|d'|d’)\s*(?P<desc>\S.*?)\s*[.;,]?\s*$",
    re.I,
)


def _read_sized_packs(line: str, part: str, start: int) -> ExtractedLine | None:
    match = _SIZED_PACKS.match(line)
    unit = normalise_unit(match["unit"]) if match else None
    if match is None or unit is None or unit_kind(unit) != "count":
        return None
    return line_from_parts(
        part,
        (start, start + len(line)),
        desc=(
            with_measure(match["desc"], match["measure"]),
            (start + match.start("measure"), start + len(line)),
        ),
        qty=(Decimal(match["qty"]), (start + match.start("qty"), start + match.end("qty"))),
        unit=(unit, (start + match.start("unit"), start + match.end("unit"))),
        rule="text-quantity-designation",
        confidence=0.85,
    )


def read_leading(line: str, part: str, start: int) -> ExtractedLine | None:
    packed = _read_sized_packs(line, part, start)
    if packed is not None:
        return packed
    match = _LEADING.match(line)
    if not match:
        return None
    article = match["qty"].lower() in _ARTICLES
    quantity, approx = (Decimal(1), False) if article else read_quantity(match["qty"])
    if quantity is None:
        return None
    unit, desc_start = _leading_unit(line, match, approx)
    if article and unit is None:
        return None  # 'a few more things': the article counts only what a unit names
    if desc_start is None:
        return None
    pack_text = match["pack"] or (match["pack2"] if unit else None)
    if match["pack"] and _size_after(line, match.end("pack")):
        # '2 x 63 A 2-pole RCD', '4 x 25 mm glands': a rating or a measure of the article, no pack.
        pack_text, desc_start = None, match.start("pack")
    if match["pack2"] and (not unit or measure_after(line, match.end("pack2"))):
        # '1 drum 500 m Cat6A', '2 couronnes 100 m R2V': the size of what is counted, a part of its name.
        pack_text = match["pack"]
        desc_start = min(desc_start, match.start("pack2"))
    pack_group = "pack" if match["pack"] else "pack2"
    raw_desc = line[desc_start : match.end("desc")]
    article = re.match(r"(?:de|d'|d’|of)\s*", raw_desc, re.I) if not unit else None
    if article:
        desc_start, raw_desc = desc_start + article.end(), raw_desc[article.end() :]
    code, desc, desc_at = split_code(raw_desc, desc_start)
    return line_from_parts(
        part,
        (start, start + len(line)),
        code=(code, (start + desc_start, start + desc_start + len(code))) if code else None,
        desc=(desc, (start + desc_at, start + match.end("desc"))) if desc else None,
        qty=(quantity, (start + match.start("qty"), start + match.end("qty"))),
        unit=(unit, (start + match.start("unit"), start + match.end("unit"))) if unit else None,
        pack=(parse_number(pack_text), (start + match.start(pack_group), start + match.end(pack_group)))
        if pack_text
        else None,
        rule="text-quantity-designation",
        confidence=0.5 if approx else (0.8 if not match["qty"][0].isdigit() else 0.85),
        notes=["approximate quantity: confirm with the customer"] if approx else [],
    )


# The ratings of a device written after their figure ('63 A', '230 V', '60 W'): sizes of its name.
_RATING = re.compile(r"\s*(?:a|v|w|kw|va|kva|ah|mah|ma|ka)(?![\w'’])", re.I)


def _size_after(line: str, end: int) -> bool:
    """The number ending at `end` is followed by a device's rating or a measure's unit."""
    return bool(_RATING.match(line, end)) or measure_after(line, end)


def _leading_unit(line: str, match: re.Match[str], approx: bool) -> tuple[str | None, int | None]:
    """The unit after a leading quantity and where the designation starts (None: not a line)."""
    unit_text, desc_start = match["unit"], match.start("desc")
    unit = normalise_unit(unit_text) if unit_text else None
    before_desc = line[:desc_start]
    if unit and unit_is_noun(unit) and not re.search(r"\b(?:de|d'|d’|of)\s*$", before_desc, re.I):
        unit = None  # "2 sacs poubelle 50 L": the word names the article
        desc_start = match.start("unit")
    elif unit_text and unit is None:  # "2 sirop grenadine": the word is the designation
        desc_start = match.start("unit")
    elif (
        unit
        and unit_kind(unit) == "measure"
        and not re.search(r"\b(?:de|d'|d’|of)\s*$", line[:desc_start], re.I)
        and not (unit_ordered_by(unit) and _opens_list_line(line, match))
    ):
        return None, None  # "20 cl gobelets": a size first, not a quantity
    if (
        match["qty"][0].isdigit()
        and SIZE.match(line[match.start("qty") :])
        and not match["pack"]
        and not _SIZED_ARTICLE.match(line[match.start("qty") :])
        and not _COUNTED_PARTS.match(line[match.start("qty") :])
        and not _CODE_AFTER_X.match(line[match.start("qty") :])
    ):
        return None, None  # "4x40 vis": a size
    if (
        not match["qty"][0].isdigit()
        and not unit
        and not approx
        and not _BULLETED.match(line)
        and not _marked_name(line, match, desc_start)
        and not (_DOZEN.search(match["qty"]) and not _PEOPLE.match(line, desc_start))
    ):
        # "Four more ways to ...": a worded quantity needs its unit, outside a list; a dozen counts alone.
        return None, None
    return unit, desc_start


def _marked_name(line: str, match: re.Match[str], desc_start: int) -> bool:
    """'trois courroies SPB 1700': a few words holding a maker's mark after a count of two or more."""
    words = line[desc_start:].split()
    return (
        match["qty"].lower() not in _ONE_WORDS
        and len(words) <= _MARKED_WORDS
        and _MARKED.search(line, desc_start) is not None
    )


def _opens_list_line(line: str, match: re.Match[str]) -> bool:
    """'15 kg gigot d'agneau', '- 2,5 kg fromage râpé': a measure customers order by opens the line,
    its count in figures and a name in words after it (no second figure: '5 l 2 bidons')."""
    rest = line[match.start("desc") :]
    return (
        match["qty"][0].isdigit()
        and not re.search(r"\d", rest.split(" ", 1)[0])
        and not re.match(r"\s*\d", rest)
    )
