"""Which line a sentence under the list names: its code, the words of its name, a mark of letters
and figures ('5G2,5', 'HU7008z'), the unit it counts in, its number, a pronoun pointing at the line
before; and where the sentences of a text start."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from models import ExtractedLine
from parsers.values.units import normalise_unit
from parsers.vocabulary.sizes import is_size

# A sentence ends at '.', '!', '?' or ';' before a space ('... 5W30 ; finalement mettez-en 4 et pas 3'),
# never inside a number or an abbreviation followed by a figure ('réf. 417361'); a word's figures may close
# it before a capital ('... ear defenders SNR 31. Actually make that 8'), never a list's number ('1. Gants').
_SENTENCE_END = re.compile(
    r"(?<=[!?;])\s+|(?<=[^\W\d_]{3}[.!?])\s+(?=[^\W\d_])"
    # a size or a rating closing it before a capital ('... and 4 in 2XL. Actually make that 8 ...', '50W. Also')
    r"|(?<=\d[^\W\d_][.!?])\s+(?=[A-ZÀ-Ý][^\W\d_])|(?<=\d[^\W\d_]{2}[.!?])\s+(?=[A-ZÀ-Ý][^\W\d_])"
    r"|(?:(?<=[^\W\d_]\s\d[.])|(?<=[^\W\d_]\s\d\d[.])|(?<=[^\W\d_]\s\d{3}[.]))\s+(?=[A-ZÀ-Ý][^\W\d_])"
)


def sentences(text: str) -> list[tuple[str, int]]:
    """Each line of the text cut into its sentences, with where each starts."""
    found, offset = [], 0
    for raw in text.splitlines(keepends=True):
        line, begin = raw.rstrip("\r\n"), 0
        for cut in _SENTENCE_END.finditer(line):
            found.append((line[begin : cut.start()], offset + begin))
            begin = cut.end()
        found.append((line[begin:], offset + begin))
        offset += len(raw)
    return found


@runtime_checkable
class WordBook(Protocol):
    """What a reader naming lines asks the catalogue: the words of a text as its designations are compared
    ('the lamb' is 'agneau'), and those of the name of the article a code stands for."""

    def said_words(self, text: str) -> frozenset[str]: ...

    def code_words(self, token: str) -> frozenset[str]: ...


def named_once(
    lines: list[ExtractedLine], what: str, *, book: WordBook | None = None
) -> ExtractedLine | None:
    """The one line whose words the text names most, None when none or two alike. When the text shares
    no word with any line, the `book`'s words are compared: a line written as a code ('BUR-0948 x 2') is
    named by its article's name ('sauf les pochettes de plastification'), a French list by an English
    word ('drop the lamb')."""
    clause = re.split(r",|\bet\b|\band\b", what)[0]
    words, sizes = significant(clause), letter_sizes(clause)
    # The words first; the size the text says parts lines named alike ('8 fleeces in XL' over XL and 2XL).
    scored = sorted(
        (
            (len(words & line_words(ln)), len(sizes & letter_sizes(_name(ln))), i)
            for i, ln in enumerate(lines)
        ),
        reverse=True,
    )
    if scored and scored[0][0] == 0 and (short := short_words(clause)):
        # 'make that 12 reels of tie': a name of three letters, when no longer word names a line
        scored = sorted(
            ((len(short & short_words(_name(ln))), 0, i) for i, ln in enumerate(lines)), reverse=True
        )
    if scored and scored[0][0] == 0 and book is not None:
        said = book.said_words(clause)
        scored = sorted(
            ((len(said & catalogue_words(ln, book)), 0, i) for i, ln in enumerate(lines)), reverse=True
        )
    unique = scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][:2] < scored[0][:2])
    return lines[scored[0][2]] if unique else None


# Words of three letters that name no article in any trade: articles, pronouns, prepositions, counts.
_FUNCTION_TEXT = (
    "the and for but not nor all any our you its one two six ten few per via who how why yes may can get put "
    "les des une aux par sur pas qui que est son ses nos vos mes ces tes été ont mis non oui car ils lui moi toi dix"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def short_words(text: str) -> set[str]:
    """The words of three letters a text writes that may name an article ('tie', 'pen', 'cap'), one written
    in the plural too ('scratch the DACs' names the line '4x 10G DAC 3m')."""
    found = re.findall(r"(?<![\w'’-])([^\W\d_]{3})s?(?![\w'’-])", text.lower())
    return {w for w in found if w not in _FUNCTION_WORDS}


def letter_sizes(text: str) -> set[str]:
    """The sizes a text writes in the sizes' own marks ('XL', '2XL', 'T9'), never a bare number."""
    return {token.lower() for token in re.findall(r"[\w/]+", text) if is_size(token)}


def _name(line: ExtractedLine) -> str:
    return line.description.value if line.description else ""


def namer(
    candidates: list[ExtractedLine], said: tuple[set[str], set[str]], clause: str, *, book: WordBook | None
) -> Callable[[ExtractedLine], int]:
    """How many words of a clause name a line: its words and sizes ('les bottes en 44'), else, when they
    name none of the candidates, the catalogue's words of each one's name and code ('5 packs of the blue
    cloths, not 3' over 'BS-MOP-0502 x 3')."""
    words, sizes = said

    def own(line: ExtractedLine) -> int:
        name = line.description.value if line.description else ""
        return len(words & line_words(line)) + len(sizes & sizes_named(name))

    if book is None or any(own(ln) for ln in candidates):
        return own
    in_catalogue = book.said_words(clause)
    return lambda line: len(in_catalogue & catalogue_words(line, book))


