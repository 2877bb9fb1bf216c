"""Order lines found from the catalogue's names, where no layout rule read a line.

A row may name an article in the catalogue's words and count it right beside the name in a shape no
layout rule expects: "- blanc d'œuf liquide : 6 briques", "trois sacs de terreau universel", "boîtes
placo 2 postes prof 50 x 5", "Marqueur ... - boîte de 10 : 14,90 € -> 4 boîtes", "qté 12 gants nitrile M",
"... (x10)", "... - 12 sacs svp". Strict, both or nothing: the words must name one article surely
(`NameBook.names_article`, the matcher's own scoring, asked of the book of codes the reader is given)
and a count must stand next to them; a name with no count, or a count next to words the catalogue does
not name, is no line, and a line whose words name their article only weakly waits for a clerk. A row that corrects, cancels, excepts or asks is left
to the readers of corrections and questions, and a row naming a known code to the code reader.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from models import ExtractedLine
from parsers.text.clauses import FIGURE_CUT, cut_clauses
from parsers.text.codes import CodeBook, code_spans
from parsers.text.extracted import line_from_parts, read_quantity, written_at
from parsers.text.kits import with_kits
from parsers.text.spotting_words import asks, date_or_number, joins, refused, spotting_words
from parsers.text.uncounted import UNCOUNTED, with_uncounted
from parsers.values.numbers import quantity_words_pattern
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.phrases import any_of


class NameBook(Protocol):
    """What the spotter asks the catalogue: how surely do these words name one of its articles?"""

    def names_article(self, words: str) -> float: ...


RULE = "text-spotted"
SURE = 0.7  # the matcher's score from which the words name an article, not a kind of one
STRONG = 0.8  # below it, the line read so waits for a clerk, whatever the routing mode
WEAK = "read from the catalogue's names alone, and they name the article only weakly: confirm it"
PARTLY = "a clause of the sentence counts words the catalogue's names do not name surely: confirm the lines"
DOUBTS = (WEAK, PARTLY, UNCOUNTED)
CONFIDENCE = 0.75
_MAX_NAME_WORDS = 12
_MAX_LEFT_WORDS = 4  # words of request or aside a row may hold beside its name and count
_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = r"[^\W\d_][\w²³]*\.?"
_BULLET = r"^\s*(?:[-*•·+>]|\d{1,2}[.)](?=\s)|\(\d{1,2}\))?\s*"
# Marks that end a name and open its count, whatever word follows the count ('- blanc d'œuf : 6 briques').
_STRONG_SEP = re.compile(r"^\s*(?:->|→|=>|[:=])\s*$")
_LABELLED = re.compile(rf"\b(?:qt[ée]|qte|qty|quantit[ée]|quantity)\s*[:=.]?\s*(?P<qty>{_NUMBER})\b", re.I)
# An amount in money is a price beside the name, never part of it: ': 14,90 €', '@ 2.20', 'à 3,50 € HT'.
_PRICE = re.compile(
    rf"\s*(?:[:=\-–]\s*)?(?:(?:@|\bat\b|\bà\b)\s*)?{_NUMBER}\s*(?:€|eur\b|euros?\b|chf\b|£|\$)(?:\s*(?:ht|ttc|net)\b)?",
    re.I,
)
_ASIDE = re.compile(r",\s|\s*\(")
_LEAD_IN = re.compile(r"^.*\s:\s+")
# A name ending on 'of' goes on past it ('two 180-egg cases of large eggs'): a shorter one would drop its words.
_LINKED = re.compile(r"\s(?:of|de|du|des)$|\sd['’]$", re.I)
_COLON_LEAD_IN = re.compile(r"^[^\d:\n]{1,60}?\s?:\s+(?=\S)")
_LEAD = re.compile(r"^[\s\-–—/:|,;()*]+")
# Marks, and a join left open ('4 kg clementines and kiwis 3 kg': 'clementines and'), end no name.
_TRAIL = re.compile(r"(?:[\s\-–—/:|,;(*.]|\s(?:and|et|or|ou|plus)\b)+$", re.I)


@lru_cache(maxsize=1)
def _trailing() -> tuple[re.Pattern[str], ...]:
    """A count written after the name, apart from it (': 6 briques', ', 8 kg', ' x 5', '-> 4 boîtes',
    ' -- 10', 'x2', ' (x10)', ' (10 sacs)', 'noir 3x'), a word of thanks after it or none ('- 10 sacs svp')."""
    thanks = any_of(spotting_words().thanks)
    end = rf"(?:\s*[,.;\-–]?\s*(?:{thanks})(?!\w))?\s*[.!]?\s*$"
    return (
        re.compile(
            rf"(?P<sep>\s*(?:->|→|=>|[:=,;–—])\s*|\s+(?:[-/]|-{{2,}})\s+|\s*[x×*]\s*|\t+|\s{{2,}})(?:[x×*]\s*)?"
            rf"(?P<qty>{_NUMBER})\s*(?P<unit>(?!(?:{thanks})(?!\w)){_UNIT})?{end}",
            re.I,
        ),
        re.compile(rf"(?P<sep>\s*\(\s*[x×]\s*)(?P<qty>\d+)\s*\){end}", re.I),
        re.compile(rf"(?P<sep>\s*\(\s*)(?P<qty>\d+)\s*(?P<unit>{_UNIT})\s*\){end}", re.I),
        re.compile(rf"\s(?P<qty>\d+)\s*[x×]{end}", re.I),
    )


@lru_cache(maxsize=1)
def _leading() -> tuple[re.Pattern[str], ...]:
    """A count opening the row, or after a few words of request ('merci de livrer'), with its unit and 'de'/'of':
    the last count those words allow, and the first ('avec un coffret 3 rangées': one, not 3 of 'rangées')."""
    return tuple(
        re.compile(
            rf"(?:{_BULLET}|^\s*(?P<lead>(?:[^\W\d_][\w'’\-]*,?\s+){{1,{_MAX_LEFT_WORDS}}}{lazy}))"
            rf"(?P<qty>{_NUMBER}|(?:{quantity_words_pattern()})\b)(?:\s*(?P<x>[x×*]\s*)?"
            rf"(?:(?P<unit>{_UNIT})\s+(?:(?:of|de|d'|d’)\s*)?)?(?=[^\W\d_])"
            rf"|(?<=[^\W\d_])\s+(?=\d))",  # a count in words before a name opening on figures ('two 4-pole RCDs')
            re.I,
        )
        for lazy in ("", "?")
    )


def with_spotted(
    found: list[ExtractedLine], rows: list[tuple[str, int]], book: CodeBook | None, *, part: str
) -> list[ExtractedLine]:
    """The lines read, and those the catalogue's names find in what of the rows no reader took (a row
    no reader read, or the rest of a sentence a reader read an item of), in reading order; the articles
    listed per person, uncounted, among them (parsers/text/kits.py)."""
    names = getattr(book, "names_article", None)
    found = with_kits(found, rows, names, part=part) if names is not None else found
    taken = sorted(ln.provenance.span for ln in found if ln.provenance and ln.provenance.span)
    spotted = spot_lines([piece for row in rows for piece in _untaken(row, taken)], book, part=part)
    found = sorted([*found, *spotted], key=written_at) if spotted else found
    if names is None:
        return found
    dimension = getattr(book, "prints_dimension", None)
    return with_uncounted(
        found,
        rows,
        names,
        coded=lambda words: next(((c.group(0), c.span()) for c in code_spans(words, book)), None),
        counted=lambda row: _counted_row(row, dimension),
        part=part,
    )


def _untaken(row: tuple[str, int], taken: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """The pieces of a row outside the spans read from it: 'Could you send us 6 packs of milk, two bags
    of X and ...' leaves ', two bags of X and ...' when only the milk was read. A row read whole leaves
    none, and a piece between two items read is one of them too ('..., the big ones, ...')."""
    text, at = row
    inside = [
        (max(s, at) - at, min(e, at + len(text)) - at) for s, e in taken if s < at + len(text) and at < e
    ]
    if not inside:
        return [row]
    pieces, begin = [], 0
    for s, e in inside:
        if s > begin:
            pieces.append((text[begin:s], at + begin))
        begin = max(begin, e)
    pieces.append((text[begin:], at + begin))
    # '... rear discs. 6 pollen filters, ...': a piece opens past the end of the sentence read before it
    opened = [(piece, where, len(piece) - len(piece.lstrip(" .!;,"))) for piece, where in pieces]
    return [(p[cut:], where + cut) for p, where, cut in opened if re.search(r"[^\W\d_]{3}", p)]


def spot_lines(rows: list[tuple[str, int]], book: CodeBook | None, *, part: str) -> list[ExtractedLine]:
    """The lines the catalogue's names find in rows no reader read (each with where it starts)."""
    names = getattr(book, "names_article", None)
    if names is None:
        return []
    found: list[ExtractedLine] = []
    for row, start in rows:
        if not re.search(r"[^\W\d_]{3}", row):
            continue
        # 'livrez 25 X, puis 60 paires de Y et 50 Z': a line per clause counting its own article; a clause
        # that corrects, asks or tells of goods had ('..., please quote it on the delivery note') is none
        cut = cut_clauses(row)
        clauses = [(text, at) for text, at in cut if _may_spot(text, book)] if len(cut) > 1 else []
        by_clause = [found for text, at in clauses for found in _spot_clause(text, start + at, book, part)]
        spotted = [line for line, _ in by_clause if line is not None]
        if not spotted and _may_spot(row, book):
            spotted = [line for line in [_spot(row, start, book, part)] if line is not None]
        elif any(line is None and _counted(text, book) for line, text in by_clause):
            # 'compotes bio, 3 cartons ; bananes, 6 kg': one item read, the next not: a clerk sees both
            for line in spotted:
                line.notes.append(PARTLY)
        found.extend(spotted)
    return found


