"""Order lines written one per line (sentences: parsers/text/prose.py).

Shapes read, in this order for each line of text:
- labelled fields: "Réf : VIS-440-200  Qté : 12"
- designation then quantity after a separator: "Gants nitrile T9 : 3 btes",
  "Vis 4x40 ........ 1.500 pces", "VJ10126  Gobelet 20 cl : 3", "REF - 12", "Ketchup ... 4 x 250"
- quantity first (parsers/text/leading.py): "12 x REF", "x12 REF", "2 ctn gobelets 12cl",
  "3 cartons de 12 gobelets", "deux boîtes de vis"
- sentences: "il nous faudrait deux cartons de gobelets 20 cl et une douzaine de ..."
Sizes inside a designation (4x40, Ø80, 20 cl) stay in it: a quantity needs a
place of its own (line start, after a separator, or before a unit + "de").
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.counted_after import (
    BULLET,
    POLITE,
    POLITE_WORD,
    named_then_counted,
    read_counted_after,
    read_times_measure_after,
    read_worded_after,
)
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, read_quantity
from parsers.text.leading import read_leading
from parsers.text.line_noise import is_noise, plausible
from parsers.values.numbers import NUMBER, parse_number, quantity_words_pattern
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.sizes import is_size

_PACK_BEFORE = re.compile(rf"\b({UNIT_TOKEN})\s+(?:de|of)\s+\d+\s*[x×]$", re.I)
_X_BEFORE = re.compile(r"[x×]\s*$")
_COUNTED_FIRST = re.compile(rf"{BULLET}\d+\s+({UNIT_TOKEN})\s+[^\W\d_]", re.I)


def _packs_first(line: str) -> bool:
    opening = _COUNTED_FIRST.match(line)
    unit = normalise_unit(opening[1].rstrip(".")) if opening else None
    return bool(unit and unit_kind(unit) == "count")


# 'Plaquettes AV : 2 jeux également': a word that the line comes in addition ends it, after the count.
_ALSO = r"(?:également|egalement|aussi|too|as\s+well)\b"


def _trailing_shape() -> re.Pattern[str]:
    # 'T10x6', 'XLx5', 'C27009x3': an x glued between the name's last word and the count ending the line;
    # a capital X glued so is a postcode's letter ('Co. Dublin, D24 R6X2'), no count.
    glued = r"(?<=[^\W_])(?-i:[x×])(?=\d{1,4}\s*[.!]?\s*$)"
    # 'Hand soap refill 5 L, 3', 'Bin bags 50 L, 10 rolls': a comma before the count that ends the line.
    # 'Tube IRL 20 * 10', 'Grommets 20mm -- 50', 'Gaine ICTA 20 -> 3 couronnes': a mark set between name and count.
    sep = rf"(?:\s*(?:\.{{2,}}|…+|_{{2,}}|:|=|\|)\s*|\s+(?:[-–—]|--|-+>|=>|→|\*)\s+|\t+|\s{{2,}}|\s+[x×]\s*(?=\d)|{glued}|(?P<comma>,\s+))"
    return re.compile(
        rf"{BULLET}(?P<desc>\S.*?){sep}(?:qt[ée]\s*:?\s*|qty\s*:?\s*)?(?P<qty>{NUMBER})"
        rf"(?:\s*(?!{_ALSO}|{POLITE_WORD})(?P<unit>{UNIT_TOKEN})(?:\s+(?:de|of)\s+(?P<packed>\d+)(?:\s+(?P<packed_unit>[^\W\d_]+))?)?|\s+[x×]\s+(?P<pack>\d+))?"
        # '3 kg (sachets de 1 kg)': how it is packed, said after the count
        rf"(?:\s*\((?P<packing>[^\W\d_]+)\s+(?:de|of|d['’])\s*(?:{NUMBER})\s*[^\W\d_]*\))?"
        rf"(?:\s+{_ALSO})?{POLITE}?\s*[.!]?\s*$",
        re.I,
    )


def _labelled_shape() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    qty = re.compile(
        rf"\b(?:qt[ée]|quantit[ée]|qty|quantity)\s*[:=]\s*(?P<qty>{NUMBER})\s*(?P<unit>{UNIT_TOKEN})?", re.I
    )
    code = re.compile(
        r"\b(?:r[ée]f(?:[ée]rence)?|code|sku|item)\.?\s*[:=]\s*(?P<code>[A-Z0-9][\w\-./]+)", re.I
    )
    desc = re.compile(
        r"\b(?:d[ée]signation|article|description|produit)\s*[:=]\s*(?P<desc>[^|;\t]+?)\s*(?=$|\b(?:qt[ée]|qty|r[ée]f)\b|[|;\t])",
        re.I,
    )
    return qty, code, desc


def _phrased_shape() -> re.Pattern[str]:
    """'Huile 5W30 : un fût de 60 litres', 'disques avant : la paire', 'huile 5W40 : 20 litres, en bidons
    de 5 L', '15W40 en vrac : 50 L (on a la cuve)': after a name and a colon, a count said in words."""
    return re.compile(
        rf"{BULLET}(?P<desc>\S.*?)\s*:\s*(?:(?P<qty>{NUMBER}|{quantity_words_pattern()})|(?P<one>la|le|l['’]|the))\s*"
        rf"(?P<unit>{UNIT_TOKEN})(?:\s+(?:de|of)\s+|\s*d['’]\s*)?(?P<size>(?P<measure>{NUMBER})(?:\s*(?P<size_unit>{UNIT_TOKEN}))?)?"
        rf"(?:\s*,?\s+(?:en|in)\s+(?P<packs>{UNIT_TOKEN})\s+(?:(?:de|of)\s+|d['’]\s*)"
        rf"(?P<pack_measure>{NUMBER})\s*(?P<pack_unit>{UNIT_TOKEN}))?"
        r"(?:\s*\((?P<remark>[^\d()]*)\))?\s*[.!]?\s*$",
        re.I,
    )


