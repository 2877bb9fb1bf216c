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

from models import Extracted, ExtractedLine, Provenance
from parsers.text.correction_patterns import (
    ONLY_ONE,
    RECOUNT_KEYS,
    REMARK,
    correction_patterns,
    possible_keys,
)
from parsers.text.count_changes import (
    NEXT_CLAUSE,
    count_changes,
    joined_after_change,
    opens_with,
    recount_joined,
    recounted_in_unit,
)
from parsers.text.named_lines import (
    WordBook,
    before,
    fold_code,
    headed_by,
    inside,
    line_pointed_at,
    named_once,
    namer,
    numbered_line,
    same_unit_alone,
    sentences,
    significant,
    sizes_named,
    tokens,
)
from parsers.text.qualifiers import qualifies
from parsers.text.split_change import split_change
from parsers.values.numbers import parse_number, quantity_words_pattern, word_quantity
from parsers.values.units import normalise_unit

# A line a sentence adds to the order ('ajoutez aussi 2 trousses', 'he also wants 2 ...').
ADDED_RULE = "text-added"


def postscript_at(line: str) -> int | None:
    """Where the text of a postscript starts ('P.S. ajoutez ...'), None when the line opens none."""
    found = correction_patterns()["postscript"].match(line)
    return found.end() if found and found.end() < len(line.rstrip()) else None


_ITEM_STOP = re.compile(r"(?<!\d),|,(?!\d)|;|\?|\.(?!\d)(?![ \t]*[a-z(\[])")


def added_item(line: str) -> tuple[int, int, int] | None:
    """'ajoutez aussi 2 trousses de secours.', '..., et en plus 2 jugulaires, pas sur le bon': where the
    adding words start, and where the item they add starts and ends."""
    found = correction_patterns()["add"].search(line)
    if found is None:
        return None
    # a size '2,5' runs on, and so does an abbreviation's dot ('env. (250) and 3 boxes'); a question
    # ends the item ('could you also add 2 kits to the same order? It is not on the PO'); a remark in brackets
    # ends nothing ('one A3 laminator (any brand, it's for marketing) and 5 USB sticks')
    rest = re.sub(r"\([^()\n]*\)", lambda remark: " " * len(remark[0]), line[found.end() :])
    stops = _ITEM_STOP.finditer(rest)
    # ', les boîtes de 25', ', size 9': what the article is like goes on with it
    stop = next(
        (s for s in stops if not (s[0] == "," and qualifies(_ITEM_STOP.split(rest[s.end() :], 1)[0]))), None
    )
    end = found.end() + stop.start() if stop else len(line.rstrip(" .!"))
    tail = correction_patterns()["filler_tail"].search(line[:end], found.end())
    return found.start(), found.end(), tail.start() if tail else end


def is_cancelled(line: str) -> bool:
    """'Bottes P43 : 4 (annulé, on en a au dépôt)': the line's count is followed by a cancellation."""
    return bool(correction_patterns()["cancelled"].search(line))


def corrected_reference(text: str, value: str) -> tuple[str, tuple[int, int]] | None:
    """'notre n° est BC-3321 et non BC-3312': the reference written in place of `value`, and its span."""
    for found in correction_patterns()["reference"].finditer(text):
        if found["old"].strip(".-/").upper() == value.upper() and found["new"].upper() != value.upper():
            return found["new"].rstrip(".-/"), found.span("new")
    return None


def cancels(note: str) -> bool:
    """A comment cell or note that cancels its row: 'annulé', 'Annulé - doublon', 'cancelled'."""
    return bool(correction_patterns()["cancel_note"].match(note))


def noted_count(note: str) -> tuple[Decimal, Decimal] | None:
    """(the count that stands, the one it replaces) when a note says so: 'corriger : 2 au lieu de 1',
    '15 instead of 10'."""
    found = correction_patterns()["instead_of"].search(note)
    if found is None:
        return None
    new, old = _number(found["new"]), _number(found["old"])
    return (new, old) if new is not None and old is not None else None


def inline_correction(line: str) -> tuple[int, Decimal, tuple[int, int], Decimal] | None:
    """'... : 10 -- pardon, 12 et non 10': where the line's own text ends, the count that stands,
    its span, and the count it replaces (which the text before must write)."""
    found = correction_patterns()["inline"].search(line)
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