def _spot_clause(text: str, start: int, book: CodeBook, part: str) -> list[tuple[ExtractedLine | None, str]]:
    """The line a clause counts; when it counts none surely, those of its pieces cut before a figure
    after a comma ('... bipolaires, 4 disjoncteurs DX6 16A ph+N'), where most such figures count the
    name before them ('flour T65, 3 bags') and the clause read whole reads that."""
    line = _spot(text, start, book, part)
    pieces = cut_clauses(text, FIGURE_CUT) if line is None else []
    if len(pieces) > 1:
        spotted = [(_spot(piece, start + at, book, part), piece) for piece, at in pieces]
        if any(found is not None for found, _ in spotted):
            return spotted
    return [(line or _spot_alone(text, start, book, part), text)]


def _spot_alone(text: str, start: int, book: CodeBook, part: str) -> ExtractedLine | None:
    """'bananes, 6 kg' among counted clauses: one word heading one designation alone, counted in the unit
    that article is sold by, names it (`names_alone`), weakly: a clerk confirms."""
    alone = getattr(book, "names_alone", None)
    for qty_span, qty_text, unit, (begin, end), _ in _counts(text, getattr(book, "prints_dimension", None)):
        word = re.fullmatch(r"[\s,;:\-–]*([^\W\d_]{3,})[\s,;:\-–]*", text[begin:end])
        value = read_quantity(qty_text)[0]
        if alone and unit and word and value and alone(word[1], unit[0]):
            return line_from_parts(
                part,
                (start, start + len(text)),
                desc=(word[1], (start + begin + word.start(1), start + begin + word.end(1))),
                qty=(value, (start + qty_span[0], start + qty_span[1])),
                unit=(unit[0], (start + unit[1][0], start + unit[1][1])),
                rule=RULE,
                confidence=CONFIDENCE,
                notes=[WEAK],
            )
    return None


