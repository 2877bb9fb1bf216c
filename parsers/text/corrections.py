"""Corrections a customer writes inside the order: the last word counts (parsers/data/corrections.toml).

- on the line itself: "Gilets XL : 10 -- pardon, 12 et non 10" orders 12; "Bottes P43 : 4 (annulé)"
  orders nothing;
- in a sentence under the list: "mettez 8 paires de gants au lieu de 5", "sorry, 15 of the
  glasses, not 10" change the line that had the old count and names those words; "enlevez les
  tee-shirts", "supprimez la ligne 3" take a line out; the sentence itself is no new line;
- a postscript under the signature ("P.S. ajoutez aussi 2 trousses") is read as the order's text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from pydantic import BaseModel, Field

from models import Extracted, ExtractedLine, Provenance
from models.datafiles import load_toml
from parsers.values.numbers import NUMBER, parse_number, quantity_words_pattern, word_quantity
from parsers.values.units import normalise_unit
from parsers.vocabulary.sizes import is_size, size_pattern, variant_words
from parsers.vocabulary.words import DATA


class CorrectionWords(BaseModel):
    postscript: list[str]
    cancelled: list[str]
    apology: list[str]
    instead: list[str]
    remove: list[str]
    except_: list[str] = Field(alias="except")
    whole_order: list[str]
    line_words: list[str]
    add: list[str]
    fillers: list[str]
    beside: list[str]
    set_to: list[str]


class _CorrectionsFile(BaseModel):
    corrections: CorrectionWords


@lru_cache(maxsize=1)
def correction_words() -> CorrectionWords:
    """The [corrections] section of parsers/data/corrections.toml."""
    return load_toml(DATA / "corrections.toml", _CorrectionsFile).corrections


def _words(items: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    words = correction_words()
    qty = rf"(?:{NUMBER}|{quantity_words_pattern()})"
    instead, apology = _words(words.instead), _words(words.apology)
    return {
        "postscript": re.compile(rf"^\s*(?:{'|'.join(words.postscript)})\s*[:\-–]?\s*", re.I),
        "cancelled": re.compile(
            rf"\d[^()\n]*?(?:\(\s*|[-–—,;:/]\s*|\s)(?:{_words(words.cancelled)})(?!\w)", re.I
        ),
        "reference": re.compile(
            rf"(?P<new>(?=[\w\-/.]*\d)[^\W_][\w\-/.]{{2,}})\s*,?\s+(?:{instead})\s+(?P<old>(?=[\w\-/.]*\d)[^\W_][\w\-/.]{{2,}})",
            re.I,
        ),
        "cancel_note": re.compile(rf"^\W*(?:{_words(words.cancelled)})(?!\w)", re.I),
        "inline": re.compile(
            rf"\s*(?:--|[-–—,;(/])\s*(?:(?:{apology})(?!\w)[\s,:!]*)?(?P<new>\d+(?:[.,]\d+)?)\s+(?:{instead})\s+"
            rf"(?P<old>\d+(?:[.,]\d+)?)\s*\)?\s*[.!]?\s*$",
            re.I,
        ),
        "instead_of": re.compile(
            # a word may carry its size: '4 couronnes d'ICTA 25 au lieu de 3'
            rf"(?P<new>{qty})\s*(?:[^\W\d_][\w'’\-]*\.?\s+(?:\d+(?:[.,]\d+)?\s+)?){{0,6}}?"
            rf"(?:au lieu de|à la place de|instead of|rather than)\s+(?P<old>{qty})",
            re.I,
        ),
        # "only 2 of the batteries, not 3", "15 of the anti-fog glasses, not 10", "12 et non 10"; never a code's
        # digits ('10004682 should read 4 off, not 2')
        "not_old": re.compile(
            rf"\b(?!\d{{5}})(?P<new>{qty})\b[^.\n]{{0,60}}?,?\s+(?:not|pas|et non|and not|non pas)\s+(?P<old>{qty})\b",
            re.I,
        ),
        "add": re.compile(
            rf"(?:^\s*|[,;:]\s*|\b(?:et|and)\s+)(?:{_words(words.add + words.beside)})(?!\w)\s*:?\s*"
            rf"(?:(?:{_words(words.fillers)})(?!\w)\s*)*(?=\d|{quantity_words_pattern()})",
            re.I,
        ),
        # "PS: make that 3 of the CF410X", "finalement 4 cartons de gants": a count set anew, no old one
        "set_to": re.compile(
            rf"(?:^|[\s,;:(])(?:{_words(words.set_to)})[\s,:]+(?P<new>{qty})\s+(?:[^\W\d_]{{2,}}\.?\s+)?"
            rf"(?:of\s+the|of|de\s+la|des|de|du|d['’])\s*(?P<what>[^.;\n]{{3,80}})",
            re.I,
        ),
        # "-> non pardon, un seul", "(sorry, 3)": the line's count said again after an apology
        "recount": re.compile(
            rf"\s*(?:->|=>|--|[-–—,;(/])\s*(?:(?:non|no)[\s,]+)?(?:{apology})[\s,:!]+(?P<new>{qty})"
            rf"(?:\s+(?:seul|seule|seulement|only|just))?\s*(?=[,.;)!]|$)",
            re.I,
        ),
        "filler_tail": re.compile(rf"(?:[\s,]+(?:{_words(words.fillers)}))+\s*[.!]?\s*$", re.I),
        "remove": re.compile(rf"\b(?:{_words(words.remove)})\s+(?P<what>[^.;\n]{{3,80}})", re.I),
        "except": re.compile(
            rf"\b(?:{_words(words.whole_order)})\b[^.;\n]{{0,80}}?\b(?:{_words(words.except_)})\s+(?P<what>[^.;,:(\n]{{3,80}})(?![^.;\n]*\d)",
            re.I,
        ),
        "line_number": re.compile(
            rf"^\s*(?:la\s+|the\s+|l['’]\s*)?(?:{_words(words.line_words)})\s*n?[°o.]?\s*(?P<no>\d{{1,2}})\b",
            re.I,
        ),
    }


def postscript_at(line: str) -> int | None:
    """Where the text of a postscript starts ('P.S. ajoutez ...'), None when the line opens none."""
    found = _patterns()["postscript"].match(line)
    return found.end() if found and found.end() < len(line.rstrip()) else None


def added_item(line: str) -> tuple[int, int, int] | None:
    """'ajoutez aussi 2 trousses de secours.', '..., et en plus 2 jugulaires, pas sur le bon': where the
    adding words start, and where the item they add starts and ends."""
    found = _patterns()["add"].search(line)
    if found is None:
        return None
    stop = re.search(r"(?<!\d),|,(?!\d)|;|\.(?!\d)", line[found.end() :])  # a size '2,5' runs on
    end = found.end() + stop.start() if stop else len(line.rstrip(" .!"))
    tail = _patterns()["filler_tail"].search(line[:end], found.end())
    return found.start(), found.end(), tail.start() if tail else end


def is_cancelled(line: str) -> bool:
    """'Bottes P43 : 4 (annulé, on en a au dépôt)': the line's count is followed by a cancellation."""
    return bool(_patterns()["cancelled"].search(line))