_PHRASED = _phrased_shape()
_TRAILING = _trailing_shape()
_LABELLED = _labelled_shape()


# One word before a comma that names no article: 'Bonjour, 2 cartons de 12', 'Also, 3 boxes of 50'.
_NO_NAME = frozenset(
    {
        "bonjour",
        "bonsoir",
        "salut",
        "hello",
        "hi",
        "hey",
        "ok",
        "okay",
        "oui",
        "yes",
        "merci",
        "thanks",
        "please",
        "svp",
        "aussi",
        "also",
        "puis",
        "ensuite",
        "then",
        "et",
        "and",
        "enfin",
        "finally",
        "alors",
        "so",
        "donc",
        "plus",
        "sinon",
        "otherwise",
        "voilà",
        "voila",
        "bref",
    }
)


def read_line(line: str, *, part: str, start: int) -> ExtractedLine | None:
    """The order line one line of text carries, or None when it carries none."""
    if not line.strip() or is_noise(line):
        return None
    for reader in (
        read_times_measure_after,
        _read_labelled,
        _read_trailing,
        _read_phrased,
        read_leading,
        read_counted_after,
        read_worded_after,
        _read_bracketed,
    ):
        found = reader(line, part, start)
        if found is not None and plausible(found):
            return found
    return None


def _read_labelled(line: str, part: str, start: int) -> ExtractedLine | None:
    qty_re, code_re, desc_re = _LABELLED
    qty = qty_re.search(line)
    code = code_re.search(line)
    if not qty or (not code and not desc_re.search(line)):
        return None
    desc = desc_re.search(line)
    value = parse_number(qty["qty"])
    if value is None:
        return None
    unit = normalise_unit(qty["unit"]) if qty["unit"] else None
    return line_from_parts(
        part,
        (start, start + len(line)),
        code=(code["code"], (start + code.start("code"), start + code.end("code"))) if code else None,
        desc=(desc["desc"].strip(), (start + desc.start("desc"), start + desc.end("desc"))) if desc else None,
        qty=(value, (start + qty.start("qty"), start + qty.end("qty"))),
        unit=(unit, (start + qty.start("unit"), start + qty.end("unit"))) if unit else None,
        rule="text-labelled",
        confidence=0.85,
    )


