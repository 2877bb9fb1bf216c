"""The counts a correction sentence changes ('mettez 8 paires de gants au lieu de 5', 'sorry, 15 of the
glasses, not 10') and a count joined after the change ('6 cônes au lieu de 4, et donc 6 lampes flash aussi')
(parsers/text/corrections.py applies them)."""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedLine, Provenance
from parsers.text.correction_patterns import CHANGE_KEYS, correction_patterns, possible_keys
from parsers.text.extracted import measure_after
from parsers.text.named_lines import before, fold_code, inside, named_once, significant
from parsers.values.units import normalise_unit, unit_kind


def count_changes(sentence: str, lines: list[ExtractedLine]) -> list[re.Match[str]]:
    """The new and old counts the sentence writes, in order; an article's code is no count
    ('10004682 should read 4 off, not 2': 4 stands, not the code)."""
    patterns, found = correction_patterns(), []
    codes = {fold_code(ln.code.value) for ln in lines if ln.code}
    for key in possible_keys(CHANGE_KEYS, sentence):
        at = 0
        while (match := patterns[key].search(sentence, at)) is not None:
            glued = match.start("new") > 0 and sentence[match.start("new") - 1] in "-/._"
            if glued or fold_code(match["new"]) in codes or len(re.sub(r"\D", "", match["new"])) > 5:
                at = match.end("new")
                continue
            match = _closest(patterns[key], sentence, match)
            found.append(match)
            at = match.end()
    return sorted(found, key=lambda m: m.start())


# The words between a count and the one it replaces that name nothing ('et pas', 'au lieu de').
_BETWEEN = frozenset(
    re.findall(r"\S+", "et pas not and non au lieu de instead of rather than plutôt que à la place")
)


_NAMING = re.compile(r"(?:\b(?:the|of|des|les|de|du|ces|these|those)|\bd['’])\s*$", re.I)


def _held_by_the_goods(sentence: str, match: re.Match[str]) -> bool:
    """'4 of the 1000 mm wipers, not 2': a measure said after 'the', 'des' is what the goods hold, no
    count ('make it 20 kg of turkey, not 15' counts in kg); so is a figure with decimals there ('6 rolls
    of the 4.20 wide one, not 4')."""
    at = match.start("new")
    sized = measure_after(sentence, match.end("new")) or re.search(r"[.,]\d", match["new"]) is not None
    return sized and _NAMING.search(sentence[:at]) is not None


def _closest(pattern: re.Pattern[str], sentence: str, match: re.Match[str]) -> re.Match[str]:
    """The change whose new count is the one counting what it names ('les bottes en 44, 6 paires et pas
    4', 'les sacs 100 L mettez 4 cartons au lieu de 2'), not a size said before it; a size said after
    the count ('4 couronnes d'ICTA 25 au lieu de 3') leaves it."""
    while (later := pattern.search(sentence, match.start("new") + len(match["new"]))) is not None:
        if later.end() != match.end() or _held_by_the_goods(sentence, later):
            break
        between = sentence[later.end("new") : later.start("old")]
        if not any(len(w) > 2 and w.lower() not in _BETWEEN for w in re.findall(r"[^\W\d_]+", between)):
            break
        match = later
    return match


# A clause joined after a change, with words of its own: '6 cônes au lieu de 4, et donc 6 lampes flash aussi'.
NEXT_CLAUSE = re.compile(r",\s*(?:et|and|puis|plus|also|aussi)\b|;", re.I)


_JOINED_COUNT = re.compile(r"^[^\d]{0,30}?(?<![\w,.])(?P<new>\d+)\s+(?P<what>[^\W\d_][^,.;:\n]{1,60})")


def recount_joined(
    lines: list[ExtractedLine], clause: str, at: int, *, part: str, rule: str
) -> list[ExtractedLine]:
    """A count joined after a correction, naming one line read before ('..., et donc 6 lampes flash
    aussi'): that line takes it."""
    found = _JOINED_COUNT.search(clause)
    others = [ln for ln in lines if ln.quantity is not None and before(ln, at, part)]
    target = named_once(others, found["what"]) if found else None
    if found is None or target is None or target.quantity is None:
        return lines
    old, new = target.quantity.value, Decimal(found["new"])
    prov = Provenance(part=part, span=(at + found.start("new"), at + found.end("new")), rule=rule)
    target.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
    target.notes.append(f"quantity {old} changed to {new} by the customer's correction")
    return [
        ln for ln in lines if not inside(ln, at, at + len(clause), part)
    ]  # the clause's own reading of it


def joined_after_change(sentence: str, lines: list[ExtractedLine]) -> int | None:
    """Where a clause joined after the sentence's one change starts, when it says a count of its own."""
    changes = count_changes(sentence, lines)
    joined = NEXT_CLAUSE.search(sentence, changes[0].end()) if len(changes) == 1 else None
    return joined.start() if joined and re.search(r"\d", sentence[joined.end() :]) else None


def opens_with(line: ExtractedLine, words: set[str]) -> bool:
    """The line's name opens with one of the words: it names that article, where another may only fit it."""
    first = (
        significant(line.description.value.split()[0])
        if line.description and line.description.value
        else set()
    )
    return bool(first & words)


# The unit a new count is said in, and what each holds: '2 cases of 6 rather than 12 loose', '3 cartons de 12'.
_UNIT_AFTER = re.compile(r"\s+(?P<unit>[^\W\d_][\w.]*)(?:\s+(?:of|de|d['’])\s*(?P<pack>\d+)\b)?")


def recounted_in_unit(line: ExtractedLine, sentence: str, end: int, *, at: int, part: str, rule: str) -> None:
    """The unit (and what each holds) the new count ending at `end` is said in, on the line it recounts:
    'make the glass cleaner 2 cases of 6 rather than 12 loose' counts cases of 6, no longer loose sprays."""
    said = _UNIT_AFTER.match(sentence, end)
    unit = normalise_unit(said["unit"].rstrip(".")) if said else None
    if said is None or unit is None or unit_kind(unit) != "count":
        return
    prov = Provenance(part=part, span=(at + said.start("unit"), at + said.end()), rule=rule)
    line.unit = Extracted[str](value=unit, confidence=0.8, provenance=prov)
    pack = Decimal(said["pack"]) if said["pack"] else None
    line.pack_size = (
        Extracted[Decimal](value=pack, confidence=0.8, provenance=prov) if pack and pack > 1 else None
    )
