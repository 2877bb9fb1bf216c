"""Order lines inside sentences: "il nous faudrait deux cartons de gobelets 20 cl et une douzaine de ...".

A quantity opens an item when a unit and "de"/"of" follow it ("3 cartons de
gobelets"), or a counted unit before a name ("trois bidons lave-glace" only with
'de'); a unit said once serves the next item ("une couronne de fil rouge et une
de fil bleu").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from models import ExtractedLine
from parsers.text.asides import (
    ASKING,
    POINTED,
    asks_about_known,
    packing_aside,
    read_counted_last,
    with_counts_said,
)
from parsers.text.extracted import MEASURE, UNIT_TOKEN, line_from_parts, read_quantity
from parsers.text.name_joins import name_goes_on
from parsers.text.qualifiers import qualifies
from parsers.text.variants import read_headed, read_variants, variant_spans
from parsers.values.dates import month_number
from parsers.values.numbers import NUMBER, quantity_words_pattern, word_numbers
from parsers.values.units import normalise_unit, unit_is_noun, unit_kind
from parsers.vocabulary.words import line_words


def read_prose(sentence: str, *, part: str, start: int) -> list[ExtractedLine]:
    """Order lines inside a sentence: "deux cartons de X, une boîte de Y et 3 rouleaux de Z"."""
    found = []
    for match in _prose_matches(sentence):
        if found and match.start() + start < _end(found[-1]):
            continue  # 'toilet rolls, the 96 roll one': a count in the name before is a word of it
        group = next(g for g in ("qty", "half", "approx") if match[g])
        if asks_about_known(sentence, match.start(group)):
            continue  # 'vous avez bien reçu les 4 bidons d'AdBlue ... ?': goods known, none ordered
        quantity, approx = _halves(match, *_count(match[group]))
        if quantity is None:
            continue
        # "trois bidons 5 L de lave-glace": the size printed before 'de' belongs to the designation.
        desc_start = match.start("size") if match["size"] else match.start("desc")
        unit_group = "approx_unit" if match["approx_unit"] else "unit"
        if match["approx_unit"] and normalise_unit(match["approx_unit"]) is None:
            desc_start, unit_group = match.start("approx_unit"), "unit"  # 'une douzaine de prises de courant'
        desc, desc_end = _cut_designation(sentence, desc_start)
        if not desc or _size_only(desc):
            continue  # 'mozzarella 4 sacs de 2,5 kg', '2 colis de 24)': a size or a count names no article
        desc = _with_measure(desc, match["measure"] or match["approx_measure"])
        span = (start + match.start(), start + desc_end)
        unit = normalise_unit(match[unit_group]) if match[unit_group] else None
        if match[unit_group] and unit is None:
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
                unit=(unit, (start + match.start(unit_group), start + match.end(unit_group)))
                if unit
                else None,
                rule="text-prose",
                confidence=0.5 if approx else 0.75,
                notes=["approximate quantity: confirm with the customer"] if approx else [],
            )
        )
    lines = _read_elided(sentence, found, part=part, start=start) or read_headed(
        sentence, part=part, start=start
    )
    taken = [ln.provenance.span for ln in lines if ln.provenance and ln.provenance.span]
    said = with_counts_said(sentence, lines, start)
    if said is not None:  # 'et autant en rouge': the count of the item before, said again
        return read_prose(said, part=part, start=start)
    last = read_counted_last(sentence, taken, part=part, start=start)
    return sorted([*lines, *last], key=_start) if last else lines


def _count(text: str) -> tuple[Decimal | None, bool]:
    """The count a word or figure says; 'a' and 'an' before a unit say one."""
    return (Decimal(1), False) if text.lower() in ("a", "an") else read_quantity(text)


def _prose_matches(sentence: str) -> Iterator[re.Match[str]]:
    """The counted items' places; past a count whose word is no unit ('le Salon 2026 et 2 colis de
    serviettes'), the search goes on right after that count, not after the words it took."""
    at = 0
    while (match := _PROSE.search(sentence, at)) is not None:
        yield match
        group = next(g for g in ("qty", "half", "approx") if match[g])
        counted = match["unit"] is None or normalise_unit(match["unit"]) is not None
        at = match.end() if counted else match.end(group)


