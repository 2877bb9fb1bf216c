"""The measures a designation writes, read once for the catalogue and the customer alike: each unit word, in
symbols and in words, with the kind of size it gives (`vol`, `mass`, `len`, ...) and its factor to that
kind's base unit, so '50 cl' and '0,5 l' are one size; and `read_sizes`, which reads every size of a
folded text (measures, dimensions, diameters, packs, garment sizes) into those typed features.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matchers.folding import unit_of
from matchers.ranges import span
from parsers.vocabulary.phrases import any_of

MEASURES: dict[str, tuple[str, float]] = {
    # The microlitre as printed ('200 µl') and as typed without the Greek letter ('200ul', '200 uL').
    "µl": ("vol", 0.001),
    "ul": ("vol", 0.001),
    "ml": ("vol", 1.0),
    "cl": ("vol", 10.0),
    "dl": ("vol", 100.0),
    "l": ("vol", 1000.0),
    "litre": ("vol", 1000.0),
    "litres": ("vol", 1000.0),
    "g": ("mass", 1.0),
    "gr": ("mass", 1.0),
    "kg": ("mass", 1000.0),
    "mm": ("len", 1.0),
    "cm": ("len", 10.0),
    "m": ("len", 1000.0),
    # A length written out ('de 100 mètres'): a size, not the word of a thing sold 'au mètre'.
    "metre": ("len", 1000.0),
    "metres": ("len", 1000.0),
    "meter": ("len", 1000.0),
    "meters": ("len", 1000.0),
    "micron": ("thick", 1.0),
    "microns": ("thick", 1.0),
    "µ": ("thick", 1.0),
    # The micrometre as printed ('17 µm') and as typed without the Greek letter ('17 um', '17 mu', '17 my').
    "µm": ("thick", 1.0),
    "um": ("thick", 1.0),
    "mu": ("thick", 1.0),
    "my": ("thick", 1.0),
    "plis": ("ply", 1.0),
    "pli": ("ply", 1.0),
    "ply": ("ply", 1.0),
    "v": ("volt", 1.0),
    "w": ("watt", 1.0),
    "lm": ("lumen", 1.0),
    # The same measures with their unit written out, as customers write them in words and
    # catalogues in symbols ('8 watt' for '8W', '45 lumens' for '45 lm', '2 kilos' for '2 kg').
    "watt": ("watt", 1.0),
    "watts": ("watt", 1.0),
    "volt": ("volt", 1.0),
    "volts": ("volt", 1.0),
    "lumen": ("lumen", 1.0),
    "lumens": ("lumen", 1.0),
    "kilo": ("mass", 1000.0),
    "kilos": ("mass", 1000.0),
    "gramme": ("mass", 1.0),
    "grammes": ("mass", 1.0),
    "grams": ("mass", 1.0),
    # A sheet's or a cloth's weight per square metre, which catalogues print in grams ('100 g/m2', '80 g').
    "gsm": ("mass", 1.0),
    "liter": ("vol", 1000.0),
    "liters": ("vol", 1000.0),
    "millimetre": ("len", 1.0),
    "millimetres": ("len", 1.0),
    "millimeter": ("len", 1.0),
    "millimeters": ("len", 1.0),
    "centimetre": ("len", 10.0),
    "centimetres": ("len", 10.0),
    "centimeter": ("len", 10.0),
    "centimeters": ("len", 10.0),
    # A wheel's or a screen's size in inches ('20 pouces'), which a catalogue may print as a bare figure.
    "pouce": ("inch", 1.0),
    "pouces": ("inch", 1.0),
    "inch": ("inch", 1.0),
    "inches": ("inch", 1.0),
    # A conductor's section, mm² folded to mm2.
    "mm2": ("area", 1.0),
    "cm2": ("area", 100.0),
    # A memory's capacity, in French octets and English bytes ('64 Go' is '64GB'); 'to' is no terabyte, as
    # '2 to 3' is a range.
    "mo": ("data", 1.0),
    "mb": ("data", 1.0),
    "go": ("data", 1000.0),
    "gb": ("data", 1000.0),
    "tb": ("data", 1000000.0),
}

_NUM = r"\d+(?:[.,]\d+)?"
_UNIT_ALT = any_of(MEASURES)
_CONTENT_ALT = "kg|gr|g|ml|cl|dl|l|litres|litre"
# A cable's cores and section as the trade writes them ("3G1,5", "5G2,5 mm²"): one size.
# Spaced out ('5 G 1,5') only with a decimal section: '5 g 2' may be grams.
_CORES = re.compile(rf"(?<![\w.,])(\d{{1,2}})(?:g|\s+g\s+(?=\d+[.,]\d))({_NUM})(?:\s*mm2)?(?![\w])")
_PACK_OF_MEASURE = re.compile(rf"\b(\d+)\s*x\s*({_NUM})\s*({_CONTENT_ALT})\b")
# A diameter may lead the figures ('Ø80 x 650'), as a length does.
_DIM = re.compile(rf"(?:\b|(?<=[ø⌀]))({_NUM})\s*x\s*({_NUM})(?:\s*x\s*({_NUM}))?(?:\s*(mm|cm|m)\b)?")
# A range closing a dimension ('700x18/25c', '29x1.90/2.40'): the widths one article fits, a letter of the
# trade's notation may close it; never the second of a fraction ('1/2x1/8').
_DIM_RANGE = re.compile(rf"(?<![\w.,/])({_NUM})\s*x\s*({_NUM})\s*/\s*({_NUM})(?:[a-z])?(?![\w/])")
# A measure's range, its ends joined by a hyphen, spaced or not, and its unit once ('100-1000 µl', '1 - 2 m').
_MEASURE_RANGE = re.compile(rf"(?<![\w.,/-])({_NUM})(?:-| - )({_NUM})\s*({_UNIT_ALT})(?![a-z0-9])")
# A panel's height and length as catalogues print them ("H600 L1000"), read as "600 x 1000".
_HEIGHT_LENGTH = re.compile(rf"\bh\s*({_NUM})\s*(?:mm\s*)?[x/-]?\s*l\s*({_NUM})(?:\s*mm)?\b")
# A box's length, width and height each after its initial ('L400 l300 h200', 'L 40 x l 30 x H 30 cm').
_LENGTH_WIDTH_HEIGHT = re.compile(
    rf"\bl\s*({_NUM})\s*(?:mm|cm)?\s*[x/-]?\s*l\s*({_NUM})\s*(?:mm|cm)?\s*[x/-]?\s*h\s*({_NUM})(?:\s*(?:mm|cm))?\b"
)
# Dimensions parted by slashes ('40/30/30 cm'): only with their unit after, as a date is never written so.
_DIM_SLASHED = re.compile(rf"(?<![\w.,/])({_NUM})\s*/\s*({_NUM})(?:\s*/\s*({_NUM}))?\s*(?:mm|cm)\b")
_MEASURE = re.compile(rf"\b({_NUM})\s*({_UNIT_ALT})(?![a-z0-9])")
# A number glued to a word ('courbe D 10kA': ten kiloamperes) is no diameter.
# A figure followed by a unit of another measure is that measure's ('base D 1 L': one litre, no diameter).
_DIAM = re.compile(
    rf"(?:ø|⌀|\bdiam(?:etre)?\.?|\bd)\s*({_NUM})(?:\s*(mm|cm)\b|(?!\d|[^\W\d_x]|\s*(?:{_UNIT_ALT})(?![a-z0-9])))"
)
# A shoe's size is a size too, said as the shops do ('pointure 43', 'EU 43', 'P43').
_SIZE = re.compile(
    r"\b(?:(?:taille|size|t\.?|sz)\s*(\d{1,2}(?!xl)|xxs|xs|s|m|l|xl|xxl|xxxl|[2-6]xl)"
    r"|(?:pointure|eu)\s*(\d{2})|p(\d{2}))\b"
)
_SIZE_LETTER = re.compile(r"(?<![\w.,])(xxs|xs|s|m|l|xl|xxl|xxxl|[2-6]xl)(?![\w'])")
# Two sizes side by side written as one word ('harnais ML', 'parka LXL'), as catalogues print 'M/L'; a
# volume's 'ml' after its figure is read as a measure before.
_TWO_SIZES = re.compile(r"(?<![\w.,])(m(?=l)|l(?=xl)|xl(?=xxl))(l|xl|xxl)(?![\w'])")
# 'XXL' and '2XL' are one size, and so are 'XXXL' and '3XL'.
_SIZE_SPELLINGS = {"xxl": "2xl", "xxxl": "3xl"}
_PACK = re.compile(r"\b(?:de|par|x|of|lot de|pack de)\s*(\d+)\b")
# '(24 per case)', '5 per pack': the count a pack holds, said after it in English.
_PER_PACK = re.compile(r"\b(\d+)\s*per\s+(?:case|pack|box|carton|bag|tub|tray)\b")
# A pack and its count with no 'de' between ('(carton 12)', 'pack 6', 'colis 24 rouleaux'), as customers abbreviate
# 'carton de 12'; a word after the count that is no unit names something else ('boîte 2 postes').
PACK_WORDS = r"boite|box|bte|carton|ctn|case|colis|lot|pack|packet|paquet|pqt|sachet|bag|sac"
# A pack's count glued to its word, as order systems print it ('BX100', 'PK10', 'BAG500', 'CS200').
_GLUED_PACK = re.compile(r"\b(bx|box|pk|pkt|pack|bag|cs|case|ctn|carton|sachet|lot)(\d+)\b")
# Metres and centimetres written as one word ('2m50', '1m20'): the length '2,50 m'.
_METRES_GLUED = re.compile(r"(?<![\w.,])(\d{1,2})m(\d{2})(?![\w])")
# A weight per square metre ('100 g/m2'): its grams, as another catalogue prints '100 g' or '100gsm'.
_PER_SQUARE_METRE = re.compile(r"(?<=\d)(\s*gr?)\s*/\s*m2\b")
# A width by a length said 'A sur B' ('2,10 m sur 50', '2m10 sur 50'), as 'A x B' is printed; the first
# figure carries its unit or decimals, as a count ('3 sur 4 livrés') does not.
_BY = re.compile(rf"\b({_NUM})(\s*(?:mm|cm|m))?\s+sur\s+(?=\d)")
_THREAD = re.compile(r"\b(m|dn)\s*(\d+)\b")
# 'L' before a figure and its unit of length labels that length ('15x20 L 1,40 m', 'Ø125 L 4 m'): no
# litre of the figure before it.
_LENGTH_LABEL = re.compile(rf"\bl\s*(?={_NUM}\s*(?:mm|cm|m)\b)")
_ANY_NUMBER = re.compile(_NUM)
_SQUARE = re.compile(r"(?<=\d)(\s*(?:mm|cm|m))[23](?![\w])")
_BARE = re.compile(rf"(?<![\w.,]){_NUM}(?![\w'])")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _fmt(value: float) -> str:
    return f"{value:g}"


def _measure_feature(value: str, unit: str) -> str:
    kind, factor = MEASURES[unit]
    return f"{kind}:{_fmt(_number(value) * factor)}"


def _diameter(m: re.Match[str]) -> set[str]:
    # "Ø23" without a unit may be mm or cm: marked "~" to be compared either way.
    if not m[2]:
        return {f"diam:~{_fmt(_number(m[1]))}"}
    return {f"diam:{_fmt(_number(m[1]) * (10 if m[2] == 'cm' else 1))}"}


def _dim_range(m: re.Match[str]) -> set[str]:
    """The range closing a dimension; ends out of order are none ('24x16/9': a screen's ratio), read as the
    dimension and a number, as each is read alone."""
    first, low, high = (_fmt(_number(g)) for g in m.groups())
    if _number(m[2]) >= _number(m[3]):
        return {f"dim:{first}x{low}", f"num:{high}"}
    return {f"dim:{first}x{span(low, high)}"}


def _measure_range(m: re.Match[str]) -> set[str]:
    """Both ends in the unit's base, or, ends out of order ('1000-890 W'), the last a measure and the first
    a number, as each is read alone."""
    kind, factor = MEASURES[m[3]]
    low, high = _number(m[1]) * factor, _number(m[2]) * factor
    if low >= high:
        return {f"num:{_fmt(_number(m[1]))}", _measure_feature(m[2], m[3])}
    return {f"{kind}:{span(_fmt(low), _fmt(high))}"}


def _by(m: re.Match[str]) -> str:
    return f"{m[1]}x" if m[2] or not m[1].isdigit() else m[0]


# A year is said by its last two figures too ('Atlas 27' of an edition 2027, a model year): a name
# printing the year holds them.
_YEAR = re.compile(r"^(?:19|20)(\d\d)$")


def read_sizes(text: str) -> tuple[set[str], set[str], str]:
    """The size features in folded text, the numbers seen, and the text with sizes removed."""
    features: set[str] = set()
    text = _BY.sub(_by, _PER_SQUARE_METRE.sub(r"\1", _METRES_GLUED.sub(r"\1.\2 m", text)))
    # "mm2" is a square millimetre, not a number 2.
    numbers = {_fmt(_number(n)) for n in _ANY_NUMBER.findall(_SQUARE.sub(r"\1", text))}
    numbers |= {_YEAR.sub(r"\1", n) for n in numbers if _YEAR.match(n)}

    def take(pattern: re.Pattern[str], make: object, *, word: object = None) -> None:
        nonlocal text

        def repl(m: re.Match[str]) -> str:
            features.update(make(m))  # type: ignore[operator]
            return f" {word(m)} " if word else " "  # type: ignore[operator]

        text = pattern.sub(repl, text)

    # A cable's cores also name it, as a word does ("5G2,5 en 50 m" says nothing else).
    cores = lambda m: f"{m[1]}g{_fmt(_number(m[2]))}"  # noqa: E731
    take(_CORES, lambda m: {f"cores:{cores(m)}"}, word=cores)
    dims = lambda m: {"dim:" + "x".join(_fmt(_number(g)) for g in m.groups()[:3] if g)}  # noqa: E731
    take(_LENGTH_WIDTH_HEIGHT, dims)
    take(_HEIGHT_LENGTH, lambda m: {f"dim:{_fmt(_number(m[1]))}x{_fmt(_number(m[2]))}"})
    text = _LENGTH_LABEL.sub(" ", text)
    take(_PACK_OF_MEASURE, lambda m: {f"pack:{m[1]}", _measure_feature(m[2], m[3])})
    take(_DIM_RANGE, _dim_range)
    take(_DIM_SLASHED, dims)
    take(_DIM, dims)
    take(_DIAM, _diameter)
    take(_MEASURE_RANGE, _measure_range)
    take(_MEASURE, lambda m: {_measure_feature(m[1], m[2])})
    take(_SIZE, lambda m: {f"size:{_SIZE_SPELLINGS.get(m[1], m[1]) if m[1] else m[2] or m[3]}"})
    take(_THREAD, lambda m: {f"thread:{m[1]}{m[2]}"})
    take(_GLUED_PACK, lambda m: {f"pack:{m[2]}"}, word=lambda m: m[1])
    take(_PER_PACK, lambda m: {f"pack:{m[1]}"})
    take(_pack_then_count(), lambda m: {f"pack:{m[2]}"}, word=lambda m: m[1])
    take(_PACK, lambda m: {f"pack:{m[1]}"})
    take(_count_then_pack(), lambda m: {f"pack:{m[1]}"}, word=lambda m: m[2] if m[2][0] == "p" else "")
    take(_TWO_SIZES, lambda m: {f"size:{m[1]}", f"size:{_SIZE_SPELLINGS.get(m[2], m[2])}"})
    take(_SIZE_LETTER, lambda m: {f"size:{_SIZE_SPELLINGS.get(m[1], m[1])}"})
    for m in _BARE.finditer(text):
        features.add(f"num:{_fmt(_number(m[0]))}")
    return features, numbers, _BARE.sub(" ", text)


@lru_cache(maxsize=1)
def _pack_then_count() -> re.Pattern[str]:
    """'carton 12', 'colis 24 rouleaux': the count may be followed by what it counts, a unit word."""
    units = any_of(u for u in unit_of() if u.isalpha())
    return re.compile(rf"\b((?:{PACK_WORDS})(?:e?s)?)\s+(\d+)\b(?![.,/]\d)(?!\s*(?!(?:{units})\b)[^\W\d_])")


@lru_cache(maxsize=1)
def _count_then_pack() -> re.Pattern[str]:
    """'12-pack', 'the 6 packs', '(200 ct)', '500 count': the pack's count first, and what it counts may
    stand between ('the 24-bottle packs', '6 roll pack')."""
    units = any_of(u for u in unit_of() if u.isalpha())
    return re.compile(rf"\b(\d+)\s*(?:(?:{units})\s+)?(packs?|ct|count)\b")
