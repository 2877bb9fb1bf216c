"""Order lines inside sentences: "il nous faudrait deux cartons de gobelets 20 cl et une douzaine de ...".

A quantity opens an item when a unit and "de"/"of" follow it ("3 cartons de
gobelets"), or a counted unit before a name ("trois bidons lave-glace" only with
'de'); a unit said once serves the next item ("une couronne de fil rouge et une
de fil bleu").
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.extracted import UNIT_TOKEN, line_from_parts, read_quantity
from parsers.values.dates import month_number
from parsers.values.numbers import NUMBER, quantity_words_pattern, word_numbers
from parsers.values.units import normalise_unit, unit_is_noun, unit_kind
from parsers.vocabulary.words import line_words


def read_prose(sentence: str, *, part: str, start: int) -> list[ExtractedLine]:
    """Order lines inside a sentence: "deux cartons de X, une boîte de Y et 3 rouleaux de Z"."""
    found = []
    for match in _PROSE.finditer(sentence):
        group = next(g for g in ("qty", "half", "approx") if match[g])
        quantity, approx = _halves(match, *read_quantity(match[group]))
        if quantity is None:
            continue
        # "trois bidons 5 L de lave-glace": the size printed before 'de' belongs to the designation.
        desc_start = match.start("size") if match["size"] else match.start("desc")
        desc, desc_end = _cut_designation(sentence, desc_start)
        if not desc or _SIZE_ONLY.match(desc):
            continue  # 'mozzarella 4 sacs de 2,5 kg', '2 colis de 24)': a size or a count names no article
        span = (start + match.start(), start + desc_end)
        unit = normalise_unit(match["unit"]) if match["unit"] else None
        if match["unit"] and unit is None:
            continue
        if match["bare"] is not None and (
            unit is None
            or unit_kind(unit) != "count"
            or unit_is_noun(unit)  # "20 boîtes placo": the unit word may be the article
            or _FUNCTION_WORD.match(sentence, match.start("desc"))
        ):
            continue  # "trois bidons lave-glace": with no 'de', only a counted unit before a name opens an item
        found.append(
            line_from_parts(
                part,
                span,
                desc=(desc, (start + desc_start, start + desc_end)),
                qty=(quantity, (start + match.start(group), start + _count_end(match, group))),
                unit=(unit, (start + match.start("unit"), start + match.end("unit"))) if unit else None,
                rule="text-prose",
                confidence=0.5 if approx else 0.75,
                notes=["approximate quantity: confirm with the customer"] if approx else [],
            )
        )
    return _read_elided(sentence, found, part=part, start=start) if found else found


def _halves(match: re.Match[str], quantity: Decimal | None, approx: bool) -> tuple[Decimal | None, bool]:
    """ "un demi-colis", "half a case": half of one unit; "un kilo et demi", "one and a half kilos": a half more."""
    if match["half"]:
        return Decimal("0.5"), False
    if quantity is not None and (match["and_half"] or match["et_demi"]):
        return quantity + Decimal("0.5"), approx
    return quantity, approx


def _count_end(match: re.Match[str], group: str) -> int:
    """Where the count ends: past its half ('un kilo et demi', 'one and a half'), so the half is read in it."""
    return max(match.end(group), match.end("and_half"), match.end("et_demi"))


def _read_elided(sentence: str, found: list[ExtractedLine], *, part: str, start: int) -> list[ExtractedLine]:
    """ "une couronne de fil rouge et une de fil bleu": the unit said once serves the next item."""
    taken = [ln.provenance.span for ln in found if ln.provenance and ln.provenance.span]
    # The items named by a bare count come first: "6 HP toners and 2 of the yellow ones" elides
    # no unit, as the item just before says none.
    listed = _read_listed(sentence, found, part=part, start=start)
    extra: list[ExtractedLine] = []
    for match in _ELIDED.finditer(sentence):
        at = start + match.start("qty")
        before = sorted(
            (
                ln
                for ln in [*found, *listed]
                if ln.provenance and ln.provenance.span and ln.provenance.span[1] <= at
            ),
            key=lambda ln: ln.provenance.span[1] if ln.provenance and ln.provenance.span else 0,
        )
        if not before or any(b <= at < e for b, e in taken) or before[-1].unit is None:
            continue
        quantity, approx = read_quantity(match["qty"])
        desc, desc_end = _cut_designation(sentence, match.start("desc"))
        if quantity is None or approx or not desc:
            continue
        unit = before[-1].unit
        extra.append(
            line_from_parts(
                part,
                (at, start + desc_end),
                desc=(desc, (start + match.start("desc"), start + desc_end)),
                qty=(quantity, (at, start + match.end("qty"))),
                unit=(
                    unit.value,
                    unit.provenance.span if unit.provenance and unit.provenance.span else (at, at),
                ),
                rule="text-prose",
                confidence=0.7,
            )
        )
    extra += listed
    return sorted(
        [*found, *extra], key=lambda ln: ln.provenance.span[0] if ln.provenance and ln.provenance.span else 0
    )


def _read_listed(sentence: str, found: list[ExtractedLine], *, part: str, start: int) -> list[ExtractedLine]:
    """ "une douzaine de disjoncteurs ... et six interrupteurs différentiels", "... Also 2 Leitz
    staplers", "and 6 HP toners": in a sentence already listing items, a count joined to them
    names the next item by itself (in pieces), a maker's initials ('HP', 'LG') as well as a word.
    Items named so before the first counted one are read when the list runs on from them to it
    ("il me faut 6 casques blancs, 6 gilets XL et 2 paires de gants")."""
    taken = [ln.provenance.span for ln in found if ln.provenance and ln.provenance.span]
    listed: list[ExtractedLine] = []
    heads: list[tuple[ExtractedLine, int]] = []
    for match in _LISTED.finditer(sentence):
        at = start + match.start("qty")
        if any(b <= at < e for b, e in taken):
            continue
        line = _listed_line(sentence, match, part=part, start=start)
        if line is None:
            continue
        if match["sep"] and any(e <= at for _, e in taken):
            listed.append(line)
        elif not any(e <= at for _, e in taken):
            heads.append((line, match.end("noun")))
    starts = [b for b, _ in taken] + [
        ln.provenance.span[0] for ln in listed if ln.provenance and ln.provenance.span
    ]
    for line, _ in reversed(heads):
        span = line.provenance.span if line.provenance and line.provenance.span else None
        if span and any(
            _RUNS_ON.fullmatch(sentence[span[1] - start : b - start]) for b in starts if b >= span[1]
        ):
            listed.append(line)
            starts.append(span[0])
    return listed


def _listed_line(sentence: str, match: re.Match[str], *, part: str, start: int) -> ExtractedLine | None:
    """The item a count names by itself, in pieces; None when the word after the count is no article."""
    noun = match["noun"].lower()
    if (
        normalise_unit(noun)
        or _FUNCTION_WORD.fullmatch(noun)
        or noun in line_words().not_a_line_after_number
        or noun in line_words().street_words
        or month_number(noun) is not None
        or noun in _FRACTIONS  # "un demi-colis": half of a unit, read above
        or read_quantity(noun)[0] is not None  # "une douzaine d'ampoules": a count, read above
    ):
        return None
    quantity, approx = read_quantity(match["qty"])
    desc, desc_end = _cut_designation(sentence, match.start("noun"))
    if quantity is None or approx or not desc:
        return None
    at = start + match.start("qty")
    return line_from_parts(
        part,
        (at, start + desc_end),
        desc=(desc, (start + match.start("noun"), start + desc_end)),
        qty=(quantity, (at, start + match.end("qty"))),
        rule="text-prose",
        confidence=0.6,
    )


def _build_elided() -> re.Pattern[str]:
    return re.compile(
        rf"(?:,|\bet|\band|\bpuis|\bplus)\s+(?P<qty>{NUMBER}|{quantity_words_pattern()})\s+(?:de\s+|d'|d’|of\s+)(?P<desc>[^\W\d])",
        re.I,
    )


def _build_listed() -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<sep>,|\bet|\band|\bpuis|\bplus|\balso|\baussi|\bainsi\s+qu(?:e|'|’)|\bas\s+well\s+as)\s*|(?<![\w,.(/-])\s?)"
        rf"(?P<qty>an?\s+dozen|{NUMBER}|{quantity_words_pattern()})\s+(?P<noun>[^\W\d_]{{3,}}|(?-i:[A-Z]{{2}}))\b",
        re.I,
    )


def _build_prose() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(word_numbers().approx, key=len, reverse=True))
    approx = rf"(?:une?\s+|a\s+)?(?:{words})"
    return re.compile(
        rf"(?<![\w,.(])(?:(?P<approx>{approx})|(?:(?P<half>une?\s+demie?|half\s+an?)[\s-]+|"
        rf"(?P<qty>{NUMBER}|{quantity_words_pattern()})(?P<and_half>\s+and\s+a\s+half)?\s+)"
        rf"(?P<unit>{UNIT_TOKEN})(?P<et_demi>\s+et\s+demie?)?)\s+(?:(?P<size>\d+(?:[.,]\d+)?\s?[^\W\d_]{{1,2}}\s+)?(?:de\s+|d'|d’|of\s+)"
        rf"|(?P<bare>))(?P<desc>\S)",
        re.I,
    )


def _cut_designation(sentence: str, begin: int) -> tuple[str, int]:
    rest = sentence[begin:]
    end = len(rest)
    lowered = rest.lower()
    for stop in [*line_words().prose_stops, ", ", "; ", ". ", " ?", "?", "!", " (", "\n"]:
        at = lowered.find(stop)
        if 0 < at < end:
            end = at
    if rest[:end].rstrip().endswith("."):
        end = len(rest[:end].rstrip()) - 1
    desc = rest[:end].strip(" .,;:")
    return desc, begin + len(rest[:end].rstrip(" .,;:"))


_FUNCTION_WORD = re.compile(
    r"(?:au|aux|à|a|en|pour|par|le|la|les|du|des|et|ou|sur|dans|avec|instead|for|to|per|the|in|on|at|from|and|or)\b",
    re.I,
)
# What joins one item of a list to the next: ", ", " et ", " and ", ", and ".
_RUNS_ON = re.compile(r"\s*(?:,\s*(?:(?:et|and)\s+)?|(?:et|and)\s+)", re.I)
_FRACTIONS = frozenset({"demi", "demie", "half"})
_SIZE_ONLY = re.compile(rf"^{NUMBER}\s*(?:{UNIT_TOKEN})?\W*$", re.I)
_PROSE = _build_prose()
_ELIDED = _build_elided()
_LISTED = _build_listed()