def _counted_row(row: str, prints_dimension) -> bool:
    """A count may stand in the row, beside its name or apart ('- filtre : 6', '3 x ...')."""
    return next(_counts(row, prints_dimension), None) is not None


def _counted(text: str, book: CodeBook) -> bool:
    """A count in a unit said beside words ('bananes, 6 kg', '3 cartons de compote'): an item the names missed."""
    count = next(_counts(text, getattr(book, "prints_dimension", None)), None)
    return count is not None and count[2] is not None and bool(re.search(r"[^\W\d_]{3}", text))


def _may_spot(text: str, book: CodeBook) -> bool:
    """Words the catalogue's names may be spotted in: none that corrects, asks or tells of goods had, no
    known code (the code reader's)."""
    return not refused().search(text) and not code_spans(text, book)


def _spot(row: str, start: int, book: CodeBook, part: str) -> ExtractedLine | None:
    names = book.names_article  # type: ignore[attr-defined]
    for count in _counts(row, getattr(book, "prints_dimension", None)):
        qty_span, qty_text, unit, name_span, from_start = count
        value, approximate = read_quantity(qty_text)
        if value is None or value <= 0 or approximate:
            continue
        if value != value.to_integral_value() and not (unit and unit_kind(unit[0]) == "measure"):
            continue  # ': 14,90' after a name is its price; only a measure is counted in parts
        found = _best_name(row, name_span, names, from_start=from_start)
        if found is None:
            continue
        name, strength = found
        return line_from_parts(
            part,
            (start, start + len(row)),
            desc=(row[name[0] : name[1]], (start + name[0], start + name[1])),
            qty=(value, (start + qty_span[0], start + qty_span[1])),
            unit=(unit[0], (start + unit[1][0], start + unit[1][1])) if unit else None,
            rule=RULE,
            confidence=CONFIDENCE,
            notes=[WEAK] if strength < STRONG else None,
        )
    return None


