"""Where an item's name ends in a sentence (parsers/text/prose.py): at a stop word or mark, past what
qualifies it ('..., la boîte de 50'), a packing aside or a code's bracketed name."""

from __future__ import annotations

import re

from parsers.text.asides import packing_aside
from parsers.text.name_joins import name_goes_on
from parsers.text.qualifiers import qualifies
from parsers.vocabulary.sieve import starting
from parsers.vocabulary.words import line_words


def with_measure(desc: str, measure: str | None) -> str:
    """'two 5L cans of floor cleaner': what each holds names the article, after its name."""
    return f"{desc} {measure}" if measure else desc


def cut_designation(sentence: str, begin: int) -> tuple[str, int]:
    rest = sentence[begin:]
    end = _stop(rest, 0)
    aside = packing_aside(rest, end) if rest.startswith(" (", end) else None
    if aside is not None:  # '4 boîtes de clips 20 (les boîtes de 100)': the packing names the article
        end = aside
    pointing = (
        (_POINTING_REMARK.match(rest, end) or _VALUE_REMARK.match(rest, end)) if aside is None else None
    )
    if pointing is not None:  # 'colle Pritt (les gros)', 'mice (the grey Logitech ones)': which article
        end = pointing.end()
    named = _CODE_THEN_NAME.match(rest[end:]) if _CODE_ALONE.fullmatch(rest[:end]) else None
    if named is not None:  # '2 cases of BS-PAP-0201 (the Z-fold towels)': the name in brackets after a code
        end += named.end()
    # ', 3 points with belt, size M/L', ', la boîte de 50': what the article is like, no item of its own.
    while rest[end : end + 2] == ", " and qualifies(rest[end + 2 : _stop(rest, end + 2)]):
        end = _stop(rest, end + 2)
    sized = _DECIMAL_BRACKET.match(rest, end)
    if sized is not None:  # 'Pilot G2 black, fine point (0.5)': a decimal in brackets sizes, never counts
        end = sized.end()
    if rest[:end].rstrip().endswith("."):
        end = len(rest[:end].rstrip()) - 1
    left_open = _LEFT_OPEN.search(rest[:end])  # 'gilets orange XL et' at a wrapped line's end
    if left_open is not None and left_open.start() > 0:
        end = left_open.start()
    restated = _restated(rest, end)
    if restated is not None:  # 'trois batteries EA602 enfin non, les 72Ah': the name said again is the name
        return _remeasured(rest[:end], restated[0]), begin + restated[1]
    desc = rest[:end].strip(" .,;:")
    return desc, begin + len(rest[:end].rstrip(" .,;:"))


def _restated(rest: str, end: int) -> tuple[str, int] | None:
    """The name the writer says instead, when a word taking back what was just said closes the name or
    opens the clause after it ('X enfin non, les Y', 'X, sorry, I mean the Y'): the clause after it, and
    where it ends; None when no such word is there or nothing is said after it."""
    closing = _TAKEN_BACK_END.search(rest[:end])
    after = end
    if closing is None:
        opening = _TAKEN_BACK_AFTER.match(rest, end)
        if opening is None:
            return None
        after = opening.end()
    else:
        after = end + len(re.match(r"[\s,]*(?:" + _TAKEN_BACK + r"[\s,]*)*", rest[end:], re.I)[0])
    start = after + len(_ARTICLE.match(rest, after)[0])
    stop = _stop(rest, start)
    name = rest[start:stop].strip(" .,;:")
    if not re.search(r"[^\W\d_]{2}|\d", name):
        return None
    return name, len(rest[:stop].rstrip(" .,;:"))


# A measure said alone ('les 70 L', 'the 50 m ones'): the same article in another size.
_MEASURE = r"\d+(?:[.,]\d+)?[ \t]?(?P<unit>mm|cm|m|l|L|ml|cl|kg|g|W|V|Ah)"
_MEASURE_ALONE = re.compile(rf"{_MEASURE}(?:[ \t]+(?:ones?|là|-là))?", re.I)


def _remeasured(said: str, again: str) -> str:
    """The name said again, or, when it is a measure alone, the name first said with its measure of that
    unit replaced ('terreau universel 40 L enfin non, les 70 L': 'terreau universel 70 L')."""
    alone = _MEASURE_ALONE.fullmatch(again)
    if alone is None:
        return again
    first = _TAKEN_BACK_END.sub("", said).strip(" .,;:")
    same = [
        m for m in re.finditer(rf"(?<![\w,.]){_MEASURE}(?!\w)", first, re.I) if m["unit"] == alone["unit"]
    ]
    if not same:
        return again
    last = same[-1]
    return f"{first[: last.start()]}{again[: alone.end('unit')]}{first[last.end() :]}"


