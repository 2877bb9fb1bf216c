"""A size grid in a body: a header row whose cells are sizes ("Article | S | M | L | XL"), one
row per article with a count under each size (tabs, pipes, or spaces aligned under the sizes).

Each filled cell gives its own line, the designation followed by the size; an empty, '-' or 0
cell orders nothing. The sizes are those of parsers/data/sizes.toml.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from models import ExtractedLine
from parsers.text.extracted import line_from_parts
from parsers.text.line_noise import opens_no_item
from parsers.values.numbers import parse_number
from parsers.vocabulary.sizes import ambiguous_letter, is_size

GRID_RULE = "text-size-grid"
Cell = tuple[str, tuple[int, int]]

_CELL_SEPARATORS = (re.compile(r"\t"), re.compile(r"[ \t]*\|[ \t]*"), re.compile(r"\s{2,}"))
_EMPTY = {"", "-", "–", "—", "0", "/", "x"}


@dataclass(frozen=True)
class SizeGrid:
    """A header row of sizes: each size's column (index for tabs and pipes, span for spaces)."""

    sizes: list[tuple[str, int, tuple[int, int]]]
    separator: re.Pattern[str]
    total: int | None = None  # a column after the sizes that sums the row ('Total', 'Qté totale')


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
        total = None
        if separator.pattern != r"\s{2,}" and len(cells) > 2 and _TOTAL.match(cells[-1][0]):
            total = len(cells) - 1
            cells.pop()
        sizes = [(text, i, span) for i, (text, span) in enumerate(cells) if is_size(text, bare=True)]
        first = sizes[0][1] if sizes else len(cells)
        if len(sizes) < 2 or len(sizes) != len(cells) - first:
            continue
        if first > 2 or any(re.search(r"\d", text) for text, _ in cells[:first]):
            continue
        if not sizes_in_a_row([text for text, _, _ in sizes]):
            continue
        return SizeGrid(sizes, separator, total)
    return None


_TOTAL = re.compile(
    r"^(?:total(?:\s+(?:qty|qté|quantity|quantité|pcs|pièces))?|qté\s+totale|quantité\s+totale)$", re.I
)


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
    last = grid.total if grid.total is not None else grid.sizes[-1][1]
    if len(cells) <= first or len(cells) > last + 1:
        return None
    code, (name, name_span) = _name(cells[:first])
    counts = [(size, cells[i]) for size, i, _ in grid.sizes if i < len(cells)]
    found = _lines(name, name_span, counts, part=part, start=start, code=code)
    total = cells[grid.total][0] if grid.total is not None and grid.total < len(cells) else ""
    if found and not _sums_to(counts, total):
        return None  # the row's total says another count than its cells: no reading is sure
    return found


def _sums_to(counts: list[tuple[str, tuple[str, tuple[int, int]]]], total: str) -> bool:
    if not total:
        return True
    written = parse_number(total)
    cells = [parse_number(text) for _, (text, _) in counts if text.lower() not in _EMPTY]
    return written is not None and None not in cells and sum(cells) == written


def _name(cells: list[tuple[str, tuple[int, int]]]) -> tuple[Cell | None, Cell]:
    """The row's code, when a cell of its own holds one before the designation ('POL-220 | Veste
    polaire | 3 | 2': the code names a family, the size its article), and its designation."""
    named = [c for c in cells if c[0]]
    code = named[0] if len(named) > 1 and _CODE_CELL.match(named[0][0]) else None
    named = named[1:] if code else named
    if not named:
        return code, ("", (0, 0))
    return code, (" ".join(t for t, _ in named), (named[0][1][0], named[-1][1][1]))


# One word of letters and digits, or a long number: a code, never a designation's word.
_CODE_CELL = re.compile(r"^(?:(?=[\w\-./]*\d)(?=[\w\-./]*[A-Za-z])[A-Za-z0-9][\w\-./]*[A-Za-z0-9]|\d{5,})$")


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
    code, (name, name_span) = _name(names)
    return _lines(name, name_span, counts, part=part, start=start, code=code)


def _lines(
    name: str,
    name_span: tuple[int, int],
    counts: list[tuple[str, tuple[str, tuple[int, int]]]],
    *,
    part: str,
    start: int,
    code: Cell | None = None,
) -> list[ExtractedLine] | None:
    if not re.search(r"[^\W\d_]{3,}", name):
        return None
    if opens_no_item(name):
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
                code=(code[0], (start + code[1][0], start + code[1][1])) if code else None,
                qty=(quantity, where),
                rule=GRID_RULE,
                confidence=0.85,
            )
        )
    return found