def _size_only(desc: str) -> bool:
    """'2,5 kg', '24)': a measure or a count alone, not a name written with figures ('5G6')."""
    found = _SIZE_ONLY.match(desc)
    return found is not None and (
        found["unit"] is None or normalise_unit(found["unit"].rstrip(".")) is not None
    )


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
    variants = [(start + b, start + e) for b, e in variant_spans(sentence)]
    listed = _read_listed(sentence, found, variants, part=part, start=start)
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
    extra += read_variants(sentence, [*found, *extra], part=part, start=start)
    return sorted(
        [*found, *extra], key=lambda ln: ln.provenance.span[0] if ln.provenance and ln.provenance.span else 0
    )


def _read_listed(
    sentence: str, found: list[ExtractedLine], variants: list[tuple[int, int]], *, part: str, start: int
) -> list[ExtractedLine]:
    """ "une douzaine de disjoncteurs ... et six interrupteurs différentiels", "... Also 2 Leitz
    staplers", "and 6 HP toners": in a sentence already listing items, a count joined to them
    names the next item by itself (in pieces), a maker's initials ('HP', 'LG') as well as a word.
    Items named so before the first counted one are read when the list runs on from them to it
    ("il me faut 6 casques blancs, 6 gilets XL et 2 paires de gants"), or to a variant of theirs
    ("6 casques blancs et 2 rouges"); with no counted item at all, two or more joined as a list
    ("il nous faudrait 2 harnais antichute et 4 casques ventilés") are the list. A count inside the
    name of the item before it ('2 harnais antichute 3 points avec ceinture') names no item."""
    taken = [ln.provenance.span for ln in found if ln.provenance and ln.provenance.span]
    listed: list[ExtractedLine] = []
    heads: list[ExtractedLine] = []
    named_to = -1  # the end of the last name read here: a count inside it is a word of that name
    for match in _LISTED.finditer(sentence):
        at = start + match.start("qty")
        if at < named_to or any(b == at for b, _ in variants) or any(b <= at < e for b, e in taken):
            continue
        line = _listed_line(sentence, match, part=part, start=start)
        if line is None or line.provenance is None or line.provenance.span is None:
            continue
        named_to = line.provenance.span[1]
        # '... for the refurbishment. We also need three exit signs, ...': a list opens in each sentence
        opened = start + max(sentence.rfind(mark, 0, match.start()) for mark in (". ", "! ", "? "))
        if match["sep"] and any(e <= at for _, e in taken):
            listed.append(line)
        elif not any(opened < e <= at for _, e in taken):
            heads.append(line)
    if not found:
        return _bare_list(sentence, heads, variants, start)
    starts = [b for b, _ in taken] + [b for b, _ in variants] + [_start(ln) for ln in listed]
    for line in reversed(heads):
        end = line.provenance.span[1] if line.provenance and line.provenance.span else 0
        if any(_RUNS_ON.fullmatch(sentence[end - start : b - start]) for b in starts if b >= end):
            listed.append(line)
            starts.append(_start(line))
    return listed


def _bare_list(
    sentence: str, heads: list[ExtractedLine], variants: list[tuple[int, int]], start: int
) -> list[ExtractedLine]:
    """With no counted item, the items named by their counts alone that are joined as a list, to
    each other or to a variant of theirs; an article ('un gîte ... et un ami') makes no list alone."""
    spans = sorted(
        [*((_start(ln), _end(ln), ln) for ln in heads), *((b, e, None) for b, e in variants)],
        key=lambda item: item[0],
    )
    chains: list[list[tuple[int, int, ExtractedLine | None]]] = []
    for item in spans:
        if chains and _RUNS_ON.fullmatch(sentence[chains[-1][-1][1] - start : item[0] - start]):
            chains[-1].append(item)
        else:
            chains.append([item])
    return [
        line
        for chain in chains
        if len(chain) >= 2
        and any(line is None or not _by_article(sentence, line, start) for _, _, line in chain)
        and _asked(sentence[: chain[0][0] - start])
        for _, _, line in chain
        if line is not None
    ]


def _asked(before: str) -> bool:
    """The list is asked for: words asking for goods open its sentence ('il nous faudrait', 'please
    send'), or the list is all of it ('Bonjour, 6 casques blancs et 2 rouges'), not a sentence that
    counts something else ('nous sommes 3 techniciens et 2 apprentis')."""
    own = re.split(r"[.!?:;]\s", before)[-1]
    if POINTED.search(own):
        return False  # 'Les deux agences passent commande', 'the 40 tee-shirts': things known, not ordered
    return len(re.findall(r"[^\W\d_]+", own)) <= 1 or bool(ASKING.search(own))


