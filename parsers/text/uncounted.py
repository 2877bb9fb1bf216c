"""Articles listed one a row, or several a row parted by commas or '+', none counted: a garage's
"révision des 160 000 km :" over "courroie d'accessoires 6PK1153 Gates" / "thermostat origine ...", a fleet's
needs per vehicle ("Véh. 112 - Master ..." over "plaquettes AV TRW, plaquettes AR TRW, filtre habitacle"), a
lab's "pipettes 10 ml, gants nitrile M" under its bench. Each article is one of it. Strict, both or nothing:
every item of a listed row must be named surely by the catalogue's names (`NameBook.names_article`) and
counted nowhere, the row short, set in, or bulleted (no line of a paragraph), and the rows of one block (lines
with no blank one between) must name two articles or more; each line waits for a clerk to confirm the count.
"""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.extracted import line_from_parts, written_at

RULE = "text-uncounted"
STRONG = 0.8  # the spotter's strong score: an uncounted name is read only when it names its article surely
UNCOUNTED = "articles listed without a count are read as one each: confirm the quantities"
_MIN_ITEMS = 2
_MAX_ITEM_WORDS = 8
_MAX_LEFT_WORDS = 2  # words a named item may leave after its name ('seulement', 'please')
_SHORT_ROW = 60  # a longer row not set in nor bulleted is a line of a paragraph
_SET_IN = re.compile(r"^(?:\s{2,}|\t|\s*[-*•·]\s)")
_INDENTED = re.compile(r"^(?:\s{2,}|\t)")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w.,])")
_WORD = re.compile(r"\S+")
_LABEL = re.compile(r"^\s*(?:[-*•·]\s*)?[^\s:][^:\n]{0,30}?\s?:\s+(?=\S)")


def with_uncounted(
    found: list[ExtractedLine], rows: list[tuple[str, int]], names, *, coded, counted, part: str
) -> list[ExtractedLine]:
    """The lines read, with one of each article the uncounted lists of `rows` name (rows no reader read).

    `names(words)` is how surely words name one article, `coded(words)` the known code they hold and its span,
    `counted(row)` whether the spotter sees a count in the row (such a row is its reader's, read or not)."""
    taken = [ln.provenance.span for ln in found if ln.provenance and ln.provenance.span]
    blocks: list[list[tuple[str, int, list[tuple[str, int]]]]] = []
    last_end = None
    for row, at in rows:
        if last_end is None or at - last_end > 1:  # a blank line between, or a row no reader saw
            blocks.append([])
        last_end = at + len(row)
        if any(s < at + len(row) and at < e for s, e in taken) or counted(row):
            continue
        items = _listed_items(row, names, coded)
        if items is not None:
            blocks[-1].append((row, at, items))
    listed = [
        (text, at + begin)
        for block in blocks
        if _a_list(block)
        for _, at, items in block
        for text, begin in items
    ]
    if not listed:
        return found
    return sorted(
        [*found, *(_line(text, where, coded(text), part) for text, where in listed)], key=written_at
    )


def _a_list(block: list[tuple[str, int, list[tuple[str, int]]]]) -> bool:
    """Two items or more, in two rows or more, or in one row set in under a heading ('   a, b'): a bulleted or
    labelled row alone is one person's or one room's ('- Julie : ..., ...', parsers/text/kits.py), a sentence
    of a reply ('Casques blancs, gilets orange') answers, neither lists for an order."""
    if sum(len(items) for _, _, items in block) < _MIN_ITEMS:
        return False
    return len(block) > 1 or bool(_INDENTED.match(block[0][0]))


def _listed_items(row: str, names, coded) -> list[tuple[str, int]] | None:
    """The articles a listed row names (each with where it starts); None unless each names one surely."""
    plain = _ASIDE.sub(lambda m: " " * len(m.group(0)), row)
    label = _LABEL.match(plain)  # 'Bureau 12 : agrafeuse ...', 'Bench 4: ...': where the articles go
    plain = " " * label.end() + plain[label.end() :] if label else plain
    if row.rstrip().endswith(("?", ".", ":")) and not row.rstrip().endswith("etc."):
        return None
    pieces = [(m.group(0), m.start()) for m in re.finditer(r"[^,;+]+", plain)]
    pieces = [(p, at) for piece, start in pieces for p, at in _split_joins(piece, start)]
    if len(pieces) == 1 and len(plain.strip()) > _SHORT_ROW and not _SET_IN.match(row):
        return None
    items = []
    if any(re.search(r"[^\W\d_]{4}[.!?]\s+\S", piece) for piece, _ in pieces):
        return None  # 'gilets orange. Merci': sentences, no list
    for piece, at in pieces:
        named = _coded(piece, coded) or _named(piece, names)
        if named is None:
            return None
        begin, end = named
        items.append((piece[begin:end], at + begin))
    return items


def _split_joins(piece: str, start: int) -> list[tuple[str, int]]:
    """'plaquettes AV Bosch et disques AV': the pieces a join parts."""
    out, begin = [], 0
    for join in re.finditer(r"\s+(?:et|and|plus)\s+", piece, re.I):
        out.append((piece[begin : join.start()], start + begin))
        begin = join.end()
    out.append((piece[begin:], start + begin))
    return [(p, at) for p, at in out if p.strip()]


def _coded(piece: str, coded) -> tuple[int, int] | None:
    """A piece holding a known code names its article whole ('plaquettes AV réf. 0986494046')."""
    words = list(_WORD.finditer(piece))
    if not words or len(words) > _MAX_ITEM_WORDS or coded(piece) is None:
        return None
    return words[0].start(), words[-1].end()


def _named(piece: str, names) -> tuple[int, int] | None:
    """The span of the piece's words that name an article surely, from its first word: all of them, or
    all but a word or two after the name ('plaquettes AV TRW seulement'); None when no figure may count."""
    words = list(_WORD.finditer(piece))
    if not words or len(words) > _MAX_ITEM_WORDS + _MAX_LEFT_WORDS:
        return None
    if _FIGURE.fullmatch(words[0].group(0)):
        return None  # a count opening the item: the spotter's
    for size in range(len(words), max(0, len(words) - _MAX_LEFT_WORDS - 1), -1):
        if size < 1 or size > _MAX_ITEM_WORDS:
            continue
        begin, end = words[0].start(), words[size - 1].end()
        if end - begin >= 4 and names(piece[begin:end].strip(" -–:")) >= STRONG:
            return begin, end
    return None


def _line(text: str, where: int, code: tuple[str, tuple[int, int]] | None, part: str) -> ExtractedLine:
    span = (where, where + len(text))
    return line_from_parts(
        part,
        span,
        code=(code[0], (where + code[1][0], where + code[1][1])) if code else None,
        desc=(text, span),
        qty=(Decimal(1), span),
        rule=RULE,
        confidence=0.7,
        notes=[UNCOUNTED],
    )