def revised_count(line: str) -> tuple[int, Decimal, tuple[int, int]] | None:
    """'... x 2 -> non pardon, un seul, le client a annulé le 2e': where the line's own text ends, the
    count that stands and its span (the count it replaces is the one the text before writes)."""
    patterns = correction_patterns()
    found = patterns["revised"].search(line) or patterns["revised_bare"].search(line)
    if found is None or not _counts_before(line[: found.start()]):
        return None
    if found["unit"] and normalise_unit(found["unit"].rstrip(".").lower()) is None:
        return None  # 'make that 8 packs' counts in a unit; '12 chez nous' is no count said again
    new = Decimal(1) if re.fullmatch(ONLY_ONE, found["new"], re.I) else _number(found["new"])
    # 'make it two of the ladders': the words of the count run to the article named again
    said = (found.start("new"), found.end("again")) if found["again"] else found.span("new")
    return (found.start(), new, said) if new else None


def _counts_before(text: str) -> bool:
    """The text before a count said again counts something: in figures, or in words ('deux seaux de ...')."""
    return bool(re.search(rf"\d|\b(?:{quantity_words_pattern()})\b", text, re.I))


def correct_lines(lines: list[ExtractedLine], text: str, *, part: str, rule: str) -> list[ExtractedLine]:
    """The lines with the sentences of `text` that change or remove them applied (`rule` names who wrote them)."""
    return correct_order_lines(lines, text, part=part, rule=rule)[0]


def correct_order_lines(
    lines: list[ExtractedLine], text: str, *, part: str, rule: str, book: WordBook | None = None
) -> tuple[list[ExtractedLine], list[Provenance]]:
    """The corrected lines, and what was read in applying them: each sentence that changed a
    line, and each line it took out (neither is a line left unread). The `book` names the lines
    a sentence names in no word of theirs (see `named_once`)."""
    read: list[Provenance] = []
    for sentence, at in sentences(text):
        earlier = [(ln, _count(ln)) for ln in lines]
        own = [ln for ln in lines if inside(ln, at, at + len(sentence), part)]
        split = split_change(lines, sentence, at, part=part, own=own)
        if split is None:
            split = _each_recounted(lines, sentence, at, own=own, rule=rule)
        lines = (
            split if split is not None else _override(lines, sentence, at, part=part, rule=rule, book=book)
        )
        if split is None and all(_kept(ln, lines) and kept_count == _count(ln) for ln, kept_count in earlier):
            lines = _recount_named(lines, sentence, at, part=part, rule=rule)
        elif split is None:
            # '6 cônes au lieu de 4, et donc 6 lampes flash aussi': a count joined after the change
            joined = joined_after_change(sentence, lines)
            if joined is not None:
                lines = recount_joined(lines, sentence[joined:], at + joined, part=part, rule=rule)
        lines = _remove(lines, sentence, at, part=part, text=text, book=book)
        kept = {id(ln): _count(ln) for ln in lines}
        gone = [ln for ln, _ in earlier if id(ln) not in kept]
        if gone or any(kept[id(ln)] != count for ln, count in earlier if id(ln) in kept):
            read.append(Provenance(part=part, span=(at, at + len(sentence)), rule=rule))
            read += [
                ln.provenance for ln in gone if ln.provenance and not inside(ln, at, at + len(sentence), part)
            ]
    return lines, read


def _each_recounted(
    lines: list[ExtractedLine], sentence: str, at: int, *, own: list[ExtractedLine], rule: str
) -> list[ExtractedLine] | None:
    """ "24 RJ45 sockets and the same number of plates - sorry, make that 30 of each": the count said
    again for each item the sentence named before it; None when it says no such count."""
    found = correction_patterns()["each"].search(sentence)
    new = _number(found["new"]) if found else None
    named = (
        [
            ln
            for ln in own
            if ln.provenance and ln.provenance.span and ln.provenance.span[1] <= at + found.start()
        ]
        if found
        else []
    )
    if new is None or len(named) < 2:
        return None
    span = (at + found.start("new"), at + found.end("new"))
    for line in named:
        old = line.quantity.value if line.quantity else None
        prov = Provenance(part=line.provenance.part if line.provenance else "body", span=span, rule=rule)
        line.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
        line.notes.append(f"quantity {old} corrected to {new} for each item of its sentence")
    return lines