def _by_article(sentence: str, line: ExtractedLine, start: int) -> bool:
    where = line.quantity.provenance.span if line.quantity and line.quantity.provenance else None
    return where is not None and sentence[where[0] - start : where[1] - start].lower() in _ARTICLES


def _end(line: ExtractedLine) -> int:
    return line.provenance.span[1] if line.provenance and line.provenance.span else 0


def _start(line: ExtractedLine) -> int:
    return line.provenance.span[0] if line.provenance and line.provenance.span else 0


def _listed_line(sentence: str, match: re.Match[str], *, part: str, start: int) -> ExtractedLine | None:
    """The item a count names by itself, in pieces; None when the word after the count is no article."""
    noun = match["noun"].lower()
    if (
        (normalise_unit(noun) and not _names_the_article(sentence, match))
        or _FUNCTION_WORD.fullmatch(noun)
        or noun in line_words().not_a_line_after_number
        or noun in line_words().street_words
        or month_number(noun) is not None
        or noun in _FRACTIONS  # "un demi-colis": half of a unit, read above
        # "une douzaine d'ampoules": a count, read above; 'two-point harnesses' is a name
        or (read_quantity(noun)[0] is not None and not sentence.startswith("-", match.end("noun")))
    ):
        return None
    quantity, approx = read_quantity(match["qty"])
    desc, desc_end = _cut_designation(sentence, match.start("noun"))
    if quantity is None or approx or not desc:
        return None
    desc = _with_measure(desc, match["measure"])
    if match["of_the"] and re.search(r"\bones?\b", desc, re.I):
        return None  # '2 of the brass ones': the item before, in another kind (read as its variant)
    at = start + match.start("qty")
    return line_from_parts(
        part,
        (at, start + desc_end),
        desc=(desc, (start + match.start("noun"), start + desc_end)),
        qty=(quantity, (at, start + match.end("qty"))),
        rule="text-prose",
        confidence=0.6,
    )


def _with_measure(desc: str, measure: str | None) -> str:
    """'two 5L cans of floor cleaner': what each holds names the article, after its name."""
    return f"{desc} {measure}" if measure else desc


def _names_the_article(sentence: str, match: re.Match[str]) -> bool:
    """'3 rouleaux à peinture', '2 caisses à outils', '20 boîtes placo': a unit word that heads the
    article's name (one the catalogue sells by the piece: the matcher tells), not a count of units."""
    unit = normalise_unit(match["noun"].lower())
    after = sentence[match.end("noun") :]
    return bool(unit and unit_kind(unit) == "count" and re.match(r"\s+(?:à|a|pour)\s+[^\W\d_]", after, re.I))


def _build_elided() -> re.Pattern[str]:
    return re.compile(
        rf"(?:,|\bet|\band|\bpuis|\bplus)\s+(?P<qty>{NUMBER}|{quantity_words_pattern()})\s+(?:de\s+|d'|d’|of\s+)(?P<desc>[^\W\d])",
        re.I,
    )


def _build_listed() -> re.Pattern[str]:
    return re.compile(
        # '..., de trois écrans et de cinq vestes': the 'de' the verb asks for may repeat after the join
        rf"(?:(?P<sep>,|\+|&|\bet|\band|\bpuis|\bplus|\balso|\baussi|\bainsi\s+qu(?:e|'|’)|\bas\s+well\s+as)\s*(?:de\s+|d['’])?|(?<![\w,.(/-])\s?)"
        rf"(?P<qty>an?\s+dozen|{quantity_words_pattern()}|{NUMBER})\s+(?:(?P<measure>{MEASURE})\s+)?(?P<of_the>of\s+the\s+)?(?P<noun>[^\W\d_]{{3,}}|[^\W\d_]{{1,2}}-[^\W\d_]{{2,}}|(?-i:[A-Z]{{2}}|[A-Z]{{1,3}}\d{{1,3}}(?=\s+[^\W\d_]{{3,}})))\b",
        re.I,
    )


