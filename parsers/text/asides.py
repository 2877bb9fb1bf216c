"""What a sentence says around its counted items: a bracket telling the article's packing ('4 boîtes de
clips (les boîtes de 100)'), an item named first and counted after ('du liquide de frein, trois
bidons'), a question about goods already known ('vous avez bien reçu les 4 bidons ... ?')."""

from __future__ import annotations

import re

from models import ExtractedLine
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, read_quantity
from parsers.values.numbers import NUMBER, quantity_words_pattern
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sizes import each_words


def packing_aside(rest: str, at: int) -> int | None:
    """Where a bracket opened at `at` ends when it tells the packing or the size of the article
    before it ('(the 12-packs)', '(les cartons de 50)', '(200 per roll)', '(5 L too)'): the matcher
    tells the box from the single piece by it. None for a remark, a code or a restated count."""
    found = _BRACKET.match(rest, at)
    if found is None:
        return None
    inside = found["inside"].strip()
    if _RESTATED.match(inside) or len(inside.split()) > 8:
        return None  # '(soit 10 lots)': the same order counted otherwise, not the article
    words = _WORD.findall(inside)
    packed = any((unit := normalise_unit(w)) is not None and unit_kind(unit) == "count" for w in words)
    measured = any(unit_kind(normalise_unit(m["unit"]) or "") == "measure" for m in _MEASURE.finditer(inside))
    return found.end() if packed or measured else None


def asks_about_known(sentence: str, at: int) -> bool:
    """The count at `at` is in a question about goods already known ('vous avez bien reçu les 4
    bidons ... ?', 'did the 3 boxes arrive?'): a pointing word before it, a question mark closing it,
    no word asking for goods ('pouvez-vous livrer les 4 bidons ?' orders them)."""
    begin = max(sentence.rfind(mark, 0, at) for mark in (". ", "! ", "? ", "\n", ": ")) + 1
    ends = [e for e in (sentence.find(mark, at) for mark in (". ", "!", "?", "\n")) if e >= 0]
    end = min(ends) if ends else len(sentence)
    before = sentence[begin:at]
    return sentence[end : end + 1] == "?" and bool(POINTED.search(before)) and not ASKING.search(before)


def tells_own(sentence: str, at: int) -> bool:
    """The count at `at` tells what the sender runs or has ('Nous gérons une dizaine de locations', 'we run
    three kitchens', 'nous avons 2 sites'): the sender's own, no goods asked for."""
    return bool(_OWN.search(sentence, 0, at))


# 'we have' and not 'we'll have' nor 'could we have' (an order's words); the count right after the verb, or
# after 'about'.
_OWN = re.compile(
    r"(?<!\w)(?<!could\s)(?<!can\s)(?<!may\s)(?<!might\s)(?<!would\s)(?<!shall\s)(?:nous\s+(?:g[ée]rons|exploitons|tenons|avons|employons|comptons|poss[ée]dons)|on\s+(?:g[èe]re|exploite|"
    r"tient|a|emploie|compte)|je\s+(?:g[èe]re|exploite|tiens)|j.ai|we\s+(?:run|manage|operate|have|employ|own|"
    r"look\s+after)|i\s+(?:run|manage|operate|own))\s+(?:environ\s+|à\s+peu\s+près\s+|about\s+|around\s+|some\s+|"
    r"roughly\s+)?(?:une?\s+|an?\s+)?$",
    re.I,
)


def read_counted_last(
    sentence: str, taken: list[tuple[int, int]], *, part: str, start: int
) -> list[ExtractedLine]:
    """ "et du liquide de frein DOT 4 en 1 litre, trois bidons", "some brake cleaner, 6 cans": an
    item named with no count (a partitive before it, or 'pour les', 'for the') and counted in
    packagings after a comma (or, after 'pour les' / 'for the', a colon)."""
    found = []
    for match in _COUNTED_LAST.finditer(sentence):
        at = start + match.start("desc")
        if any(b < start + match.end() and at < e for b, e in taken):
            continue
        quantity, approx = read_quantity(match["qty"])
        unit = normalise_unit(match["unit"])
        if quantity is None or approx or unit is None or unit_kind(unit) != "count":
            continue
        desc = match["desc"].strip()
        found.append(
            line_from_parts(
                part,
                (at, start + match.end("unit")),
                desc=(desc, (at, at + len(desc))),
                qty=(quantity, (start + match.start("qty"), start + match.end("qty"))),
                unit=(unit, (start + match.start("unit"), start + match.end("unit"))),
                rule="text-prose",
                confidence=0.7,
            )
        )
    return found


