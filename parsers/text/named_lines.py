"""Which line a sentence under the list names: its code, the words of its name, a mark of letters
and figures ('5G2,5', 'HU7008z'), the unit it counts in; and where the sentences of a text start."""

from __future__ import annotations

import re

from models import ExtractedLine

# A sentence ends at '.', '!', '?' or ';' before a space ('... 5W30 ; finalement mettez-en 4 et pas 3'),
# never inside a number or an abbreviation followed by a figure ('réf. 417361').
_SENTENCE_END = re.compile(r"(?<=[!?;])\s+|(?<=[^\W\d_]{3}[.!?])\s+(?=[^\W\d_])")


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


def named_once(lines: list[ExtractedLine], what: str) -> ExtractedLine | None:
    """The one line whose words the text names most, None when none or two alike."""
    words = significant(re.split(r",|\bet\b|\band\b", what)[0])
    scored = sorted(((len(words & line_words(ln)), i) for i, ln in enumerate(lines)), reverse=True)
    unique = scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0])
    return lines[scored[0][1]] if unique else None


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