def _read_trailing(line: str, part: str, start: int) -> ExtractedLine | None:
    match = _TRAILING.match(line)
    if not match:
        return None
    unit = normalise_unit(match["unit"]) if match["unit"] else None
    if match["unit"] and unit is None and not _counted_in_own_unit(line, match):
        return None
    quantity = parse_number(match["qty"])
    if quantity is None or _is_size_before(line, match) or _glued_to_a_dimension(line, match):
        return None
    if not match["unit"] and _packs_first(line) and _X_BEFORE.search(line, 0, match.start("qty")):
        return None  # '- 4 pqts lavettes x10': the packs counted first, the x what each holds
    # 'charlottes, 2 cartons de 1000': one word is the name when packs of a count follow it
    packed = bool(match["packed"] and unit and unit_kind(unit) == "count")
    packed = packed and match["desc"].strip(" -*•").lower() not in _NO_NAME
    if match["comma"] and (
        (len(match["desc"].split()) < 2 and not packed)
        or re.search(r"[:,]\s*\d", match["desc"])  # 'balais : 2 x 450, 2 x 475, 1 x 650': a list of counts
        or (unit_kind(unit) == "measure" if unit else "." in match["qty"] or "," in match["qty"])
    ):
        return None  # 'Tube PER Ø16, 50 m': after a comma, a measure tells the article, no count
    if match["packing"] and (normalise_unit(match["packing"]) is None or not unit):
        return None  # '(taille de 9)' is no packaging; ': 4 (cartons de 50)' may count the cartons
    # 'Jus d'orange : 2 cartons de 24': the count of the packaging the quantity counts.
    pack_group = "pack" if match["pack"] else "packed"
    pack = parse_number(match[pack_group]) if match[pack_group] else None
    measure = normalise_unit(match["packed_unit"]) if match["packed_unit"] else None
    measured = measure is not None and unit_kind(measure) == "measure"
    found = named_then_counted(
        line,
        match,
        (quantity, unit),
        part=part,
        start=start,
        rule=("text-designation-quantity", 0.9),
        pack=(pack, (start + match.start(pack_group), start + match.end(pack_group)))
        if pack and not measured
        else None,
    )
    if measured and found.description is not None:
        # 'lessive poudre pro, 2 sacs de 20 kg': the size of what is counted names the article, as before the count
        found.description.value = f"{found.description.value} {match['packed']} {match['packed_unit']}"
    return found


# The marks that set a count apart from the name before it: a colon, an x ('x6', ' x 4').
_COUNT_MARK = re.compile(r"\s*(?::|[x×])\s*", re.I)


def _counted_in_own_unit(line: str, match: re.Match[str]) -> bool:
    """'bambous 120 x6 bottes', 'fil nylon 2 mm : 6 bobines': a count marked as such, then one word
    closing the line that the units' vocabulary does not know, is the count in the seller's own unit
    (the catalogue tells which); after no mark, the figure and the word may be a size ('prise 2 pôles')."""
    mark = line[match.end("desc") : match.start("qty")]
    plain = not (match["pack"] or match["packed"] or match["packing"])
    return (
        plain
        and bool(_COUNT_MARK.fullmatch(mark))
        and re.fullmatch(r"[^\W\d_]{3,}", match["unit"]) is not None
    )


def _read_phrased(line: str, part: str, start: int) -> ExtractedLine | None:
    """A count said in words after the name and its colon: 'la paire' is one pair; a measure packed in
    containers of a size that divides it ('20 litres, en bidons de 5 L') is that many containers."""
    match = _PHRASED.match(line)
    if match is None or not re.search(r"[^\W\d_]{2,}", match["desc"]):
        return None
    unit = normalise_unit(match["unit"].rstrip("."))
    quantity = Decimal(1) if match["one"] else read_quantity(match["qty"])[0]
    if unit is None or quantity is None or (match["one"] and unit_kind(unit) != "count"):
        return None
    desc, qty_group, unit_group = match["desc"].strip(), "one" if match["one"] else "qty", "unit"
    size_unit = normalise_unit(match["size_unit"].rstrip(".")) if match["size_unit"] else None
    if match["size"] and unit_kind(unit) != "count":
        return None
    if match["size_unit"] and size_unit is None:
        return None
    measured = size_unit is not None and unit_kind(size_unit) == "measure"
    if measured:
        desc = f"{desc} {match['size']}"  # 'un fût de 60 litres': the size of what is counted names it
    # 'deux lots de 10', 'un carton de 12 cartouches': what each pack holds.
    pack = parse_number(match["measure"]) if match["size"] and not measured else None
    if match["packs"]:
        packs = normalise_unit(match["packs"].rstrip("."))
        each = parse_number(match["pack_measure"])
        if packs is None or unit_kind(packs) != "count" or not each or match["size"]:
            return None
        if normalise_unit(match["pack_unit"].rstrip(".")) != unit or (quantity / each) % 1:
            return None  # '20 litres en bidons de 3 L': no whole count of containers, a clerk decides
        quantity, unit, unit_group = quantity / each, packs, "packs"
        desc = f"{desc} {match['pack_measure']} {match['pack_unit']}"
    return line_from_parts(
        part,
        (start, start + len(line)),
        desc=(desc, (start + match.start("desc"), start + match.end("desc"))),
        # 'la paire', '20 litres, en bidons de 5 L': the words the count is said in, all of them.
        qty=(
            quantity,
            (start + match.start(qty_group), start + match.end("pack_unit" if match["packs"] else "unit")),
        ),
        unit=(unit, (start + match.start(unit_group), start + match.end(unit_group))),
        pack=(pack, (start + match.start("measure"), start + match.end("measure"))) if pack else None,
        rule="text-designation-phrase",
        confidence=0.8,
    )