# A second article counted after 'with' and said to go with the first ('24 RJ45 sockets with 12 double
# plates to match', '10 prises avec 10 plaques assorties'): an item of its own, never a part of the name.
MATCHING_ITEM = re.compile(
    r"\s(?:with|avec)\s+(?=\d+\s+[^\W\d_][^,.;:!?\n]{0,60}?\b(?:to\s+match|matching|to\s+go\s+with\s+(?:them|it)"
    r"|assortie?s?|qui\s+vont\s+avec|qui\s+va\s+avec)\b)",
    re.I,
)


def _stop(rest: str, begin: int) -> int:
    """Where the designation starting at `begin` ends: the first stop word or mark after it."""
    matching = MATCHING_ITEM.search(rest, begin)
    end = matching.start() if matching and matching.start() > begin else len(rest)
    lowered = rest.lower()
    for stop in [*line_words().prose_stops, ", ", "; ", ". ", " ?", "?", "!", " (", "\n"]:
        at = lowered.find(stop, begin)
        while at > begin and name_goes_on(rest, at, stop):
            at = lowered.find(stop, at + 1)  # 'kits distri pour Sandero 1.0 sce': the vehicle it fits
        if begin < at < end:
            end = at
    return end


# A code alone ('BS-PAP-0201', 'R4471') and a bracket after it holding words.
_CODE_ALONE = re.compile(r"\s*(?=[\w\-./]*\d)(?=[\w\-./]*[A-Za-z])[A-Za-z0-9][\w\-./]{3,}\s*")
_CODE_THEN_NAME = re.compile(r"\s*\([^()\d]*[^\W\d_]{3,}[^()\d]*\)")
FUNCTION_WORD = starting(
    re.compile(
        r"(?:au|aux|à|a|en|pour|par|le|la|les|du|des|et|ou|sur|dans|avec|instead|for|to|per|the|in|on|at|from|and|or)\b",
        re.I,
    )
)
# A bracket pointing at one of the articles the name may mean, in a few words and no figure ('(les gros)',
# '(the grey Logitech ones)', '(la rouge)'), or by the one value it prints ('(the 48s)', '(les 5 L)', '(the
# 600 ones)'): it tells twins apart, never what the article is not.
_POINTING_REMARK = re.compile(
    r"\s\((?:the|les?|la|l['’])\s*(?![^()]*\b(?:pas|not|no|non|sans|without|sauf|except)\b)"
    r"(?:[^\W\d_][^()\d]{0,40}|\d+(?:[.,]\d+)?(?:s\b|\s?[^\W\d_]{1,3}\b)?(?:\s+ones?)?)\)",
    re.I,
)
# A bracket naming a value of the article in a word or two, or what its pack holds ('softener (cotton
# flower)', 'œufs calibre M (180)', 'yoghurts (the 48s)'): it tells twins apart, as a pointing bracket does; never a count of one
# figure, nor a remark of how or why ('(urgent)', '(for the bar)', '(pas le bio)').
_VALUE_REMARK = re.compile(
    r"\s\((?![^()]*\b(?:pas|not|no|non|sans|without|sauf|except|for|pour|if|si|as|comme|urgent|asap|svp|merci"
    r"|please|thanks|again|encore|too|aussi|also|only|seulement|maybe|peut)\b)"
    r"\s*(?:\d{2,4}|the\s+\d{1,4}'?s|[^\W\d_]{3,}(?:[\s-][^\W\d_]{3,}){0,2})\s*\)",
    re.I,
)
_DECIMAL_BRACKET = re.compile(r"\s\(\s*\d+[.,]\d+\s*(?:mm)?\s*\)")
_LEFT_OPEN = re.compile(r"\s+(?:et|and|plus|puis|ou|or)\s*$", re.I)

# Words taking back the name just written: 'enfin non', 'non pardon', 'ou plutôt', 'I mean', 'no wait'.
_TAKEN_BACK = (
    r"(?:(?:sorry|pardon)[\s,]+)?(?:enfin\s+non|non\s+pardon|ou\s+plut[ôo]t|i\s+mean|no\s+wait|or\s+rather)"
)
_TAKEN_BACK_END = re.compile(rf"[\s,]+{_TAKEN_BACK}\s*$", re.I)
_TAKEN_BACK_AFTER = re.compile(rf",\s*(?:{_TAKEN_BACK}[\s,]*)+", re.I)
_ARTICLE = re.compile(r"(?:(?:les|la|le|des|the)\s+|l['’])?", re.I)
