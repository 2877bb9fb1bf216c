"""What a clause after a comma tells of the article named before it: a size, a colour, a fitting, a
class, a count of its parts, its packing (', size M/L', ', la boîte de 50', ', 600 x 300 mm')."""

from __future__ import annotations

import re

from parsers.text.extracted import UNIT_TOKEN
from parsers.text.variants import colour_pattern
from parsers.values.numbers import NUMBER
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.words import line_words


def qualifies(clause: str) -> bool:
    """A clause that tells the article before it: a size, a colour, a fitting ('with belt', 'avec
    ceinture'), a class or a type, a count of its parts ('3 points'), its packing ('la boîte de 50'),
    or which of its kind it is ('the 45 lumen ones')."""
    clause = clause.strip().rstrip(".")  # the clause that ends the sentence keeps its full stop
    if not clause or len(clause.split()) > 6:
        return False
    if _POINTING.fullmatch(clause) or _TIP.fullmatch(clause):
        return True
    held = _HELD_PER_PACK.fullmatch(clause)
    if held is not None:  # ', 25 per box', ', 12 par carton', ', the 12-packs': what each pack holds
        return normalise_unit(held["unit"] or held["packs"]) is not None
    packed = re.fullmatch(
        r"(?:(?:la|le|les|the|en|in|par|by)\s+)?([^\W\d_]+)\s+(?:de|of|d')\s*\d+\s*[^\W\d]*", clause, re.I
    )
    if packed is not None:
        unit = normalise_unit(packed[1])
        return unit is not None and unit_kind(unit) == "count"
    # ', the 1 litre', ', en 750 ml': the article's own measure, pointed at (never ', les 70 L' after 'enfin non':
    # French's article there says the measure that replaces the one before)
    measured = re.match(
        rf"(?:(?:the|en|in)\s+)?(?:{NUMBER})\s*({UNIT_TOKEN})(?!\s+(?:de|of|d')\b)", clause, re.I
    )
    if measured is not None and unit_kind(normalise_unit(measured[1]) or "") == "measure":
        return True  # ', 50 m range', ', 230 mm': a measure of the article, not a length ordered
    return bool(_QUALIFIER.match(clause) or _DIMENSIONS.match(clause))


def _build_qualifier() -> re.Pattern[str]:
    spec = any_of(line_words().spec_nouns)
    colour = colour_pattern()
    return re.compile(
        rf"(?:(?:size|sizes|taille|tailles|pointure|sz)\b|(?:with|avec|sans|without)\s"
        rf"|(?:type|class|classe|level|niveau|courbe|curve|grade)\s+\S|\d+\s*(?:{spec})\b"
        rf"|(?:(?:en|in)\s+)?(?:{colour})(?:\s+(?:{colour}))?$)",
        re.I,
    )


_QUALIFIER = _build_qualifier()


_DIMENSIONS = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:mm|cm|m)?\s*[x×]\s*\d+(?:[.,]\d+)?(?:\s*[x×]\s*\d+(?:[.,]\d+)?)?\s*(?:mm|cm|m)?$",
    re.I,
)


# '25 per box', '12 par carton', 'the 12-packs', '6-pack': the count each pack holds, no count ordered.
_HELD_PER_PACK = re.compile(
    r"(?:\d+\s*(?:per|par|a)\s+(?P<unit>[^\W\d_]+)"
    r"|(?:(?:the|les?|en)\s+)?\d+[\s-]?(?P<packs>packs?))",
    re.I,
)


# 'the 45 lumen ones', 'the big one', 'celles de 45 lumens', 'ceux en 5 L': which of its kind the article is.
_POINTING = re.compile(
    r"(?:the\s+(?:[\w/.-]+\s+){1,3}ones?|(?:celui|celle|ceux|celles)\s+(?:de|d'|d’|en|à|a)\s*[\w\s/.,-]+)\.?",
    re.I,
)


# 'fine point (0.5)', 'medium tip', 'pointe fine', 'pointe biseau (1-5 mm)': a pen's or marker's tip.
_TIP = re.compile(
    r"(?:(?:extra[\s-]?)?(?:fine|medium|bold|broad|chisel)\s+(?:point|tip|nib)"
    r"|(?:pointe|mine)\s+(?:extra[\s-]?)?(?:fine|moyenne|large|ogive|biseau))"
    r"(?:\s*\(\s*\d[\d.,\s-]*(?:mm)?\s*\))?",
    re.I,
)
