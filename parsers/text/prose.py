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
from itertools import pairwise

from models import ExtractedLine
from parsers.text.asides import (
    asks_about_known,
    read_counted_last,
    tells_own,
    with_counts_said,
)
from parsers.text.extracted import MEASURE, UNIT_TOKEN, line_from_parts, read_quantity
from parsers.text.leading import MORE, MORE_AFTER
from parsers.text.prose_lists import line_end, line_start, read_listed
from parsers.text.prose_names import FUNCTION_WORD, cut_designation, with_measure
from parsers.text.size_shares import read_size_shares
from parsers.text.variants import read_headed, read_variants, swap_size, variant_spans
from parsers.values.numbers import NUMBER, quantity_words_pattern, word_numbers
from parsers.values.units import normalise_unit, unit_is_noun, unit_kind
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sieve import starting
from parsers.vocabulary.sizes import is_size


def read_prose(sentence: str, *, part: str, start: int) -> list[ExtractedLine]:
    """Order lines inside a sentence: "deux cartons de X, une boîte de Y et 3 rouleaux de Z"."""
    found = []
    matches = list(_prose_matches(sentence))
    for index, match in enumerate(matches):
        if found and match.start() + start < line_end(found[-1]):
            continue  # 'toilet rolls, the 96 roll one': a count in the name before is a word of it
        group = next(g for g in ("qty", "half", "approx") if match[g])
        if asks_about_known(sentence, match.start(group)):
            continue  # 'vous avez bien reçu les 4 bidons d'AdBlue ... ?': goods known, none ordered
        if tells_own(sentence, match.start(group)):
            continue  # 'Nous gérons une dizaine de locations': the sender's own, not goods
        quantity, approx = _halves(match, *_count(match[group]))
        if quantity is None:
            continue
        # "trois bidons 5 L de lave-glace": the size printed before 'de' belongs to the designation.
        desc_start = match.start("size") if match["size"] else match.start("desc")
        unit_group = "approx_unit" if match["approx_unit"] else "unit"
        if match["approx_unit"] and normalise_unit(match["approx_unit"]) is None:
            desc_start, unit_group = match.start("approx_unit"), "unit"  # 'une douzaine de prises de courant'
        times = _times_measure(sentence, match, group)
        if times:  # '3 x 5 litre hand gel refills': each article holds the measure, its name right after
            desc_start = match.start("unit")
        # 'twelve 2 kg sheets of dry butter': past a size, a word before 'of' that is no unit holds the article
        held = bool(match["measure"] and match["bare"] is None and not times and match[unit_group])
        held = held and normalise_unit(match[unit_group]) is None
        if held:
            desc_start = match.start(unit_group)
        desc, desc_end = _before_next_item(
            sentence, desc_start, cut_designation(sentence, desc_start), matches[index + 1 :]
        )
        if desc and _size_only(desc) and found:
            # '10 paquets de cartons 6 bouteilles, 6 paquets de 3 bouteilles': the item before in another size
            desc = _refigured(found[-1], desc) or desc
        if not desc or _size_only(desc):
            continue  # 'mozzarella 4 sacs de 2,5 kg', '2 colis de 24)': a size or a count names no article
        desc = with_measure(desc, match["measure"] or match["approx_measure"])
        span = (start + match.start(), start + desc_end)
        unit = normalise_unit(match[unit_group]) if match[unit_group] and not times else None
        if match[unit_group] and unit is None and not times and not held:
            continue
        if (
            match["bare"] is not None
            and not times
            and (
                unit is None
                or unit_kind(unit) != "count"
                or unit_is_noun(unit)  # "20 boîtes placo": the unit word may be the article
                or FUNCTION_WORD.match(sentence, match.start("desc"))
                # '8 colis. Ajoutez ...': the dot after the unit ends the sentence, no name follows
                or (match[unit_group].endswith(".") and match["desc"].isupper())
            )
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
                # 'two 180-egg cases of large eggs': what each case holds
                pack=(Decimal(match["pieces"]), (start + match.start("pieces"), start + match.end("pieces")))
                if match["pieces"]
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
    return _sized_as_before(_one_per_count(sorted([*lines, *last], key=line_start) if last else lines))


def _sized_as_before(lines: list[ExtractedLine]) -> list[ExtractedLine]:
    """'4 boxes nitrile gloves M and 4 boxes L': an item named by a size alone is the item before it in
    that size, when that one's name writes a size."""
    for before, line in pairwise(lines):
        said = line.description.value.strip() if line.description else ""
        swapped = swap_size(before.description.value, said) if before.description and is_size(said) else None
        if swapped and line.description is not None:
            line.description = line.description.model_copy(update={"value": swapped})
    return lines


def _one_per_count(lines: list[ExtractedLine]) -> list[ExtractedLine]:
    """'3 boxes of X, 2 of the Comap': one count is one item, read with the unit it elides when one reader did."""
    return [
        ln
        for ln in lines
        if not any(
            other is not ln
            and _count_span(other) == _count_span(ln)
            and _same_name(other, ln)
            and _before(other, ln)
            for other in lines
        )
    ]


def _times_measure(sentence: str, match: re.Match[str], group: str) -> bool:
    """'3 x 5 litre hand gel refills': a count, an x and a measure, then a name and no unit word."""
    return bool(
        match["measure"]
        and match["unit"]
        and normalise_unit(match["unit"]) is None
        and re.search(r"[x×]", sentence[match.end(group) : match.start("measure")])
    )


def _count(text: str) -> tuple[Decimal | None, bool]:
    """The count a word or figure says; 'a' and 'an' before a unit say one."""
    return (Decimal(1), False) if text.lower() in ("a", "an") else read_quantity(text)


def _before_next_item(
    sentence: str, begin: int, cut: tuple[str, int], later: list[re.Match[str]]
) -> tuple[str, int]:
    """A name typed on with no mark into the next item ('deux cartons de frites steakhouse quatre sacs de
    nuggets ...') ends where a count, a unit of packs and 'de'/'of' open that item, when a word is left
    before it ('deux cartons de 6 bouteilles' counts what a carton holds)."""
    desc, end = cut
    for match in later:
        if match.start() >= end:
            break
        unit = normalise_unit(match["unit"]) if match["unit"] and match["bare"] is None else None
        if unit is None or unit_kind(unit) != "count":
            continue
        name = sentence[begin : match.start()].rstrip(" ,;:")
        if re.search(r"[^\W\d_]{2}", name):
            return name, begin + len(name)
    return desc, end


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
    listed = read_listed(sentence, found, variants, part=part, start=start)
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
        if match["size"]:  # 'gaine ICTA 20, 2 de 25 et 1 de 16': the same article in another size
            desc, desc_end = _resized(before[-1], match["size"]), match.end("size")
        else:
            desc, desc_end = cut_designation(sentence, match.start("desc"))
            desc = _refigured(before[-1], desc) or desc  # '..., et 4 de 1 bouteille'
        if quantity is None or approx or not desc:
            continue
        unit = before[-1].unit
        extra.append(
            line_from_parts(
                part,
                (at, start + desc_end),
                desc=(desc, (start + match.start("size" if match["size"] else "desc"), start + desc_end)),
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
    # 'twelve parkas in yellow, six in L and six in XL': the count shared among sizes replaces the item
    shares, split = read_size_shares(sentence, [*found, *extra], part=part, start=start)
    kept = [ln for ln in [*found, *extra] if all(ln is not item for item in split)]
    kept += shares + read_variants(sentence, [*kept, *shares], part=part, start=start)
    return sorted(kept, key=lambda ln: ln.provenance.span[0] if ln.provenance and ln.provenance.span else 0)


def _same_name(one: ExtractedLine, other: ExtractedLine) -> bool:
    """The two names overlap where they are written ('the Lungo', 'Lungo'); 'the same in 230 mm' is another item."""
    spans = [
        ln.description.provenance.span if ln.description and ln.description.provenance else None
        for ln in (one, other)
    ]
    return (
        spans[0] is not None
        and spans[1] is not None
        and spans[0][0] < spans[1][1]
        and spans[1][0] < spans[0][1]
    )


def _before(one: ExtractedLine, other: ExtractedLine) -> bool:
    """Of two items read from one count, `one` is kept over `other`: the one with a unit, else the longer name."""
    said = (one.unit is not None, len(one.description.value) if one.description else 0)
    rival = (other.unit is not None, len(other.description.value) if other.description else 0)
    return said > rival or (said == rival and id(one) < id(other))


def _count_span(line: ExtractedLine) -> tuple[int, int] | None:
    where = line.quantity.provenance if line.quantity is not None else None
    return where.span if where is not None else None


def _resized(line: ExtractedLine, size: str) -> str | None:
    """The item's name with the figure standing alone last in it ('gaine ICTA 20') replaced by the size
    said; None when it holds none ('câble 3G2,5': a figure glued to letters is no size of its own)."""
    name = line.description.value if line.description else ""
    figures = list(_ALONE_FIGURE.finditer(name))
    return f"{name[: figures[-1].start()]}{size}{name[figures[-1].end() :]}" if figures else None


def _refigured(line: ExtractedLine, said: str) -> str | None:
    """The item's name with the figure before a word of it replaced by the one a nameless item says
    before that word ('cartons 6 bouteilles' and '3 bouteilles': 'cartons 3 bouteilles'); None when
    the name writes no such figure."""
    found = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s+([^\W\d_]{3,})\W*", said)
    name = line.description.value if line.description else ""
    if found is None:
        return None
    stem = re.escape(found[2][:-1] if found[2][-1:].lower() in "sx" else found[2])
    figure = re.search(rf"(?<![\w.,])\d+(?:[.,]\d+)?(?=\s+{stem})", name, re.I)
    return f"{name[: figure.start()]}{found[1]}{name[figure.end() :]}" if figure else None


def _build_elided() -> re.Pattern[str]:
    return starting(
        re.compile(
            rf"(?:,|\bet|\band|\bpuis|\bplus)\s+(?P<qty>{NUMBER}|{quantity_words_pattern()})\s+(?:de\s+|d'|d’|of\s+)"
            # '..., 2 de 25 et 1 de 16': a figure alone after 'de', closing its clause, is a size of the item before
            rf"(?:(?P<size>\d+(?:[.,]\d+)?)(?=\s*(?:$|[;.!?)]|,(?!\d)|\s(?:et|and|ou|or|puis|plus)\b))"
            # '3 couronnes de 2,5 bleu, 2 de 2,5 rouge': a name may open with its figure
            rf"|(?P<desc>[^\W\d]|\d+(?:[.,]\d+)?\s+[^\W\d_]))",
            re.I,
        )
    )


_ALONE_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w.,])")


def _build_prose() -> re.Pattern[str]:
    words = any_of(word_numbers().approx)
    approx = rf"(?:une?\s+|a\s+)?(?:{words})"
    # 'une douzaine de kilos de bavette': a unit may follow the rough count
    approx_unit = (
        rf"(?:\s+(?:de\s+|d'|d’|of\s+|(?P<approx_measure>{MEASURE})\s+)(?P<approx_unit>{UNIT_TOKEN})"
        rf"(?=\s+(?:de\s|d'|d’|of\s)))?"
    )
    # 'a case of', 'a pair of': the article counts one of a unit ('a lot of' counts nothing)
    one = r"an?(?=\s+(?!lot\b)[^\W\d_]+\s+of\s)"
    return starting(
        re.compile(
            rf"(?<![\w,.(])(?:(?P<approx>{approx}){approx_unit}|(?:(?P<half>une?\s+demie?|half\s+an?(?!\s+dozen))[\s-]+|"
            rf"(?P<qty>{quantity_words_pattern()}|{NUMBER}|{one})(?P<and_half>\s+and\s+a\s+half)?\s+)"
            rf"(?:{MORE}\s+)?(?:(?:[x×]\s*)?(?P<measure>{MEASURE})\s+)?(?:(?P<pieces>\d+)-(?!\d)[^\W\d_]+\s+)?(?P<unit>{UNIT_TOKEN})(?P<et_demi>\s+et\s+demie?)?)\s+(?:{MORE_AFTER}\s+)?(?:(?P<size>\d+(?:[.,]\d+)?\s?[^\W\d_]{{1,2}}\s+)?(?:de\s+|d'|d’|of\s+)"
            rf"|(?P<bare>))(?P<desc>[^\s;,.:!?])",
            re.I,
        )
    )


_SIZE_ONLY = re.compile(rf"^(?:{NUMBER})\s*(?P<unit>{UNIT_TOKEN})?\W*$", re.I)
_PROSE = _build_prose()
_ELIDED = _build_elided()
