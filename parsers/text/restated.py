"""Corrections that say a line's size or colour anew: "les tee shirts c'est en L, pas XL", "the aprons
in black, not blue": the one line above whose name writes the old size or colour, and whose words the
sentence names, takes the new one. The count changes of parsers/text/corrections.py are read first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from models import ExtractedLine, Provenance
from parsers.text.named_lines import before, inside, named_once, sentences
from parsers.vocabulary.sizes import is_size, size_pattern, variant_words


def restate_lines(
    lines: list[ExtractedLine], text: str, *, part: str, rule: str
) -> tuple[list[ExtractedLine], list[Provenance]]:
    """The lines with the sizes and colours `text` says anew, and the places of the sentences read so."""
    read: list[Provenance] = []
    for sentence, at in sentences(text):
        changed = _swap_variant(lines, sentence, at, part=part, rule=rule)
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
            found["new"] or found["new_n"] or found["new_m"],
            found["old"] or found["old_n"] or found["old_m"],
        )
        if new.lower() == old.lower() or not _same_kind(new, old):
            continue
        written = re.compile(rf"(?<![\w/]){re.escape(old)}(?![\w/])", re.I)
        own = [ln for ln in lines if inside(ln, at, at + len(sentence), part)]
        holding = [ln for ln in lines if ln.description and written.search(ln.description.value)]
        named = re.split(r"[,;:]", sentence[: found.start()])[-1]
        target = named_once([ln for ln in holding if before(ln, at, part)], named)
        if target is None:  # a forwarder's word over the list forwarded below it
            target = named_once([ln for ln in holding if not before(ln, at + len(sentence), part)], named)
        if target is None or target.description is None:
            continue  # a correction names the line it changes, above it
        value = written.sub(new, target.description.value)
        target.description = target.description.model_copy(update={"value": value})
        target.notes.append(f"{old} changed to {new} by the customer's correction")
        return [ln for ln in lines if ln not in own]
    return None


def _same_kind(new: str, old: str) -> bool:
    """Two sizes ('L', 'XL'; 'T9', 'T10'; '42', '44'), two colours ('noir', 'bleu') or two marks of one
    shape ('M8', 'M6'; '4000K', '3000K')."""
    if _MARK.fullmatch(new) and _MARK.fullmatch(old):
        return re.sub(r"\d+", "#", new.upper()) == re.sub(r"\d+", "#", old.upper())
    colours = {c.lower() for c in variant_words().colours}
    if new.lower() in colours or old.lower() in colours:
        return new.lower() in colours and old.lower() in colours
    return is_size(new, bare=True) and is_size(old, bare=True) and new.isdigit() == old.isdigit()


# A mark of letters and figures that tells twins apart: a thread ('M8'), a rating ('16A', '4000K').
_MARK = re.compile(r"(?-i:[A-Z]{1,2}\d{1,4}|\d{1,4}[A-Z]{1,2})")


@lru_cache(maxsize=1)
def _variant_swap() -> re.Pattern[str]:
    words = variant_words()
    colours = "|".join(re.escape(c) for c in sorted(words.colours, key=len, reverse=True))
    link = r"(?:(?:en|in|taille|size|pointure)\s+)"

    def variant(name: str) -> str:  # a bare number is a size only after its link word ('en 10')
        return (
            rf"(?:{link}(?P<{name}_n>\d{{1,2}})|{link}?(?P<{name}>{size_pattern()}|{colours})"
            rf"|(?:(?:du|de|des|the)\s+)?(?P<{name}_m>{_MARK.pattern}))(?![\w/])"
        )

    return re.compile(
        rf"(?<![\w/])(?:c['’]est\s+|it['’]?s\s+|is\s+|sont\s+|are\s+)?{variant('new')}\s*,?\s+"
        rf"(?:et\s+non(?:\s+pas)?|non\s+pas|pas|not|and\s+not|au\s+lieu\s+d[eu]s?|instead\s+of|rather\s+than)"
        rf"\s+(?:(?:du|de|the|le|la)\s+)?{variant('old')}",
        re.I,
    )
