"""One line of free text read as order lines: a list line, or a sentence naming one item or several.

The catalogue's codes are looked up first (parsers/text/codes.py), then the sentence's items
(parsers/text/prose.py), then a single list line (parsers/text/lines.py); a price on the line,
a count said again or corrected on it, and an item the customer adds are read here too.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import Extracted, ExtractedLine, Provenance
from parsers.text.codes import CodeBook, code_clauses, code_spans, read_code_line
from parsers.text.corrections import ADDED_RULE, added_item, inline_correction, is_cancelled, revised_count
from parsers.text.extracted import UNIT_TOKEN
from parsers.text.line_noise import is_noise
from parsers.text.lines import read_line
from parsers.text.prices import split_price
from parsers.text.prose import read_prose
from parsers.text.variants import colour_pattern, not_a_name
from parsers.text.x_counted import read_x_counted, read_x_first
from parsers.values.numbers import quantity_words_pattern
from parsers.values.units import normalise_unit, unit_kind

# '*10* × Bobines', '**4** x gants': a quantity in bold or italics (the marks become spaces, offsets kept).
_EMPHASIS = re.compile(r"(?<![\w*])([*_]{1,2})(\d+(?:[.,]\d+)?)\1(?![\w*])")


def plain_line(line: str) -> str:
    return _EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), line)


# '(résidence Le Parc, 42 rue Duquesne, 69006 Lyon)': an address in brackets names no article, and its
# postcode is no count; a four-figure one ('Rue de Varembé 9, 1202 Genève') after the street and a comma.
_ADDRESS_IN_BRACKETS = re.compile(r"\([^()\n]*?(?:\b\d{5}|,\s*\d{4})[ \t]+[A-ZÉÈ][^()\n]*\)")
# '..., tout ça livré au chantier, 8 rue Joliot-Curie, 69700 Givors avant vendredi': a street's number and
# name, then a postcode and its town, in a sentence; neither figure counts anything.
_STREET_ADDRESS = re.compile(
    r"\b\d{1,4}(?:[ \t]?(?i:bis|ter))?,?[ \t]+(?:(?i:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e|place|impasse"
    r"|route|quai|cours|square|lotissement|r[ée]sidence)\b|(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?i:road|street|lane|avenue"
    r"|way|drive|close)\b)[^,\n()]{0,60},?[ \t]*\d{5}[ \t]+[A-ZÉÈ][\w\-'’]*"
)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# 'plus un switch 24 ports', 'ajoutez une étagère': the article after the adding words counts the one item added
# (alone, 'un switch 24 ports' is read as no line: an article counts nothing in a sentence of its own).
_ONE_ADDED = re.compile(r"^(?P<at>\s*)(?P<article>une?|an?)(?=\s+[^\W\d_])", re.I)


# A count in figures or words and a word after it: what is left of a sentence may order more.
_COUNTED_WORD = re.compile(rf"(?:\d|\b(?:{quantity_words_pattern()})\b)[^.!?]*?[^\W\d_]{{3}}", re.I)


# 'pots de 12 noirs : 2 cartons,': the comma closing a row of a list written as one sentence over
# several rows ('il nous faut :\nune palette de ...,\n...,\net 5 sacs de ...') ends the item.
_ROW_CLOSED = re.compile(r"\s*[,;]\s*$")
# '..., et 4 seaux.': the last row of such a list opens on the word joining it to the rows above.
_ROW_JOINED = re.compile(r"^\s*(?P<join>et|and|puis|plus)\s+(?=\d)", re.I)


def read_free(line: str, *, part: str, start: int, codes: CodeBook | None) -> list[ExtractedLine]:
    line = _STREET_ADDRESS.sub(_blank, _ADDRESS_IN_BRACKETS.sub(_blank, line))
    line, price = split_price(plain_line(_ROW_CLOSED.sub(_blank, line)))
    found = _read_unpriced(line, part=part, start=start, codes=codes)
    joined = _ROW_JOINED.match(line)
    if joined and any(
        ln.description and ln.description.value.lower() == joined["join"].lower() for ln in found
    ):
        # the joining word read as the name of what the count after it counts: the item is after it
        found = _read_unpriced(_ROW_JOINED.sub(_blank, line), part=part, start=start, codes=codes)
    if price is not None and len(found) == 1 and found[0].unit_price is None:
        value, (begin, end) = price
        where = Provenance(part=part, span=(start + begin, start + end), rule="text-price")
        found[0].unit_price = Extracted[Decimal](value=value, confidence=0.8, provenance=where)
    return found


def _read_unpriced(line: str, *, part: str, start: int, codes: CodeBook | None) -> list[ExtractedLine]:
    revised = revised_count(line)
    if revised is not None:  # '... x 2 -> non pardon, un seul': the count said last, whatever the reason
        cut, new, span = revised
        found = read_free(line[:cut], part=part, start=start, codes=codes)
        if (
            found
            and found[-1].quantity is not None
            and (len(found) == 1 or _same_sentence(found[-1], line, cut, start))
        ):
            # '..., plus 20 kg of apples - actually make that 30': the last item said before it; the
            # sentence may go on to more items ('3 sprinklers, no wait, 5, and 10 bags of mulch')
            after = line[span[1] :]
            # read with the items before it, the words taking the count back blanked: a list goes on
            # ('..., deux seaux de colle non attends mets en trois, et une truelle')
            rest = line[:cut] + " " * (span[1] - cut) + after
            more = (
                [
                    ln
                    for ln in read_free(rest, part=part, start=start, codes=codes)
                    if ln.provenance and ln.provenance.span and ln.provenance.span[0] >= start + span[1]
                ]
                or read_free(" " * span[1] + after, part=part, start=start, codes=codes)
                if _COUNTED_WORD.search(after)
                else []
            )
            return [*found[:-1], _recounted(found[-1], new, (start + span[0], start + span[1])), *more]
    if is_cancelled(line):
        return []
    added = added_item(line)
    if added is not None:  # 'ajoutez aussi 2 trousses de secours': the item alone, offsets kept
        marker, begin, end = added
        head = read_free(line[:marker], part=part, start=start, codes=codes) if line[:marker].strip() else []
        item = " " * begin + line[begin:end]
        added_lines = read_free(item, part=part, start=start, codes=codes) or read_free(
            _ONE_ADDED.sub(lambda m: m["at"] + "1".ljust(len(m["article"])), item),
            part=part,
            start=start,
            codes=codes,
        )
        return head + [_mark_added(found, start + begin) for found in added_lines]
    corrected = inline_correction(line)
    if corrected is not None:
        cut, new, span, old = corrected
        found = read_free(line[:cut], part=part, start=start, codes=codes)
        if len(found) == 1 and found[0].quantity is not None and found[0].quantity.value == old:
            return [_recounted(found[0], new, (start + span[0], start + span[1]))]
    # The line's known codes, looked up once for both readings of them.
    spans = code_spans(line, codes) if codes is not None else []
    known = read_code_line(line, codes, part=part, start=start, spans=spans) if codes is not None else None
    if known is not None:
        if _LIST_LINE.match(line):
            return [known]  # '1 CS copy paper, case of 5 reams OS-12191': a list line names one article
        # 'Could we order 6 harnesses (EAN ...), 6 lanyards and 2 kits': a sentence of several items, one coded
        listed = [_with_known_code(found, spans, start) for found in read_prose(line, part=part, start=start)]
        return listed if len(listed) >= 2 and any(found.code for found in listed) else [known]
    clauses = code_clauses(line, codes, spans=spans) if codes is not None else None
    prose = read_prose(line, part=part, start=start)
    if len(prose) < 2 and (bracketed := _read_without_code_remark(line, codes, part=part, start=start)):
        return [bracketed]
    if clauses:
        by_clause = [
            found
            for text, at in clauses
            for found in read_free(text, part=part, start=start + at, codes=codes)
        ]
        if len(prose) <= len(by_clause):
            return by_clause
        # '..., deux filtres HU 7008 z et trois bougies 0 250 202 130': a worded count cut off from
        # the list that names it reads nothing alone; the sentence read whole names every item.
    if len(prose) >= 2:
        return [_with_known_code(found, spans, start) for found in prose]
    counted = read_x_counted(line, part=part, start=start) or read_x_first(line, part=part, start=start)
    if len(counted) > len(prose):
        return counted
    labelled = _count_label_blanked(line)
    single = (read_line(labelled, part=part, start=start) if labelled else None) or read_line(
        line, part=part, start=start
    )
    if single is None and not prose:
        single = (
            _read_without_remark(line, part=part, start=start)
            or _read_counted_after_size(line, part=part, start=start)
            or _read_after_lead(line, part=part, start=start)
        )
    if single is not None:
        return [_code_in_name(single, codes)]
    # '... à livrer à l'agence. Ajoutez 2 PA-FR-40 svp.': the one item of a sentence named by its code.
    return [_with_known_code(found, spans, start) for found in prose]


# '(pas le kit, on a déjà les galets)', '(the big hotel one)', '(pour le 5e étage)': a remark in words closing
# the line; an ordinal ('5e', '2nd') is a word there, any other figure may count or size the article.
_ORDINAL = r"\d+(?:e|er|re|ère|ème|eme|th|st|nd|rd)(?!\w)"
_CLOSING_REMARK = re.compile(
    rf"\s*\((?=(?:[^()\d]|{_ORDINAL})*[^\W\d_]{{2}})(?P<inside>(?:[^()\d]|{_ORDINAL})*)\)\s*[.!]?\s*$"
)
# A remark saying what the article is not, or whose code it is: no words of its name.
_NOT = re.compile(r"\b(?:pas|not|no|non|sans|without|ni|nor|sauf|except|code)\b", re.I)


def _read_without_remark(line: str, *, part: str, start: int) -> ExtractedLine | None:
    """The line read with the remark closing it blanked (offsets kept): a remark lengthens a list line
    past what a list line holds. What it says the article is not or whose code it is ('(single rolls,
    not the tower)', '(votre code, ...)') is left out; what it tells of the article ('(the big hotel
    one)', '(pour le 5e étage)') is said after its name, where the matcher reads it with the name and
    sets a use or a place aside. A bracket holding a figure ('(cartons de 50)', '(15)') may count: the
    line stays as read."""
    remark = _CLOSING_REMARK.search(line)
    if remark is None:
        return None
    found = read_line(line[: remark.start()] + " " * (len(line) - remark.start()), part=part, start=start)
    desc = found.description if found is not None else None
    if found is None or desc is None or desc.provenance is None or _NOT.search(remark["inside"]):
        return found
    span = (desc.provenance.span[0], start + remark.end("inside") + 1) if desc.provenance.span else None
    found.description = desc.model_copy(
        update={
            "value": f"{desc.value} ({remark['inside'].strip()})",
            "provenance": desc.provenance.model_copy(update={"span": span}),
        }
    )
    return found


# '(EAN 3760574349581)', '(réf. AB-120)': a bracket closing the line that holds a code and at most a label.
_CLOSING_CODE = re.compile(
    r"\s*\(\s*(?:[^\W\d_]+(?:\.\s*|\s*:\s*|\s+)){0,2}(?P<code>\w[\w./-]*)\s*\)\s*[.!]?\s*$"
)


def _read_without_code_remark(
    line: str, codes: CodeBook | None, *, part: str, start: int
) -> ExtractedLine | None:
    """'cordons 0,5m gris x 24 (EAN 3760574349581)': a known code in brackets closing a list line is the
    line's code, no count nor size of it; the line is read with the bracket blanked (offsets kept)."""
    remark = _CLOSING_CODE.search(line)
    if remark is None or codes is None or not codes.knows_code(remark["code"]):
        return None
    found = read_line(line[: remark.start()] + " " * (len(line) - remark.start()), part=part, start=start)
    if found is None or found.code is not None:
        return found
    where = (start + remark.start("code"), start + remark.end("code"))
    prov = Provenance(part=part, span=where, rule="text-code")
    found.code = Extracted[str](value=remark["code"], confidence=0.8, provenance=prov)
    return found