def _counts(row: str, prints_dimension):
    """Each place a count may stand in the row: (its span, its text, (unit, span) or None, the span
    of the words that may name the article, whether the name opens that span)."""
    labelled = _LABELLED.search(row)
    if labelled is not None:
        before, after = (0, labelled.start()), (labelled.end(), len(row))
        rest = max(before, after, key=lambda s: len(row[s[0] : s[1]].strip()))
        yield labelled.span("qty"), labelled["qty"], None, rest, rest is after
        return
    first = _leading_count(row) or _after_lead_in(row)
    last = _trailing_count(row, prints_dimension)
    if last is not None and _STRONG_SEP.match(last[-1]):  # '... : 14,90 € -> 4 boîtes': the count it marks
        first, last = last, first
    yield from (found[:-1] for found in (first, last) if found is not None)


def _after_lead_in(row: str):
    """The count after a few words and a colon ('For a first order: 2 x ...'), its spans in the row."""
    lead = _COLON_LEAD_IN.match(row)
    found = _leading_count(row[lead.end() :]) if lead else None
    if lead is None or found is None:
        return None
    (qty, text, unit, name, opens, sep), at = found, lead.end()
    moved = (unit[0], (unit[1][0] + at, unit[1][1] + at)) if unit else None
    return (qty[0] + at, qty[1] + at), text, moved, (name[0] + at, name[1] + at), opens, sep


def _leading_count(row: str, *, first: bool = False):
    leading = _leading()[first].match(row)
    if leading is None or date_or_number(leading):
        return None
    unit = _unit(leading, kinds=("count", "measure"))
    counted = (
        leading["x"]
        or (unit and unit_kind(unit[0]) == "count")
        or not leading["qty"][0].isdigit()
        or asks(leading["lead"] or "")
    )
    if leading["lead"] and not counted:
        # 'Marqueur Edding 360 noir': after words, a figure counts only with its unit or an 'x'; an
        # earlier count right after words asking or adding may ('avec un coffret 3 rangées'; never 'j'ai
        # deux Clio IV 1.5 dCi sur le pont')
        return None if first else _leading_count(row, first=True)
    if first and not (asks(leading["lead"] or "") or joins(leading["lead"] or "")):
        return None
    name_from = leading.end() if unit or not leading["unit"] else leading.start("unit")
    return leading.span("qty"), leading["qty"], unit, (name_from, len(row)), True, ""