def catalogue_words(line: ExtractedLine, book: WordBook) -> frozenset[str]:
    """The words of the line's name and of its code's article, as the catalogue compares them."""
    named = book.said_words(line.description.value) if line.description else frozenset()
    return named | book.code_words(line.code.value) if line.code else named


def inside(line: ExtractedLine, start: int, end: int, part: str) -> bool:
    """The line was read from the text between `start` and `end`: it starts there, or the count it reads
    is written there ('Pour saisie. Les gants : 4 cartons au lieu de 2.' read as one line from its start)."""
    prov = line.provenance
    if not (prov and prov.part == part and prov.span):
        return False
    count = line.quantity.provenance if line.quantity else None
    own_count = bool(
        count and count.part == part and count.span and prov.span[0] <= count.span[0] < prov.span[1]
    )
    return start <= prov.span[0] < end or (own_count and start <= count.span[0] < end)  # type: ignore[union-attr]


def before(line: ExtractedLine, start: int, part: str) -> bool:
    prov = line.provenance
    return bool(prov and prov.part == part and prov.span and prov.span[1] <= start)


def tokens(text: str) -> set[str]:
    return {fold_code(t) for t in re.findall(r"[\w\-/.]+", text)}


def fold_code(code: str) -> str:
    return re.sub(r"[\s\-/.]", "", code).lower()


def significant(text: str) -> set[str]:
    """Words of four letters or more, and marks of letters and figures ('5G2,5', 'HU7008z')."""
    lowered = text.lower()
    marks = re.findall(r"(?<![\w,])(?=[\w,\-/]*\d)(?=[\w,\-/]*[^\W\d_])\w[\w,\-/]*\w", lowered)
    return {fold(w) for w in re.findall(r"[^\W\d_][\w\-]{3,}", lowered)} | set(marks)


# A figure standing alone, with the unit glued to it or set one space apart ('60L', '60 L', '44').
_SIZE = re.compile(r"(?<![\w,.])(\d+(?:[.,]\d+)?)\s?([^\W\d_]{1,2})?(?!\w)")


def sizes_named(text: str) -> set[str]:
    """The sizes a text writes, each as one mark ('bidon 60 L' and '(Rubia 60L)' both '60l')."""
    return {f"{n.replace(',', '.')}{u or ''}".lower() for n, u in _SIZE.findall(text)}


def line_words(line: ExtractedLine) -> set[str]:
    """The words of the line's name and code, and the unit it counts in ('couronnes')."""
    text = " ".join(v.value for v in (line.description, line.code) if v is not None)
    unit = {fold(line.unit.value.lower())} if line.unit and len(line.unit.value) > 3 else set()
    return significant(text) | unit


def fold(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


# A count said of the item just named, with no word of its own: 'mettez-en 4', 'make it 6'.
_POINTING = re.compile(
    r"\b(?:mettez|prenez|envoyez|livrez|mets|prends)-en\b|\ben\s+(?:mettre|prendre)\b|\bmake\s+(?:it|that|those)\b",
    re.I,
)


def line_pointed_at(lines: list[ExtractedLine], clause: str, at: int, part: str) -> ExtractedLine | None:
    """The line read last before the sentence, when the clause points at it by a pronoun."""
    if not _POINTING.search(clause):
        return None
    earlier = [ln for ln in lines if before(ln, at, part)]
    return max(earlier, key=lambda ln: ln.provenance.span[1]) if earlier else None  # type: ignore[union-attr]


def headed_by(lines: list[ExtractedLine], what: str) -> ExtractedLine | None:
    """The one line whose name opens with the one short word a clause names it by ('pas de sel (il en
    reste)' over 'sel adoucisseur sac 25 kg', 'no tea' over 'tea bags x 100'): too short for `named_once`."""
    said = re.fullmatch(r"\s*([^\W\d_]{3})\s*", what)
    if said is None:
        return None
    word = said[1].lower()
    headed = [
        ln for ln in lines if ln.description and re.match(rf"{word}s?\b", ln.description.value.strip(), re.I)
    ]
    return headed[0] if len(headed) == 1 else None


def same_unit_alone(candidates: list[ExtractedLine], said: str) -> bool:
    """'make it 20 pairs of welding gloves instead of 12' over a list written in French: the one line
    of the old count, counted in the unit the correction names ('pairs', 'paires')."""
    if len(candidates) != 1 or candidates[0].unit is None or candidates[0].description is None:
        return False  # a line read from its code alone has no words to differ from the correction's
    units = {normalise_unit(word) for word in re.findall(r"[^\W\d_]+", said)}
    return normalise_unit(candidates[0].unit.value) in units - {None}


def numbered_line(above: list[ExtractedLine], number: int, text: str, part: str) -> ExtractedLine | None:
    """The line the customer numbered so ('4) Rail ...', '4. Rail'), else the number-th line read."""
    for found in re.finditer(rf"^[ \t]*(?:n°\s*)?{number}\s*[.)\-–:]", text, re.M):
        end = text.find("\n", found.start())
        written = [ln for ln in above if inside(ln, found.start(), end if end >= 0 else len(text), part)]
        return written[0] if len(written) == 1 else None
    return above[number - 1] if 0 < number <= len(above) else None