# 'bottes 43 x 3 pr': a size, an x, then a count in a unit closing the line (no pack's content after it).
_COUNTED_AFTER_SIZE = re.compile(
    rf"\d\s*(?P<x>[x×])(?P<gap>\s+)(?P<count>\d{{1,3}})\s*(?P<unit>{UNIT_TOKEN})\s*$", re.I
)


def _read_counted_after_size(line: str, *, part: str, start: int) -> ExtractedLine | None:
    """A count in a counting unit after a size and its x ('assiettes 23 x 5 paquets') is the line's count,
    never a dimension's second figure: read with the x glued to it, as 'absorbeur 2 m x2' is."""
    found = _COUNTED_AFTER_SIZE.search(line)
    unit = normalise_unit(found["unit"].rstrip(".")) if found else None
    if found is None or unit is None or unit_kind(unit) != "count":
        return None
    glued = line[: found.start("x")] + found["gap"] + "x" + line[found.start("count") :]
    return read_line(glued, part=part, start=start)


# A count closing the line after a quantity's label or in brackets with an x: 'filtre à huile qté 4',
# '... qty: 4', 'oil filter (qty 4)', 'tuyau 1/2" (x4)', '[qté : 4]'.
_COUNT_LABEL = re.compile(
    r"(?P<open>\s*[(\[]\s*)?(?:(?<![\w.])(?:qt[ée]s?|qty|quantit[ée]|quantity)\.?\s*[:=]?\s*|(?<=[(\[])[x×]\s*)"
    r"(?=\d{1,4}(?P<close>\s*[)\]])?\s*[.!]?\s*$)",
    re.I,
)