def corrected_reference(text: str, value: str) -> tuple[str, tuple[int, int]] | None:
    """'notre n° est BC-3321 et non BC-3312': the reference written in place of `value`, and its span."""
    for found in _patterns()["reference"].finditer(text):
        if found["old"].strip(".-/").upper() == value.upper() and found["new"].upper() != value.upper():
            return found["new"].rstrip(".-/"), found.span("new")
    return None


def cancels(note: str) -> bool:
    """A comment cell or note that cancels its row: 'annulé', 'Annulé - doublon', 'cancelled'."""
    return bool(_patterns()["cancel_note"].match(note))


def noted_count(note: str) -> tuple[Decimal, Decimal] | None:
    """(the count that stands, the one it replaces) when a note says so: 'corriger : 2 au lieu de 1',
    '15 instead of 10'."""
    found = _patterns()["instead_of"].search(note)
    if found is None:
        return None
    new, old = _number(found["new"]), _number(found["old"])
    return (new, old) if new is not None and old is not None else None


def inline_correction(line: str) -> tuple[int, Decimal, tuple[int, int], Decimal] | None:
    """'... : 10 -- pardon, 12 et non 10': where the line's own text ends, the count that stands,
    its span, and the count it replaces (which the text before must write)."""
    found = _patterns()["inline"].search(line)
    if found is None:
        return None
    new, old = parse_number(found["new"]), parse_number(found["old"])
    head = line[: found.start()]
    if (
        new is None
        or old is None
        or not re.search(rf"(?<![\w.,]){re.escape(found['old'])}(?![\w]|[.,]\d)", head)
    ):
        return None
    return found.start(), new, found.span("new"), old


