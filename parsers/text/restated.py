"""Corrections that say a line's size or colour anew: "les tee shirts c'est en L, pas XL", "the aprons
in black, not blue": the one line above whose name writes the old size or colour, and whose words the
sentence names, takes the new one. The count changes of parsers/text/corrections.py are read first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models import Extracted, ExtractedLine, Provenance
from parsers.text.named_lines import before, inside, line_words, named_once, sentences, significant
from parsers.vocabulary.phrases import any_of
from parsers.vocabulary.sizes import is_size, size_pattern, variant_words


def restate_lines(
    lines: list[ExtractedLine], text: str, *, part: str, rule: str
) -> tuple[list[ExtractedLine], list[Provenance]]:
    """The lines with the sizes and colours `text` says anew, and the places of the sentences read so."""
    read: list[Provenance] = []
    for sentence, at in sentences(text):
        changed = _swap_variant(lines, sentence, at, part=part, rule=rule)
        if changed is None:
            changed = _swap_word(lines, sentence, at, part=part)
        if changed is not None:
            lines = changed
            read.append(Provenance(part=part, span=(at, at + len(sentence)), rule=rule))
    return lines, read


def _swap_variant(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str
) -> list[ExtractedLine] | None:
    """'les tee shirts c'est en L, pas XL': the size or colour of the one line above it names."""
    for found in _variant_swap().finditer(sentence):
        new, old = (
            found["new"] or found["new_n"] or found["new_m"] or found["new_q"],
            found["old"] or found["old_n"] or found["old_m"] or found["old_q"],
        )
        if new.lower() == old.lower() or not _same_kind(new, old):
            continue
        written = re.compile(rf"(?<![\w/]){re.escape(old)}(?![\w/])", re.I)
        own = [ln for ln in lines if inside(ln, at, at + len(sentence), part)]
        holding = [ln for ln in lines if written.search(f"{_name(ln.description)} {_name(ln.code)}")]
        named = re.split(r"[,;:]", sentence[: found.start()])[-1]
        # '..., et le rinçage c'est le bidon de 20 L': the kind of container before the measure names no line,
        # nor does the word joining the clause to the one before.
        named = _JOINED.sub("", _CONTAINER.sub("", named) if found["new_q"] else named)
        target = _named(
            holding, named, found["old_m"] is not None, [ln for ln in holding if before(ln, at, part)]
        )
        if target is None:  # a forwarder's word over the list forwarded below it
            below = [ln for ln in holding if not before(ln, at + len(sentence), part)]
            target = _named(holding, named, found["old_m"] is not None, below)
        if target is None:
            continue  # a correction names the line it changes, above it
        # A code read from the catalogue's may be the mark itself ('Avery L7160' read as code L7160).
        for field in ("description", "code"):
            said = getattr(target, field)
            if said is not None and written.search(said.value):
                setattr(target, field, said.model_copy(update={"value": written.sub(new, said.value)}))
        target.notes.append(f"{old} changed to {new} by the customer's correction")
        # What the swap's own clause was read as goes; a line the sentence adds beside it stays.
        clause = (at + found.start() - len(named), at + found.end())
        return [ln for ln in lines if ln not in own or not inside(ln, *clause, part)]
    return None


# 'les épinards en branches et pas hachés', 'the gloves in nitrile, not latex': a word of one line's name
# said anew, the new words between the line's name and the negation.
_WORD_SWAP = re.compile(
    r",?\s+(?:et\s+non(?:\s+pas)?|et\s+pas|non\s+pas|and\s+not|not|pas|au\s+lieu\s+d[eu]s?|instead\s+of|rather\s+than)"
    r"\s+(?P<old>[^\W\d_][\w\-]{3,})(?![\w'’-])",
    re.I,
)
_COPULA = re.compile(
    r"^\s*(?:(?:c['’]est|it['’]?s|is|are|in|sont|must\s+be|should\s+be|doivent\s+être)\s+)+", re.I
)