_TOTAL = re.compile(r"\btota(?:l|le|ux)\b", re.I)
_OPENS_COUNTED = re.compile(rf"^\s*(?:[-*•·]\s*)?(?:\d|(?:{quantity_words_pattern()})\s)", re.I)


def _count_label_blanked(line: str) -> str | None:
    """The line with the label or brackets around the count closing it blanked (offsets kept), for the count
    to end the line after the name; None when no such count closes it, or a bracket is left open."""
    found = _COUNT_LABEL.search(line)
    if found is None or found.start() == 0 or bool(found["open"]) != bool(found["close"]):
        return None
    if _TOTAL.search(line) or _OPENS_COUNTED.match(line):
        # '7 items, total quantity 29': the order's total; '- 2 piles AA (x4)': the count opens the line,
        # and the bracket says what each pack holds
        return None
    blanked = line[: found.start()] + " " * (found.end() - found.start()) + line[found.end() :]
    if found["close"]:
        blanked = blanked[: found.start("close")] + " " * len(found["close"]) + blanked[found.end("close") :]
    return blanked


# What may open a list line before its count: a join to the line above ('- et 6 tubes IRL 20', 'and 4 x
# GU10 bulbs'), or a place the items are for and a colon or dash ('Cuisine : 6 prises doubles', 'For the
# kitchen - 2 double sockets'): a few words with no figure, never a field's label (those are noise).
# A condition closed by a comma may open it too ('If you have them, 2 ceiling detectors as well',
# 'Si vous en avez, 3 ...').
_LEAD = re.compile(
    r"^\s*(?:[-*•·]\s*)?(?:(?:et|and|plus|puis|also|aussi|ainsi\s+que)\s+(?=\d)"
    r"|(?:if|si|s['’]il)\s[^\d,.:;!?\n]{2,30},\s*(?=\d)"
    r"|(?P<place>[^\W\d_][^\d:\-–—]{0,30}?)\s*(?::|\s[-–—])\s*(?=\d))",
    re.I,
)


