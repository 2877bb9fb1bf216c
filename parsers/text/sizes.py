"""Quantities split by size: one article, a count for each size (vocabulary: parsers/data/sizes.toml).

Shapes read:
- pairs after a designation: "gants docker cuir T9 x 6, T10 x 4",
  "pantalons multipoches gris : 2 en 42, 3 en 44, 1 en 46", "veste marine tailles : 2 M, 3 L, 1 XL";
- the pairs alone on the line under the designation ("tailles : 2 M, 3 L"): the caller
  passes the designation line as `base`;
- a size grid: a header row whose cells are sizes ("Article | S | M | L | XL"), one row per
  article with a count under each size (tabs, pipes, or spaces aligned under the sizes).
Each size gives its own line, the designation followed by the size, for the matcher to name
the article of that size. An empty, '-' or 0 cell orders nothing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from models import ExtractedLine
from parsers.text.extracted import line_from_parts
from parsers.values.numbers import parse_number
from parsers.values.units import normalise_unit
from parsers.vocabulary.sizes import ambiguous_letter, is_size, size_pattern, size_words
from parsers.vocabulary.words import line_words

RULE, GRID_RULE = "text-size-split", "text-size-grid"
_BULLET = re.compile(r"^\s*(?:[-*•·+>]|\d{1,2}[.)](?=\s))?\s*")
_SEP = re.compile(r"^\s*(?:[,;+&]|\bet\b|\band\b|/)?\s*$", re.I)
_TAIL = re.compile(r"^[\s.;,!)]*$")


@dataclass(frozen=True)
class Pair:
    size: str
    quantity: Decimal
    unit: str | None
    span: tuple[int, int]
    size_span: tuple[int, int]


@lru_cache(maxsize=1)
def _pair_patterns() -> tuple[re.Pattern[str], ...]:
    size = size_pattern()
    words = size_words()
    links = "|".join(re.escape(w) for w in sorted(words.links, key=len, reverse=True))
    unit = r"(?:\s*(?P<unit>[^\W\d_]{2,}\.?))"
    return (
        # "T9 x 6", "XL : 3", "P43 = 2 paires"
        re.compile(rf"(?P<size>{size})\s*[x×:=]\s*(?P<qty>\d{{1,4}})(?!\d){unit}?(?![\w])", re.I),
        # "2 en 42", "3 paires en 44", "1 in XL", "4 de taille M"
        re.compile(
            rf"(?<![\w,.])(?P<qty>\d{{1,4}})(?:\s+(?P<unit>[^\W\d_]{{2,}}\.?))?\s+(?:{links})\s+"
            rf"(?P<size>{size}|\d{{1,2}}(?:/\d{{2}})?)(?![\w])",
            re.I,
        ),
        # "2 M", "3 x XL"
        re.compile(rf"(?<![\w,.])(?P<qty>\d{{1,4}})\s*[x×]?\s*(?P<size>{size})(?![\w])", re.I),
    )


def _pairs(line: str, pattern: re.Pattern[str]) -> list[Pair]:
    found = []
    for m in pattern.finditer(line):
        size = m["size"]
        if not is_size(size, bare=True):
            continue
        quantity = parse_number(m["qty"])
        written = m.groupdict().get("unit")
        unit = normalise_unit(written) if written else None
        span = m.span()
        if written and unit is None:
            if m.start("unit") < m.start("size"):
                continue  # "2 vestes en XL": a word, no unit, between the count and its size
            span = (span[0], m.end("qty"))  # "XL x 2 et ...": the word after is the sentence's
        if quantity is None:
            continue
        found.append(Pair(size.strip(), quantity, unit, span, m.span("size")))
    return found


def _last_chain(line: str, pairs: list[Pair]) -> list[Pair]:
    """The run of pairs that ends the line, joined by commas, 'et', 'and' or spaces."""
    chain: list[Pair] = []
    for pair in pairs:
        if chain and _SEP.match(line[chain[-1].span[1] : pair.span[0]]):
            chain.append(pair)
        else:
            chain = [pair]
    if not chain or not _TAIL.match(line[chain[-1].span[1] :]):
        return []
    return chain


@lru_cache(maxsize=1)
def _label_tail() -> re.Pattern[str]:
    labels = "|".join(re.escape(w) for w in sorted(size_words().labels, key=len, reverse=True))
    return re.compile(rf"(?:\s*(?:en|in)?\s*(?:{labels}))?[\s:=\-–—,(]*$", re.I)


def split_by_size(line: str) -> tuple[str, int, list[Pair]] | None:
    """The designation, where it starts, and its (size, count) pairs; None when the line is not that shape."""
    for pattern in _pair_patterns():
        chain = _last_chain(line, _pairs(line, pattern))
        if len(chain) < 2:
            continue
        head = line[: chain[0].span[0]]
        labelled = _label_tail().search(head)
        base_end = labelled.start() if labelled else len(head)
        bullet = _BULLET.match(head)
        base_start = bullet.end() if bullet and bullet.end() <= base_end else 0
        base = head[base_start:base_end].strip()
        has_label = labelled is not None and labelled.group(0).strip(" :=-–—,(") != ""
        if all(ambiguous_letter(p.size) for p in chain) and not has_label:
            continue  # "2 m, 3 l": metres and litres, not sizes
        if len({p.size.lower() for p in chain}) < len(chain):
            continue  # one size twice: not a split by size
        return base, base_start, chain
    return None


def read_size_split(
    line: str, *, part: str, start: int, base: tuple[str, int] | None = None
) -> list[ExtractedLine] | None:
    """One line per size of 'DESIGNATION T9 x 6, T10 x 4'; `base` is the designation line above
    when the pairs stand alone ('tailles : 2 M, 3 L')."""
    found = split_by_size(line)
    if found is None:
        return None
    text, at, pairs = found
    desc_span = (start + at, start + at + len(text))
    if not re.search(r"[^\W\d_]{3,}", text):
        if base is None or text:
            return None
        text, desc_span = base[0].strip(), (base[1], base[1] + len(base[0]))
    return [
        line_from_parts(
            part,
            (start + pair.span[0], start + pair.span[1]),
            desc=(f"{text} {pair.size}", desc_span),
            qty=(pair.quantity, (start + pair.span[0], start + pair.span[1])),
            unit=(pair.unit, (start + pair.span[0], start + pair.span[1])) if pair.unit else None,
            rule=RULE,
            confidence=0.85,
        )
        for pair in pairs
        if pair.quantity > 0
    ]


# -- size grids -----------------------------------------------------------------------------

_CELL_SEPARATORS = (re.compile(r"\t"), re.compile(r"[ \t]*\|[ \t]*"), re.compile(r"\s{2,}"))
_EMPTY = {"", "-", "–", "—", "0", "/", "x"}


@dataclass(frozen=True)
class SizeGrid:
    """A header row of sizes: each size's column (index for tabs and pipes, span for spaces)."""

    sizes: list[tuple[str, int, tuple[int, int]]]
    separator: re.Pattern[str]