def _swap_word(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str
) -> list[ExtractedLine] | None:
    """The one line whose name writes the word the sentence turns down, and whose words it names
    before the new ones, takes them in its place; a clerk reads the line the matcher finds for it."""
    own = [ln for ln in lines if inside(ln, at, at + len(sentence), part)]
    others = [ln for ln in lines if ln not in own]
    for found in _WORD_SWAP.finditer(sentence):
        written = re.compile(rf"(?<![\w/]){re.escape(found['old'])}(?![\w/])", re.I)
        holding = [ln for ln in others if ln.description and written.search(ln.description.value)]
        named = re.split(r"[,;:]", sentence[: found.start()])[-1]
        if len(holding) != 1 or named_once(others, named) is not holding[0]:
            continue
        target, words = holding[0], line_words(holding[0])
        naming = [m for m in re.finditer(r"[^\W\d_][\w\-]{3,}", named) if significant(m.group()) & words]
        new = _COPULA.sub("", named[naming[-1].end() :]).strip() if naming else ""
        if not new or re.search(r"\d", new) or len(new.split()) > 3 or significant(new) & words:
            continue
        value = written.sub(new, target.description.value)  # type: ignore[union-attr]
        target.description = target.description.model_copy(update={"value": value})  # type: ignore[union-attr]
        target.notes.append(f"{found['old']} changed to {new} by the customer's correction")
        clause = (at + found.start() - len(named), at + found.end())
        return [ln for ln in lines if ln not in own or not inside(ln, *clause, part)]
    return None


def _name(said: Extracted[str] | None) -> str:
    return said.value if said is not None else ""


def _named(
    holding: list[ExtractedLine], named: str, mark: bool, side: list[ExtractedLine]
) -> ExtractedLine | None:
    """The line of `side` the words name; a mark of letters and figures ('L7160', 'M6') written on one
    line of the whole order alone names it, in whatever words the sentence calls it ('the labels')."""
    if mark and len(holding) == 1 and side == holding:
        return holding[0]
    return named_once(side, named)


def _same_kind(new: str, old: str) -> bool:
    """Two sizes ('L', 'XL'; 'T9', 'T10'; '42', '44'), two colours ('noir', 'bleu'), two marks of one
    shape ('M8', 'M6'; '4000K', '3000K') or two measures in one unit ('20 L', '5 L')."""
    measures = _MEASURE.fullmatch(new), _MEASURE.fullmatch(old)
    if measures[0] or measures[1]:
        return bool(
            measures[0] and measures[1] and measures[0]["unit"].lower() == measures[1]["unit"].lower()
        )
    if _MARK.fullmatch(new) and _MARK.fullmatch(old):
        return re.sub(r"\d+", "#", new.upper()) == re.sub(r"\d+", "#", old.upper())
    colours = {c.lower() for c in variant_words().colours}
    if new.lower() in colours or old.lower() in colours:
        return new.lower() in colours and old.lower() in colours
    return is_size(new, bare=True) and is_size(old, bare=True) and new.isdigit() == old.isdigit()


# A mark of letters and figures that tells twins apart: a thread ('M8'), a rating ('16A', '4000K').
_MARK = re.compile(r"(?-i:[A-Z]{1,2}\d{1,4}|\d{1,4}[A-Z]{1,2})")
# What a container holds, spaced from its figure ('bidon de 20 L', 'the 750 ml one'): twins told apart.
_MEASURE = re.compile(r"\d+(?:[.,]\d+)?[ \t](?P<unit>mm|cm|m|l|ml|cl|kg|g)", re.I)
_JOINED = re.compile(r"^\s*(?:et|and|mais|but)\s+", re.I)
_CONTAINER = re.compile(
    r"\s+(?:c['’]est|it['’]?s|is)?\s*(?:le|la|les|the)?\s*[^\W\d_]+\s+(?:de|of)\s*$", re.I
)


@lru_cache(maxsize=1)
def _variant_swap() -> re.Pattern[str]:
    words = variant_words()
    colours = any_of(words.colours)
    link = r"(?:(?:en|in|taille|size|pointure)\s+)"

    def variant(name: str) -> str:  # a bare number is a size only after its link word ('en 10')
        return (
            rf"(?:{link}(?P<{name}_n>\d{{1,2}})|{link}?(?P<{name}>{size_pattern()}|{colours})"
            rf"|(?:(?:du|de|des|the)\s+)?(?P<{name}_m>{_MARK.pattern})|(?P<{name}_q>{_MEASURE.pattern.replace('?P<unit>', '?:')}))(?![\w/])"
        )

    return re.compile(
        rf"(?<![\w/])(?:c['’]est\s+|it['’]?s\s+|is\s+|sont\s+|are\s+)?{variant('new')}"
        # an aside may follow the new one: 'L7163 (14 per sheet), not L7160', 'the 1000 ml one, not ...'
        rf"(?:\s+(?:ones?|-?là))?(?:\s*\([^()\n]{{1,40}}\))?\s*,?\s+"
        rf"(?:et\s+non(?:\s+pas)?|non\s+pas|pas|not|and\s+not|au\s+lieu\s+d[eu]s?|instead\s+of|rather\s+than)"
        rf"\s+(?:(?:du|de|the|le|la)\s+)?{variant('old')}",
        re.I,
    )