def _read_after_lead(line: str, *, part: str, start: int) -> ExtractedLine | None:
    """A list line whose count follows a join or a place ('et 6 tubes IRL 20', 'Salle de bain : 3 spots
    étanches'), read with the lead blanked (offsets kept): the count opens the item, and what follows it
    names the article, never a unit alone ('Gants : 3 boîtes' is read as a name and its count)."""
    lead = _LEAD.match(line)
    if lead is None or is_noise(line) or (lead["place"] and not_a_name(lead["place"])):
        return None  # 'Commande : 3 rouges': a label, no place
    found = read_line(" " * lead.end() + line[lead.end() :], part=part, start=start)
    if found is None or found.provenance is None or found.provenance.rule != "text-quantity-designation":
        return None
    # 'Graines de gazon : 4 (sacs de 10)': a name and its count; what follows a count names an article in words.
    desc = found.description.value if found.description else ""
    where = found.description.provenance if found.description else None
    if _BY_THE_PIECE.fullmatch(desc.strip(" .")) and where is not None and where.span is not None:
        # 'aéro désodorisant lavande : 6 à l'unité': the count is of pieces, the name before it
        cut = where.span[0] - start
        return read_line(line[:cut] + " " * (len(line) - cut), part=part, start=start)
    return found if re.match(r"[^\W\d_]", desc) and not re.fullmatch(colour_pattern(), desc, re.I) else None