def _build_prose() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(word_numbers().approx, key=len, reverse=True))
    approx = rf"(?:une?\s+|a\s+)?(?:{words})"
    # 'une douzaine de kilos de bavette': a unit may follow the rough count
    approx_unit = (
        rf"(?:\s+(?:de\s+|d'|d’|of\s+|(?P<approx_measure>{MEASURE})\s+)(?P<approx_unit>{UNIT_TOKEN})"
        rf"(?=\s+(?:de\s|d'|d’|of\s)))?"
    )
    # 'a case of', 'a pair of': the article counts one of a unit ('a lot of' counts nothing)
    one = r"an?(?=\s+(?!lot\b)[^\W\d_]+\s+of\s)"
    return re.compile(
        rf"(?<![\w,.(])(?:(?P<approx>{approx}){approx_unit}|(?:(?P<half>une?\s+demie?|half\s+an?(?!\s+dozen))[\s-]+|"
        rf"(?P<qty>{quantity_words_pattern()}|{NUMBER}|{one})(?P<and_half>\s+and\s+a\s+half)?\s+)"
        rf"(?:(?:[x×]\s*)?(?P<measure>{MEASURE})\s+)?(?P<unit>{UNIT_TOKEN})(?P<et_demi>\s+et\s+demie?)?)\s+(?:(?P<size>\d+(?:[.,]\d+)?\s?[^\W\d_]{{1,2}}\s+)?(?:de\s+|d'|d’|of\s+)"
        rf"|(?P<bare>))(?P<desc>\S)",
        re.I,
    )


def _cut_designation(sentence: str, begin: int) -> tuple[str, int]:
    rest = sentence[begin:]
    end = _stop(rest, 0)
    aside = packing_aside(rest, end) if rest.startswith(" (", end) else None
    if aside is not None:  # '4 boîtes de clips 20 (les boîtes de 100)': the packing names the article
        end = aside
    named = _CODE_THEN_NAME.match(rest[end:]) if _CODE_ALONE.fullmatch(rest[:end]) else None
    if named is not None:  # '2 cases of BS-PAP-0201 (the Z-fold towels)': the name in brackets after a code
        end += named.end()
    # ', 3 points with belt, size M/L', ', la boîte de 50': what the article is like, no item of its own.
    while rest[end : end + 2] == ", " and qualifies(rest[end + 2 : _stop(rest, end + 2)]):
        end = _stop(rest, end + 2)
    if rest[:end].rstrip().endswith("."):
        end = len(rest[:end].rstrip()) - 1
    left_open = _LEFT_OPEN.search(rest[:end])  # 'gilets orange XL et' at a wrapped line's end
    if left_open is not None and left_open.start() > 0:
        end = left_open.start()
    desc = rest[:end].strip(" .,;:")
    return desc, begin + len(rest[:end].rstrip(" .,;:"))


def _stop(rest: str, begin: int) -> int:
    """Where the designation starting at `begin` ends: the first stop word or mark after it."""
    end = len(rest)
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
_FUNCTION_WORD = re.compile(
    r"(?:au|aux|à|a|en|pour|par|le|la|les|du|des|et|ou|sur|dans|avec|instead|for|to|per|the|in|on|at|from|and|or)\b",
    re.I,
)
# What joins one item of a list to the next: ", ", " et ", " and ", ", and ", " ainsi que ".
_JOIN = r"(?:(?:et|and|plus|puis|also|aussi|as\s+well\s+as|\+|&)\s+|ainsi\s+qu(?:e\s+|'|’))"
# A remark in brackets may close an item before the join ('30 prises blanches (notre code 4170), 5 boîtes'), and
# words after a comma saying what it is like, no clause ('12 keyboards, Swiss layout (QWERTZ), 6 staplers').
_ASIDE = r",\s*(?!(?:we|they|you|i|it|nous|vous|ils?|elles?|on|je)\b)[^\W\d_][^\W\d]*(?:\s+[^\W\d]+){0,3}"
_BRACKET = r"(?:\s*\([^()]*\))?"
_RUNS_ON = re.compile(rf"{_BRACKET}(?:{_ASIDE}{_BRACKET}){{0,2}}\s*(?:,\s*{_JOIN}?|{_JOIN})", re.I)
_LEFT_OPEN = re.compile(r"\s+(?:et|and|plus|puis|ou|or)\s*$", re.I)
_ARTICLES = frozenset({"un", "une", "a", "an"})
_FRACTIONS = frozenset({"demi", "demie", "half"})
_SIZE_ONLY = re.compile(rf"^(?:{NUMBER})\s*(?P<unit>{UNIT_TOKEN})?\W*$", re.I)
_PROSE = _build_prose()
_ELIDED = _build_elided()
_LISTED = _build_listed()
