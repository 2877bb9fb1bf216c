"""The headings of a matrix of counts whose header carries figures: a group heading merged over the variants
of an article ('Steel shelf H 1800' over 'W 800 | W 1000'), or a one-word dimension over named variants
('Socket' over 'Type E 16A | Type F 16A | USB-C').

Which of the two says what the rows are: a group heading holding a figure is an article's designation, so
the columns name the articles and the rows the sites or people counting them; a group of one plain word
names what varies, so each row names an article that the heading under it completes.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from parsers.text.table_roles import column_role, roles_of
from parsers.values.units import normalise_unit, unit_kind
from parsers.vocabulary.grouped import joined_headings
from parsers.vocabulary.sizes import is_size

# A variant heading: a size ('XL', 'T9'), a figure with its unit or its mark ('9 cm', 'Ø 14', '100 ml', 'UK 8')
# or a bare size number ('42').
VARIANT = re.compile(
    r"(?P<mark>(?:[^\W\d_]{1,3}\.?|Ø)?[ \t]?)\d{1,3}(?:[.,/]\d{1,2})?(?P<unit>[ \t]?(?:[^\W\d_]{1,3}|\"))?"
)
_FIGURE = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{3,}")

Columns = list[tuple[int, str]]


class Matrix(NamedTuple):
    """Each count column with the words naming its article, whether the rows name articles too, and the
    unit a group heading says the cells count in ('Packs of 50': the pack)."""

    columns: Columns
    rows_named: bool
    unit: str | None = None


def matrix_columns(upper: list[str], lower: list[str]) -> Matrix | None:
    """The matrix a header over two rows sets out; None when it is no such matrix (a line table, headings
    of words alone, a group over one column)."""
    if len(upper) != len(lower) or len(lower) < 3 or not upper[0] or lower[0] not in ("", upper[0]):
        return None
    if not any(_FIGURE.search(text) for text in upper[1:] + lower[1:]):
        return None  # headings of words alone are the plain grid's
    if roles_of(upper) or roles_of(lower) or roles_of(joined_headings(upper, lower, column_role)):
        return None  # a line table: its own reader reads it
    groups = _groups(upper, lower)
    if not groups or max(len(columns) for _, columns in groups) < 2:
        return None
    variants = [low for _, columns in groups for _, low in columns]
    packs = {_pack_unit(group) for group, _ in groups}
    if packs != {None}:
        # 'Packs of 50' over 'Brown | White': the group says what the cells count, each row is an article
        # its column's heading completes.
        if len(packs) != 1 or not all(map(_named_variant, variants)):
            return None
        return Matrix([(c, low) for _, columns in groups for c, low in columns], True, packs.pop())
    if any(_FIGURE.search(group) for group, _ in groups):
        named = [
            (c, f"{group} {low}".strip() if _completes(low) else low)
            for group, cols in groups
            for c, low in cols
        ]
        return Matrix(named, False)
    if all(re.fullmatch(r"[^\W\d_]+", group) for group, _ in groups) and all(map(_named_variant, variants)):
        return Matrix([(c, f"{group} {low}") for group, columns in groups for c, low in columns], True)
    return None


def _pack_unit(group: str) -> str | None:
    """The unit of count a group heading names ('Packs of 50', 'Cartons de 12'), as written."""
    return next(
        (word for word in _WORD.findall(group) if unit_kind(normalise_unit(word) or "") == "count"), None
    )


def _groups(upper: list[str], lower: list[str]) -> list[tuple[str, Columns]] | None:
    """The count columns under each group heading; a heading merged down over both rows stands alone."""
    groups: list[tuple[str, Columns]] = []
    for column in range(1, len(lower)):
        own, low = upper[column], lower[column]
        if not low:
            return None
        if own == low:
            groups.append(("", [(column, low)]))
        elif own or not groups:
            groups.append((own, [(column, low)]))
        else:
            groups[-1][1].append((column, low))
    return None if any(not group and len(columns) > 1 for group, columns in groups) else groups


def _completes(heading: str) -> bool:
    """A heading that cannot name an article alone: a size or a measure completing the group's ('W 800')."""
    return bool(VARIANT.fullmatch(heading)) or is_size(heading) or not _WORD.search(heading)


def _named_variant(heading: str) -> bool:
    """A variant named by a word of its own ('Type E 16A', 'Schuko'), not a bare figure or a measure."""
    return any(normalise_unit(word) is None for word in _WORD.findall(heading))