def _kept(line: ExtractedLine, lines: list[ExtractedLine]) -> bool:
    """`line in lines`, without comparing field by field the lines it is not when it is one of them."""
    return any(other is line for other in lines) or line in lines


def _number(text: str) -> Decimal | None:
    value = parse_number(text)
    if value is not None:
        return value
    worded = word_quantity(text)
    return worded[0] if worded else None


def _override(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str, book: WordBook | None
) -> list[ExtractedLine]:
    changes = count_changes(sentence, lines)
    for number, match in enumerate(changes):
        new, old = _number(match["new"]), _number(match["old"])
        # The words of the change's own clause: 'finalement 4 et pas 3 pour les différentiels type A'.
        begin = changes[number - 1].end() if number else 0
        end = changes[number + 1].start() if number + 1 < len(changes) else len(sentence)
        joined = NEXT_CLAUSE.search(sentence, match.end(), end)  # '..., et donc 6 lampes flash aussi'
        clause = sentence[begin : joined.start() if joined else end]
        said = tokens(clause)
        # The counts blanked, the sizes the clause names tell its line ('les bottes en 44', 'fûts de 60 L').
        counted = _blanked(sentence, (match.span("new"), match.span("old")))[begin : begin + len(clause)]
        words, sizes = significant(clause), sizes_named(counted)
        own = [ln for ln in lines if inside(ln, at, at + len(sentence), part)]
        candidates = [
            ln for ln in lines if ln not in own and ln.quantity and ln.quantity.value == old and ln.provenance
        ]
        if new is None or old is None or not candidates:
            continue

        named = namer(candidates, (words, sizes), counted, book=book)
        coded = [ln for ln in candidates if ln.code and fold_code(ln.code.value) in said]
        scores = sorted((named(ln) for ln in candidates), reverse=True)
        tied = [ln for ln in candidates if scores[0] > 0 and named(ln) == scores[0]]
        # '6 cônes au lieu de 4' over 'Cône de signalisation' and 'Lampe flash pour cône': the name it opens
        heads = [ln for ln in tied if opens_with(ln, words)] if len(tied) > 1 else tied
        if not coded and len(tied) > 1 and len(heads) != 1:
            continue  # two lines of the old count named alike: a clerk chooses
        best = coded[0] if len(coded) == 1 else (heads[0] if len(tied) > 1 else max(candidates, key=named))
        pointed = line_pointed_at(lines, clause, at, part)
        if pointed is not None and pointed in candidates and not coded and not named(best):
            best = pointed  # 'finalement mettez-en 4 et pas 3': the item just before
        elif not coded and not named(best) and not same_unit_alone(candidates, clause):
            continue
        prov = Provenance(part=part, span=(at + match.start("new"), at + match.end("new")), rule=rule)
        best.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
        recounted_in_unit(best, sentence, match.end("new"), at=at, part=part, rule=rule)
        best.notes.append(f"quantity {old} changed to {new} by the customer's correction")
        # The sentence's own count was the change; an item it adds ('..., et il ajoute 1 carton de ...') stays,
        # and so does one its joined clause counts ('12 reams instead of 10, and 4 boxes of C5 envelopes'):
        # that one goes only when it recounts a line above ('..., et donc 6 lampes flash aussi').
        after = at + joined.start() if joined else at + len(sentence)
        return [
            ln
            for ln in lines
            if ln not in own
            or (ln.provenance and ln.provenance.rule == ADDED_RULE)
            or (not before(ln, after, part) and inside(ln, after, at + len(sentence), part))
        ]
    return lines


def _blanked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _name(line: ExtractedLine) -> str:
    return line.description.value if line.description is not None else ""


def _count(line: ExtractedLine) -> Decimal | None:
    return line.quantity.value if line.quantity else None