# Words after a count saying it counts pieces, no article: 'à l'unité', 'à la pièce', 'each', 'loose'.
_BY_THE_PIECE = re.compile(
    r"(?:[àa]\s+l['’]\s*unit[ée]|[àa]\s+la\s+pi[èe]ce|au\s+d[ée]tail|pi[èe]ces?|unit[ée]s?|each|loose|singles?"
    r"|individually|per\s+unit|by\s+the\s+piece)",
    re.I,
)


def _same_sentence(line: ExtractedLine, text: str, cut: int, start: int) -> bool:
    """No sentence ends between the line read and where its count is said again."""
    end = line.provenance.span[1] - start if line.provenance and line.provenance.span else 0
    return 0 <= end <= cut and not re.search(r"[.!?;]\s", text[end:cut])


def _with_known_code(line: ExtractedLine, spans: list[re.Match[str]], start: int) -> ExtractedLine:
    """'... et 4 filtres à huile HU7008z': a catalogue code inside an item's name is its code too."""
    where = line.description.provenance if line.description else None
    if line.code is not None or where is None or where.span is None:
        return line
    inside = [
        m
        for m in spans
        if _names_in(m, where.span, start) and _kept(m, line.description.value, where.span[1] - start)
    ]
    if len(inside) != 1:
        return line
    found = inside[0]
    prov = Provenance(part=where.part, span=(start + found.start(), start + found.end()), rule="text-code")
    line.code = Extracted[str](value=found.group(0), confidence=0.8, provenance=prov)
    return line


def _names_in(code: re.Match[str], span: tuple[int, int], start: int) -> bool:
    """The code is written in the name, or in brackets right after it ('harnesses (EAN 3760...)')."""
    begin, end = start + code.start(), start + code.end()
    if span[0] <= begin and end <= span[1]:
        return True
    return (
        begin >= span[1]
        and _BRACKETED_CODE.fullmatch(code.string[span[1] - start : code.start()]) is not None
    )


def _kept(code: re.Match[str], name: str, name_end: int) -> bool:
    """A code written inside the name's span is still in the name read: one the writer took back ('EA602
    enfin non, les 72Ah') is not the item's; one in brackets after the name is."""
    return (
        code.start() >= name_end
        or re.sub(r"\W", "", code.group(0)).lower() in re.sub(r"\W", "", name).lower()
    )


_LIST_LINE = re.compile(r"^\s*(?:[-*•·]\s*)?\d")
# What may stand between a name and the code after it: '(', '(EAN ', '(notre code ', '. ' after 'réf'.
_BRACKETED_CODE = re.compile(r"[.:]?\s*\(?\s*(?:[^\W\d_]+\.?\s*){0,2}:?\s*")


def _recounted(line: ExtractedLine, new: Decimal, span: tuple[int, int]) -> ExtractedLine:
    """The line with the count its own correction says."""
    old = line.quantity.value if line.quantity else None
    prov = Provenance(part=line.provenance.part if line.provenance else "body", span=span, rule="correction")
    line.quantity = Extracted[Decimal](value=new, confidence=0.8, provenance=prov)
    line.notes.append(f"quantity {old} corrected to {new} on its line")
    return line


def _code_in_name(line: ExtractedLine, codes: CodeBook | None) -> ExtractedLine:
    """'10 bx FFP3 masks with valve': a first word shaped like a code that the catalogue does not know
    is a word of the name too (the matcher still tries it as a code first)."""
    code, desc = line.code, line.description
    if codes is None or code is None or codes.knows_code(code.value) or code.provenance is None:
        return line
    if (
        desc is None
        or desc.provenance is None
        or code.provenance.span is None
        or desc.provenance.span is None
    ):
        return line
    span = (code.provenance.span[0], desc.provenance.span[1])
    line.description = desc.model_copy(
        update={
            "value": f"{code.value} {desc.value}",
            "provenance": desc.provenance.model_copy(update={"span": span}),
        }
    )
    return line


def _mark_added(line: ExtractedLine, at: int) -> ExtractedLine:
    """A line the customer adds in a sentence: beside an attached order, it belongs to it (parsers/orders.py).
    It was read from the item alone, from `at` on: never from the words before it, which other lines name."""
    if line.provenance is not None:
        span = line.provenance.span
        span = (max(span[0], at), span[1]) if span else None
        line.provenance = line.provenance.model_copy(update={"rule": ADDED_RULE, "span": span})
    return line