# 'Chin straps for all of the hats (15).': a name, then nothing but a count in brackets.
_BRACKETED = re.compile(rf"{BULLET}(?P<desc>[^\W\d_][^()\d]*?)\s*\((?P<qty>\d{{1,4}})\)\s*[.!]?\s*$")
# The rule of such a line: the figure may as well be what a pack holds ('Toilet rolls (72)').
BRACKETED_RULE = "text-bracketed-count"


def _read_bracketed(line: str, part: str, start: int) -> ExtractedLine | None:
    """A name with no figure, then a count in brackets ending the line: read, for a clerk to confirm."""
    match = _BRACKETED.match(line)
    if match is None or len(match["desc"].split()) < 2:
        return None
    return line_from_parts(
        part,
        (start, start + len(line)),
        desc=(match["desc"].strip(), (start + match.start("desc"), start + match.end("desc"))),
        qty=(Decimal(match["qty"]), (start + match.start("qty"), start + match.end("qty"))),
        rule=BRACKETED_RULE,
        confidence=0.6,
    )


def _glued_to_a_dimension(line: str, match: re.Match[str]) -> bool:
    """'chevilles M12x80', 'vis 4x40': an x glued between two figures is a dimension, unless the word
    before it is a size ('T10x6', 'XLx5') or a code of four figures or more ('C27009x3')."""
    if line[match.end("desc") : match.start("qty")] not in ("x", "×"):
        return False
    word = match["desc"].split()[-1] if match["desc"].split() else ""
    measured = re.fullmatch(r"\d+(?:[.,]\d+)?([^\W\d_]{1,3})", word)  # 'citron 5Lx2', 'pulvé 750mlx6'
    if measured and unit_kind(normalise_unit(measured[1]) or "") == "measure":
        return False
    return not (is_size(word) or (len(re.findall(r"\d", word)) >= 4 and len(match["qty"]) <= 2))


def _is_size_before(line: str, match: re.Match[str]) -> bool:
    """'Ruban 25 mm x 50' and 'Vis 4 x 40': the number after 'x' is part of a size."""
    before = line[: match.start("qty")]
    if re.search(r"\d\s+[x×]$", before):  # 'Clio 4 x3': an x glued to the count marks it
        return False
    unit = normalise_unit(match["unit"]) if match["unit"] else None
    closing = not (match["pack"] or match["packed"])  # 'sacs 32 x 45 lot de 50' is a size, then its pack
    if closing and unit and unit_kind(unit) == "count" and re.search(r"\d\s+[x×]\s+$", before):
        return False  # 'montantes 43 x 3 paires': pairs count the article, no side of a size
    if re.search(r"\s[x×]$", before):  # 'absorbeur 2 m x2': spaced from the name, glued to the count
        return False
    packed = _PACK_BEFORE.search(before.rstrip())
    if packed and unit_kind(normalise_unit(packed[1]) or "") == "count":
        return False  # 'yaourts colis de 48 x 10': what the pack holds, then the count of packs
    if _lettered_side(line, before):
        return True
    return bool(re.search(r"(?<![\w.,\-])\d+(?:[.,]\d+)?\s*(?:mm|cm|m)?\s*[x×]$", before.rstrip(), re.I))


# A line opening with its count, then a figure closed by one letter and an x before the last figure.
_COUNT_OPENS = re.compile(rf"{BULLET}\d+\s+[^\W\d_]")
_LETTERED = re.compile(r"(?<![\w.,\-])\d+([^\W\d_])\s*[x×]$")


def _lettered_side(line: str, before: str) -> bool:
    """'4 Graviera 650B x 47': after a count opening the line, a figure closed by a letter that is no unit
    ('650B', as a size's notation writes it) then an x is the first side of a size; the figure after the x
    is its second, no count."""
    lettered = _LETTERED.search(before.rstrip())
    return bool(lettered and _COUNT_OPENS.match(line) and normalise_unit(lettered[1]) is None)