def _recount_named(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, rule: str
) -> list[ExtractedLine]:
    """'PS: make that 3 of the CF410X': the one line the words name (its code, else its words)
    takes the count, though the sentence does not write the one it replaces; 'add 2 more boxes of
    the CF410X' adds to its count."""
    patterns = correction_patterns()
    keys = possible_keys(RECOUNT_KEYS, sentence)
    key, found = next(((k, m) for k in keys if (m := patterns[k].search(sentence))), ("", None))
    if found is None:
        return lines
    own = [ln for ln in lines if inside(ln, at, at + len(sentence), part)]
    others = [ln for ln in lines if ln not in own and ln.quantity is not None]
    what = found["what"] or found.groupdict().get("what_en") or found.groupdict().get("what_after") or ""
    said = tokens(what)
    coded = [ln for ln in others if ln.code and fold_code(ln.code.value) in said]
    target = coded[0] if len(coded) == 1 else None if coded else named_once(others, what)
    new = _number(found["new"])
    if target is None or new is None or target.quantity is None:
        return lines
    old = target.quantity.value
    new = old + new if key == "more" else new
    prov = Provenance(part=part, span=(at + found.start("new"), at + found.end("new")), rule=rule)
    target.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
    target.notes.append(f"quantity {old} changed to {new} by the customer's correction")
    # The reason said after it counts nothing ('make that 8 fleeces in XL, two lads were missed off the list').
    return [
        ln
        for ln in lines
        if ln not in own or not (inside(ln, at, at + found.end(), part) or REMARK.match(_name(ln)))
    ]


def _remove(
    lines: list[ExtractedLine], sentence: str, at: int, *, part: str, text: str, book: WordBook | None
) -> list[ExtractedLine]:
    patterns = correction_patterns()
    removals = [
        *patterns["remove"].finditer(sentence),
        *(m for m in patterns["withdrawn"].finditer(sentence) if not _number_in(m["what"])),
        *patterns["withdrawn_opening"].finditer(sentence),
        *patterns["dropped"].finditer(sentence),
        *patterns["dropped_opening"].finditer(sentence),
    ]
    for match in removals:
        what = match["what"]
        if _AN_ORDER.match(what):
            continue  # 'annuler notre commande BC-2611-070 d'hier (5 sacs de ...)': a whole order, no line of this one
        above = [ln for ln in lines if before(ln, at, part)]
        numbered = patterns["line_number"].match(what)
        target = (
            numbered_line(above, int(numbered["no"]), text, part) if numbered else named_once(above, what)
        )
        target = target or (None if numbered else headed_by(above, what))
        if target is None and not numbered and match.re is not patterns["dropped_opening"]:
            # A forwarder's word over the list forwarded below ('Drop the face shields').
            below = [ln for ln in lines if not before(ln, at + len(sentence), part)]
            target = named_once(below, what, book=book)
        if target is not None:
            # '... pas de bavette : mettez plutôt 6 kg d'entrecôte': a dropped line's sentence may order its stand-in
            dropped = match.re in (patterns["dropped"], patterns["dropped_opening"])
            # The sentence's own reading of what it takes out goes too; a line its earlier clause adds stays.
            cut = at + match.start()
            own = [
                ln for ln in lines if inside(ln, at, at + len(sentence), part) and not before(ln, cut, part)
            ]
            lines = [ln for ln in lines if ln is not target and (dropped or ln not in own)]
    excepted = list(patterns["except"].finditer(sentence))
    for match in excepted:
        # An exception may stand above the list it excepts from (a forwarder's word over the original).
        others = [ln for ln in lines if not inside(ln, at, at + len(sentence), part)]
        target = named_once(others, match["what"], book=book)
        if target is not None:
            lines = [ln for ln in lines if ln is not target]
    for match in [] if excepted else patterns["except_opening"].finditer(sentence):
        target = named_once([ln for ln in lines if not before(ln, at + len(sentence), part)], match["what"])
        lines = [ln for ln in lines if ln is not target]
    return lines


_AN_ORDER = re.compile(
    r"\s*(?:(?:notre|votre|ma|la|cette|our|your|my|the|this)\s+)?(?:commande|order|bon de commande|purchase order|bc|po)\b",
    re.I,
)


def _number_in(text: str) -> bool:
    """'pour les 3 premiers, annulez': a count or rank is no article's name."""
    return bool(re.search(r"\d", text))