def with_counts_said(sentence: str, lines: list[ExtractedLine], start: int) -> str | None:
    """The sentence with 'autant', 'the same number of', 'as many' written as the count of the item
    read just before them ('trois couronnes de fil bleu et autant en rouge'), the text keeping its
    length so that the places read stay; None when it says no such count."""
    said = list(sentence)
    for match in _SAME_COUNT.finditer(sentence):
        # the items of its own sentence: a count said sentences earlier is never the one said again
        opened = start + max(sentence.rfind(mark, 0, match.start()) for mark in (". ", "! ", "? ")) + 1
        before = [ln for ln in lines if ln.quantity and ln.provenance and ln.provenance.span]
        before = [
            ln
            for ln in before
            if opened <= ln.provenance.span[0] and ln.provenance.span[1] <= start + match.start()
        ]
        if before:
            last = max(before, key=lambda ln: ln.provenance.span[1])
            if not _JOINED.fullmatch(sentence[last.provenance.span[1] - start : match.start()]):
                continue  # the item just before, joined to it, or none: never a count said sentences earlier
            figure = f"{last.quantity.value.normalize():f}"
        else:
            # 'we need 24 RJ45 mechanisms and the same number of plates': the one count of the clause
            # before, an item named by its count alone, which the item counted so makes a list
            counts = _BARE_COUNT.findall(re.split(r"[,;:.!?]\s", sentence[: match.start()])[-1])
            if len(counts) != 1:
                continue
            figure = counts[0]
        if len(figure) > match.end("same") - match.start():
            continue
        said[match.start() : match.end("same")] = figure.ljust(match.end("same") - match.start())
    text = "".join(said)
    return text if text != sentence else None


_JOINED = re.compile(r"\s*(?:\([^()]*\))?\s*,?\s*(?:et|and|plus)\s", re.I)
# A count in figures standing alone before a word ('24 RJ45 ...'), not one glued in a name ('Cat6').
_BARE_COUNT = re.compile(r"(?<![\w.,/-])(\d{1,4})(?=\s+[^\W_])")
_SAME_COUNT = re.compile(
    r"(?:(?<=\bet\s)|(?<=\band\s)|(?<=\bplus\s))(?:autant(?P<de>\s+de\b|\s+d['’])?|the\s+same\s+(?:number|quantity)\s+of\b|as\s+many)"
    r"(?P<same>)(?=\s*(?:en|in|of|de|d['’])?\s*[^\W\d_])",
    re.I,
)
_BRACKET = re.compile(r"\s*\((?P<inside>[^()\n?]{1,80})\)")
_RESTATED = re.compile(r"(?:soit|i\.?e\.?|=|that\s+is|so\b|donc)", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_MEASURE = re.compile(rf"(?:{NUMBER})\s*(?P<unit>{UNIT_TOKEN})", re.I)
# A count after a word that points at things already known ('les deux agences', 'nos 3 camions').
POINTED = re.compile(r"(?<!\w)(?:les|ces|nos|vos|leurs|the|these|those|our|your|their)\s*$", re.I)


def _build_counted_last() -> re.Pattern[str]:
    count = rf"{NUMBER}|{quantity_words_pattern()}"
    return re.compile(
        rf"(?:^|(?<=[,;:])\s+|\b(?:et|and|puis|plus|aussi|also)\s+)"
        # 'et pour les gants nitrile taille L : deux cartons', 'and for the blue towels, 3 cases'
        rf"(?:(?:du|de\s+la|de\s+l['’]|des|some)\s+|(?P<aimed>pour\s+(?:les|le|la|l['’])\s*|for\s+the\s+))"
        rf"(?P<desc>[^\W\d_][^,;:.?!()\n]*?)\s*(?(aimed)[,:]|,)\s*(?P<qty>{count})\s+(?P<unit>{UNIT_TOKEN})"
        r"(?=\s*(?:[.;!]|$)|,\s|\s+(?:et|and)\s)",
        re.I,
    )


_COUNTED_LAST = _build_counted_last()
# Words asking for goods ('il nous faudrait', 'please send'): a sentence holding them orders.
ASKING = re.compile(
    r"(?<!\w)(?:" + any_of(each_words().asking) + r")(?!\w)",
    re.I,
)