def _cells(line: str, separator: re.Pattern[str]) -> list[tuple[str, tuple[int, int]]]:
    cells, at = [], 0
    for sep in separator.finditer(line):
        cells.append((line[at : sep.start()], (at, sep.start())))
        at = sep.end()
    cells.append((line[at:], (at, len(line))))
    if separator.pattern.startswith("[ \\t]*\\|") and cells and not cells[0][0].strip():
        cells = cells[1:]
    return [(t.strip(), span) for t, span in cells]


def read_size_header(line: str) -> SizeGrid | None:
    """The grid a header row opens: two sizes or more as its last columns, words or nothing before."""
    for separator in _CELL_SEPARATORS:
        cells = _cells(line, separator)
        if separator.pattern == r"\s{2,}":
            cells = [c for c in cells if c[0]]
        while cells and not cells[-1][0]:
            cells.pop()
        sizes = [(text, i, span) for i, (text, span) in enumerate(cells) if is_size(text, bare=True)]
        first = sizes[0][1] if sizes else len(cells)
        if len(sizes) < 2 or len(sizes) != len(cells) - first:
            continue
        if first > 2 or any(re.search(r"\d", text) for text, _ in cells[:first]):
            continue
        if not sizes_in_a_row([text for text, _, _ in sizes]):
            continue
        return SizeGrid(sizes, separator)
    return None


def sizes_in_a_row(sizes: list[str]) -> bool:
    """Letter sizes beyond 'M' and 'L' (units too), or three bare numbers or more rising by small steps."""
    if any(not s.isdigit() for s in sizes):
        return not all(ambiguous_letter(s) or s.isdigit() for s in sizes)
    numbers = [int(s) for s in sizes]
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    return len(numbers) >= 3 and all(0 < step <= 4 for step in steps)


def read_size_row(line: str, grid: SizeGrid, *, part: str, start: int) -> list[ExtractedLine] | None:
    """The lines of one article's row under a size header; None when the row is not one."""
    cells = _cells(line, grid.separator)
    if grid.separator.pattern == r"\s{2,}":
        return _aligned_row(line, [c for c in cells if c[0]], grid, part=part, start=start)
    first = grid.sizes[0][1]
    if len(cells) <= first or len(cells) > grid.sizes[-1][1] + 1:
        return None
    name, name_span = _name(cells[:first])
    counts = [(size, cells[i]) for size, i, _ in grid.sizes if i < len(cells)]
    return _lines(name, name_span, counts, part=part, start=start)


def _name(cells: list[tuple[str, tuple[int, int]]]) -> tuple[str, tuple[int, int]]:
    named = [c for c in cells if c[0]]
    if not named:
        return "", (0, 0)
    return " ".join(t for t, _ in named), (named[0][1][0], named[-1][1][1])


def _aligned_row(
    line: str, cells: list[tuple[str, tuple[int, int]]], grid: SizeGrid, *, part: str, start: int
) -> list[ExtractedLine] | None:
    """Spaces: a count belongs to the size whose header it stands under."""
    left = grid.sizes[0][2][0]
    names = [c for c in cells if c[1][1] <= left]
    counts = []
    for text, span in cells[len(names) :]:
        column = [s for s in grid.sizes if span[0] < s[2][1] + 1 and s[2][0] - 1 < span[1]]
        if len(column) != 1:
            return None
        counts.append((column[0][0], (text, span)))
    name, name_span = _name(names)
    return _lines(name, name_span, counts, part=part, start=start)


def _lines(
    name: str,
    name_span: tuple[int, int],
    counts: list[tuple[str, tuple[str, tuple[int, int]]]],
    *,
    part: str,
    start: int,
) -> list[ExtractedLine] | None:
    if not re.search(r"[^\W\d_]{3,}", name):
        return None
    if any(name.lower().startswith(w) for w in line_words().line_openers_not_items):
        return []  # "Total", "Sous-total": no article
    found = []
    for size, (text, span) in counts:
        if text.lower() in _EMPTY:
            continue
        quantity = parse_number(text)
        if quantity is None or quantity != quantity.to_integral_value():
            return None
        if quantity <= 0:
            continue
        where = (start + span[0], start + span[1])
        found.append(
            line_from_parts(
                part,
                where,
                desc=(f"{name} {size}", (start + name_span[0], start + name_span[1])),
                qty=(quantity, where),
                rule=GRID_RULE,
                confidence=0.85,
            )
        )
    return found