def _trailing_count(row: str, prints_dimension):
    trailing = next((found for pattern in _trailing() if (found := pattern.search(row))), None)
    if trailing is None or _PRICE.match(row, trailing.start()) or _dimension(row, trailing, prints_dimension):
        return None
    sep = trailing["sep"] if "sep" in trailing.groupdict() else "x"
    # a measure written on the name ('farine 25 kg') is its size; apart from it, its count
    # in brackets, a measure is what the article holds ('(25 kg)'), a count unit its count ('(10 sacs)')
    kinds = ("count", "measure") if sep.strip() and "(" not in sep else ("count",)
    unit = _unit(trailing, kinds=kinds) if "unit" in trailing.groupdict() else None
    if "unit" in trailing.groupdict() and trailing["unit"] and unit is None and not _STRONG_SEP.match(sep):
        return None  # 'prof 50 postes': a figure the name goes on after, no count
    return trailing.span("qty"), trailing["qty"], unit, (0, trailing.start()), False, sep


def _dimension(row: str, trailing: re.Match[str], prints_dimension) -> bool:
    """'Tuyau 25 x 15' where the catalogue prints '25 x 15' in a name: the 'x' joins a size, no count."""
    before = re.search(rf"({_NUMBER})\s*$", row[: trailing.start()])
    if before is None or not re.match(r"\s*[x×*]", trailing.group(0)):
        return False
    return prints_dimension is None or prints_dimension(before[1], trailing["qty"])


def _unit(match: re.Match[str], *, kinds: tuple[str, ...]) -> tuple[str, tuple[int, int]] | None:
    if not match["unit"]:
        return None
    name = normalise_unit(match["unit"])
    if name is None or unit_kind(name) not in kinds:
        return None
    return name, match.span("unit")


def _best_name(
    row: str, span: tuple[int, int], names, *, from_start: bool
) -> tuple[tuple[int, int], float] | None:
    """The words beside the count that name an article surely: all of them, else the longest run
    (next to the count) the catalogue names best; None when none does."""
    text = row[span[0] : span[1]]
    price = _PRICE.search(text)
    if price is not None:
        text = text[: price.start()]
    lead_in = None if from_start else _LEAD_IN.search(text)
    if (
        lead_in is not None
    ):  # 'Il nous faudrait avant le 11 : compotes bio, 3 cartons': the name after the colon
        span, text = (span[0] + lead_in.end(), span[1]), text[lead_in.end() :]
    aside = _ASIDE.search(text) if from_start else None
    if aside is not None and len(text[: aside.start()].split()) >= 2:
        # '4 sécateurs, pour le parc', '2 gilets (les jaunes)': the name ends there
        text = text[: aside.start()]
    words = list(re.finditer(r"\S+", text))
    if not words:
        return None
    kept = words[:_MAX_NAME_WORDS] if from_start else words[-_MAX_NAME_WORDS:]
    for size in range(len(kept), 1, -1):  # the longest first: fewer words only drop a filler
        window = kept[:size] if from_start else kept[-size:]
        begin, end = _trimmed(text, window[0].start(), window[-1].end())
        if from_start and _LINKED.search(text[begin:end]):
            return None
        left = text[end:] if from_start else text[:begin]
        strength = names(text[begin:end]) if end - begin >= 4 and _only_aside(left, after=from_start) else 0.0
        if strength >= SURE:
            return (span[0] + begin, span[0] + end), strength
    return None


def _only_aside(left: str, *, after: bool) -> bool:
    """What a name leaves of its side of the row is a few words ('please also add', 'pour le
    chantier') or set apart by a mark ('..., the big ones'): never a sentence of its own, where the
    name may be what was received, missing or only mentioned."""
    if len(left.split()) <= _MAX_LEFT_WORDS:
        return True
    return bool(re.match(r"\s*[,(;:\-–—]", left) if after else re.search(r"[,;:)]\s*$", left))


def _trimmed(text: str, begin: int, end: int) -> tuple[int, int]:
    piece = text[begin:end]
    lead, trail = _LEAD.match(piece), _TRAIL.search(piece)
    if lead is not None and lead.end() == len(piece):
        return begin, begin
    return begin + (lead.end() if lead else 0), end - (len(piece) - trail.start() if trail else 0)