def inline_recount(line: str) -> tuple[int, Decimal, tuple[int, int]] | None:
    """'2 kits distri ... -> non pardon, un seul, le client a annulé le 2e': where the line's own text
    ends, the count that stands and its span (the count the text before writes is replaced)."""
    found = _patterns()["recount"].search(line)
    if found is None:
        return None
    new = _number(found["new"])
    return (found.start(), new, found.span("new")) if new is not None else None


def correct_lines(
    lines: list[ExtractedLine], text: str, *, part: str, rule: str, read: list[Provenance] | None = None
) -> list[ExtractedLine]:
    """The lines with the sentences of `text` that change or remove them applied (`rule` names who
    wrote them); `read` collects the places of corrections that leave no value of their own."""
    for sentence, at in _sentences(text):
        lines = _override(lines, sentence, at, part=part, rule=rule)
        lines = _set_count(lines, sentence, at, part=part, rule=rule)
        lines = _swap_variant(lines, sentence, at, part=part, rule=rule, read=read)
        lines = _remove(lines, sentence, at, part=part, text=text)
    return lines


def _set_count(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str
) -> list[ExtractedLine]:
    """'PS: make that 3 of the CF410X': the one line the words name gets the new count."""
    found = _patterns()["set_to"].search(sentence)
    if found is None:
        return lines
    new = _number(found["new"])
    own = [ln for ln in lines if _inside(ln, at, at + len(sentence), part)]
    target = _named_once([ln for ln in lines if ln not in own], found["what"])
    if new is None or target is None or target.quantity is None or target.quantity.value == new:
        return lines
    old = target.quantity.value
    prov = Provenance(part=part, span=(at + found.start("new"), at + found.end("new")), rule=rule)
    target.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
    target.notes.append(f"quantity {old} changed to {new} by the customer's correction")
    return [ln for ln in lines if ln not in own]


def _swap_variant(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str, read: list[Provenance] | None
) -> list[ExtractedLine]:
    """'les tee shirts c'est en L, pas XL', 'the gloves in 10, not 9': the one line above whose name
    writes the old size or colour, and whose words the sentence names, takes the new one."""
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
        if read is not None:
            read.append(Provenance(part=part, span=(at + found.start(), at + found.end()), rule=rule))
        return [ln for ln in lines if ln not in own]
    return lines


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


def _sentences(text: str) -> list[tuple[str, int]]:
    found, offset = [], 0
    for raw in text.splitlines(keepends=True):
        found.append((raw.rstrip("\r\n"), offset))
        offset += len(raw)
    return found


def _number(text: str) -> Decimal | None:
    value = parse_number(text)
    if value is not None:
        return value
    worded = word_quantity(text)
    return worded[0] if worded else None


