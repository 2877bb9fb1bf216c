"""Where the lines were read: whether a span of the message shares text with any place read.

`overlaps` compares two places; `Places` answers `any(overlaps(span, read) for read in places)`
for many spans against the same places, and `Rows` which rows of a document a line's places
sit on, without comparing every pair: text spans sorted by their start, a sheet's rows by
their key, a PDF's printed lines by page and height.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

from models import Provenance, SourceRow

_ROW = re.compile(r"(\d+)$")


def overlaps(span: Provenance | None, read: Provenance) -> bool:
    """The two places share text: a span of one part, a sheet's row, a PDF's printed line."""
    if span is None:
        return False
    if span.part != read.part:
        return False
    if span.span and read.span:
        return span.span[0] < read.span[1] and read.span[0] < span.span[1]
    if span.sheet is not None and span.cell and read.cell:
        return span.sheet == read.sheet and row_of(span.cell) == row_of(read.cell)
    if span.page is not None and span.bbox and read.bbox and span.page == read.page:
        middle = (span.bbox[1] + span.bbox[3]) / 2
        return read.bbox[1] - 1 <= middle <= read.bbox[3] + 1
    return False


def row_of(cell: str) -> str | None:
    found = _ROW.search(cell)
    return found.group(1) if found else None


class _Reach:
    """Ranges (low, high): whether one of them reaches past a point, sorted by `low` with the
    highest `high` so far."""

    def __init__(self, ranges: Iterable[tuple[float, float]]) -> None:
        ordered = sorted(ranges)
        self.lows = [low for low, _ in ordered]
        self.highs = list(accumulate((high for _, high in ordered), max))

    def opens_before(self, point: float, *, beyond: float) -> bool:
        """A range with low < point and high > beyond."""
        count = bisect_left(self.lows, point)
        return count > 0 and self.highs[count - 1] > beyond

    def holds(self, point: float) -> bool:
        """A range with low <= point <= high."""
        count = bisect_right(self.lows, point)
        return count > 0 and self.highs[count - 1] >= point


class _Part:
    """The places read in one part, by how `overlaps` compares a span with them: whether the place
    has a text span, and whether it has a sheet cell, decide which of its tests applies."""

    def __init__(self, reads: list[Provenance]) -> None:
        self.spans = _Reach((read.span[0], read.span[1]) for read in reads if read.span)
        self.rows: dict[bool, set[tuple[str | None, str | None]]] = {False: set(), True: set()}
        lines: dict[tuple[bool, bool], dict[int, list[tuple[float, float]]]] = {}
        for read in reads:
            spanned, celled = bool(read.span), bool(read.cell)
            if read.cell:
                self.rows[spanned].add((read.sheet, row_of(read.cell)))
            if read.bbox and read.page is not None:
                on_page = lines.setdefault((spanned, celled), {}).setdefault(read.page, [])
                on_page.append((read.bbox[1] - 1, read.bbox[3] + 1))
        self.lines = {
            kinds: {page: _Reach(ranges) for page, ranges in pages.items()} for kinds, pages in lines.items()
        }

    def touched(self, where: Provenance) -> bool:
        if where.span and self.spans.opens_before(where.span[1], beyond=where.span[0]):
            return True
        # A place with a text span is compared by its span alone with a span that has one.
        spanned = (False,) if where.span else (False, True)
        by_row = where.sheet is not None and bool(where.cell)
        if by_row and any((where.sheet, row_of(where.cell or "")) in self.rows[s] for s in spanned):
            return True
        if where.page is None or not where.bbox:
            return False
        middle = (where.bbox[1] + where.bbox[3]) / 2
        # A place with a cell is compared by its row alone with a span that has a sheet cell.
        celled = (False,) if by_row else (False, True)
        return any(
            reach.holds(middle)
            for s in spanned
            for c in celled
            if (reach := self.lines.get((s, c), {}).get(where.page)) is not None
        )


class Places:
    """`touched(span)` is `any(overlaps(span, read) for read in reads)`."""

    def __init__(self, reads: Iterable[Provenance]) -> None:
        parts: dict[str, list[Provenance]] = {}
        for read in reads:
            parts.setdefault(read.part, []).append(read)
        self._parts = {part: _Part(found) for part, found in parts.items()}

    def touched(self, span: Provenance | None) -> bool:
        if span is None:
            return False
        part = self._parts.get(span.part)
        return part is not None and part.touched(span)


class Rows:
    """The rows of a document, and those of one region looked up by the places a line was read
    from: `at(places)` is every row of `region`, in order, that `overlaps` one of the places."""

    def __init__(self, rows: Sequence[SourceRow], region: str) -> None:
        self.rows = rows
        self._kept = [
            (i, row.provenance) for i, row in enumerate(rows) if row.region == region and row.provenance
        ]
        self._starts: dict[str, _Sorted] = {}
        self._keys: dict[tuple[str, str | None, str | None], list[int]] = {}
        self._middles: dict[tuple[str, int], _Sorted] = {}
        for i, where in self._kept:
            if where.span:
                self._starts.setdefault(where.part, _Sorted()).add(where.span[0], i)
            if where.sheet is not None and where.cell:
                self._keys.setdefault((where.part, where.sheet, row_of(where.cell)), []).append(i)
            if where.page is not None and where.bbox:
                middle = (where.bbox[1] + where.bbox[3]) / 2
                self._middles.setdefault((where.part, where.page), _Sorted()).add(middle, i)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def at(self, places: Sequence[Provenance]) -> list[SourceRow]:
        near: set[int] = set()
        for read in places:
            starts = self._starts.get(read.part)
            if read.span and starts is not None:
                near.update(starts.below(read.span[1]))
            if read.cell:
                near.update(self._keys.get((read.part, read.sheet, row_of(read.cell)), ()))
            middles = self._middles.get((read.part, read.page)) if read.page is not None else None
            if read.bbox and middles is not None:
                near.update(middles.between(read.bbox[1] - 1, read.bbox[3] + 1))
        return [
            self.rows[i] for i in sorted(near) if any(overlaps(self.rows[i].provenance, p) for p in places)
        ]


class _Sorted:
    """Items by a key: those whose key is below a bound, or between two."""

    def __init__(self) -> None:
        self._pairs: list[tuple[float, int]] = []
        self._keys: list[float] = []

    def add(self, key: float, item: int) -> None:
        self._pairs.append((key, item))
        self._keys = []

    def _sorted(self) -> list[float]:
        if len(self._keys) != len(self._pairs):
            self._pairs.sort()
            self._keys = [key for key, _ in self._pairs]
        return self._keys

    def below(self, bound: float) -> list[int]:
        keys = self._sorted()
        return [item for _, item in self._pairs[: bisect_left(keys, bound)]]

    def between(self, low: float, high: float) -> list[int]:
        keys = self._sorted()
        return [item for _, item in self._pairs[bisect_left(keys, low) : bisect_right(keys, high)]]
