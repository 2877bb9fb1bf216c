"""Corrections that say a line's count or variant anew, without the old count beside it.

- "PS: make that 3 of the CF410X", "finalement 4 cartons de gants": the one line the words name takes
  that count (the words that set it: `set_to` in parsers/data/corrections.toml);
- "les tee shirts c'est en L, pas XL", "the aprons in black, not blue": the one line above whose name
  writes the old size or colour, and whose words the sentence names, takes the new one.
The count changes of parsers/text/corrections.py (an old count written) are read first.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from models import Extracted, ExtractedLine, Provenance
from parsers.text.corrections import _before, _inside, _named_once, _number, _sentences, correction_words
from parsers.values.numbers import NUMBER, quantity_words_pattern
from parsers.vocabulary.sizes import is_size, size_pattern, variant_words


def restate_lines(
    lines: list[ExtractedLine], text: str, *, part: str, rule: str
) -> tuple[list[ExtractedLine], list[Provenance]]:
    """The lines with the counts and variants `text` says anew, and the places of the sentences read so."""
    read: list[Provenance] = []
    for sentence, at in _sentences(text):
        for restate in (_set_count, _swap_variant):
            changed = restate(lines, sentence, at, part=part, rule=rule)
            if changed is not None:
                lines = changed
                read.append(Provenance(part=part, span=(at, at + len(sentence)), rule=rule))
    return lines, read


@lru_cache(maxsize=1)
def _set_to() -> re.Pattern[str]:
    words = sorted(correction_words().set_to, key=len, reverse=True)
    qty = rf"(?:{NUMBER}|{quantity_words_pattern()})"
    return re.compile(
        rf"(?:^|[\s,;:(])(?:{'|'.join(re.escape(w) for w in words)})[\s,:]+(?P<new>{qty})\s+"
        rf"(?:[^\W\d_]{{2,}}\.?\s+)?(?:of\s+the|of|de\s+la|des|de|du|d['’])\s*(?P<what>[^.;\n]{{3,80}})",
        re.I,
    )


def _set_count(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str
) -> list[ExtractedLine] | None:
    """'PS: make that 3 of the CF410X': the one line the words name gets the new count."""
    found = _set_to().search(sentence)
    if found is None:
        return None
    new = _number(found["new"])
    own = [ln for ln in lines if _inside(ln, at, at + len(sentence), part)]
    target = _named_once([ln for ln in lines if ln not in own], found["what"])
    if new is None or target is None or target.quantity is None or target.quantity.value == new:
        return None
    old = target.quantity.value
    prov = Provenance(part=part, span=(at + found.start("new"), at + found.end("new")), rule=rule)
    target.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
    target.notes.append(f"quantity {old} changed to {new} by the customer's correction")
    return [ln for ln in lines if ln not in own]


def _swap_variant(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str
) -> list[ExtractedLine] | None:
    """'les tee shirts c'est en L, pas XL': the size or colour of the one line above it names."""
    for found in _variant_swap().finditer(sentence):
        new, old = found["new"] or found["new_n"], found["old"] or found["old_n"]
        if new.lower() == old.lower() or not _same_kind(new, old):
            continue
        written = re.compile(rf"(?<![\w/]){re.escape(old)}(?![\w/])", re.I)
        own = [ln for ln in lines if _inside(ln, at, at + len(sentence), part)]
        holding = [
            ln
            for ln in lines
            if _before(ln, at, part) and ln.description and written.search(ln.description.value)
        ]
        target = _named_once(holding, re.split(r"[,;:]", sentence[: found.start()])[-1])
        if target is None or target.description is None:
            continue  # a correction names the line it changes, above it
        value = written.sub(new, target.description.value)
        target.description = target.description.model_copy(update={"value": value})
        target.notes.append(f"{old} changed to {new} by the customer's correction")
        return [ln for ln in lines if ln not in own]
    return None


def _same_kind(new: str, old: str) -> bool:
    """Two sizes ('L', 'XL'; 'T9', 'T10'; '42', '44') or two colours ('noir', 'bleu')."""
    colours = {c.lower() for c in variant_words().colours}
    if new.lower() in colours or old.lower() in colours:
        return new.lower() in colours and old.lower() in colours
    return is_size(new, bare=True) and is_size(old, bare=True) and new.isdigit() == old.isdigit()


@lru_cache(maxsize=1)
def _variant_swap() -> re.Pattern[str]:
    words = variant_words()
    colours = "|".join(re.escape(c) for c in sorted(words.colours, key=len, reverse=True))
    link = r"(?:(?:en|in|taille|size|pointure)\s+)"

    def variant(name: str) -> str:  # a bare number is a size only after its link word ('en 10')
        return rf"(?:{link}(?P<{name}_n>\d{{1,2}})|{link}?(?P<{name}>{size_pattern()}|{colours}))(?![\w/])"

    return re.compile(
        rf"(?<![\w/])(?:c['’]est\s+|it['’]?s\s+|is\s+|sont\s+|are\s+)?{variant('new')}\s*,?\s+"
        rf"(?:et\s+non(?:\s+pas)?|non\s+pas|pas|not|and\s+not|au\s+lieu\s+d[eu]s?|instead\s+of|rather\s+than)"
        rf"\s+(?:(?:du|de|the|le|la)\s+)?{variant('old')}",
        re.I,
    )