def _override(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str
) -> list[ExtractedLine]:
    patterns = _patterns()
    for match in (m for key in ("instead_of", "not_old") for m in patterns[key].finditer(sentence)):
        new, old = _number(match["new"]), _number(match["old"])
        words = _significant(sentence[: match.end()])
        own = [ln for ln in lines if _inside(ln, at, at + len(sentence), part)]
        candidates = [
            ln for ln in lines if ln not in own and ln.quantity and ln.quantity.value == old and ln.provenance
        ]
        if new is None or old is None or not candidates:
            continue
        best = max(candidates, key=lambda ln: len(words & _line_words(ln)))
        if not words & _line_words(best) and not _same_unit_alone(candidates, sentence[: match.end()]):
            continue
        prov = Provenance(part=part, span=(at + match.start("new"), at + match.end("new")), rule=rule)
        best.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
        best.notes.append(f"quantity {old} changed to {new} by the customer's correction")
        return [ln for ln in lines if ln not in own]
    return lines


def _remove(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, text: str
) -> list[ExtractedLine]:
    patterns = _patterns()
    for match in patterns["remove"].finditer(sentence):
        what = match["what"]
        above = [ln for ln in lines if _before(ln, at, part)]
        numbered = patterns["line_number"].match(what)
        target = _numbered(above, int(numbered["no"]), text, part) if numbered else _named_once(above, what)
        if target is None and not numbered:
            # A forwarder's word over the list forwarded below ('Drop the face shields').
            target = _named_once([ln for ln in lines if not _before(ln, at + len(sentence), part)], what)
        if target is not None:
            own = [ln for ln in lines if _inside(ln, at, at + len(sentence), part)]
            lines = [ln for ln in lines if ln is not target and ln not in own]
    for match in patterns["except"].finditer(sentence):
        # An exception may stand above the list it excepts from (a forwarder's word over the original).
        others = [ln for ln in lines if not _inside(ln, at, at + len(sentence), part)]
        target = _named_once(others, match["what"])
        if target is not None:
            lines = [ln for ln in lines if ln is not target]
    return lines


def _same_unit_alone(candidates: list[ExtractedLine], said: str) -> bool:
    """'make it 20 pairs of welding gloves instead of 12' over a list written in French: the one line
    of the old count, counted in the unit the correction names ('pairs', 'paires')."""
    if len(candidates) != 1 or candidates[0].unit is None or candidates[0].description is None:
        return False  # a line read from its code alone has no words to differ from the correction's
    units = {normalise_unit(word) for word in re.findall(r"[^\W\d_]+", said)}
    return normalise_unit(candidates[0].unit.value) in units - {None}


def _named_once(lines: list[ExtractedLine], what: str) -> ExtractedLine | None:
    """The one line whose words the text names most, None when none or two alike."""
    words = _significant(re.split(r",|\bet\b|\band\b", what)[0])
    scored = sorted(((len(words & _line_words(ln)), i) for i, ln in enumerate(lines)), reverse=True)
    unique = scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0])
    return lines[scored[0][1]] if unique else None


def _numbered(above: list[ExtractedLine], number: int, text: str, part: str) -> ExtractedLine | None:
    """The line the customer numbered so ('4) Rail ...', '4. Rail'), else the number-th line read."""
    for found in re.finditer(rf"^[ \t]*(?:n°\s*)?{number}\s*[.)\-–:]", text, re.M):
        end = text.find("\n", found.start())
        written = [ln for ln in above if _inside(ln, found.start(), end if end >= 0 else len(text), part)]
        return written[0] if len(written) == 1 else None
    return above[number - 1] if 0 < number <= len(above) else None


def _inside(line: ExtractedLine, start: int, end: int, part: str) -> bool:
    prov = line.provenance
    return bool(prov and prov.part == part and prov.span and start <= prov.span[0] < end)


def _before(line: ExtractedLine, start: int, part: str) -> bool:
    prov = line.provenance
    return bool(prov and prov.part == part and prov.span and prov.span[1] <= start)


def _significant(text: str) -> set[str]:
    """Words of four letters or more, and codes opening with a digit ('10004682 should read 4')."""
    return {_fold(w) for w in re.findall(r"[^\W\d_][\w\-]{3,}|(?<![\w.,])\d[\w\-]{4,}", text.lower())}


def _line_words(line: ExtractedLine) -> set[str]:
    text = " ".join(v.value for v in (line.description, line.code) if v is not None)
    return _significant(text)


def _fold(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word
