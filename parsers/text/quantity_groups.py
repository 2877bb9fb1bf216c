"""A quantity heading merged over columns of its own ('Quantité' over 'Bât. A | Bât. B', 'Qty' over
'Week 1 | Week 2'): each column under it counts the row's article again, for another site or another
week. Every filled cell is a line of its own, never one count added to the other."""

from __future__ import annotations

import re
from collections import Counter

from models import ExtractedLine

# A cell of the second heading row: words naming a site or a week, never a count of a row.
_COUNT = re.compile(r"\s*\d+(?:[.,]\d+)?\s*")


def counted_columns(rows: list[list[str]], index: int, roles: dict[str, int]) -> list[int]:
    """The columns the quantity heading of row `index` spans, when the row under it heads each of them
    ('Quantité' | '' over 'Bât. A' | 'Bât. B'); the quantity column alone otherwise."""
    quantity = roles["quantity"]
    if index + 1 >= len(rows):
        return [quantity]
    upper, lower = rows[index], rows[index + 1]
    spanned = [quantity]
    for column in range(quantity + 1, min(len(upper), len(lower))):
        if upper[column].strip() or column in roles.values():
            break
        spanned.append(column)
    heads = [lower[c].strip() for c in spanned if c < len(lower)]
    others = [c for c in range(min(len(upper), len(lower))) if c not in spanned]
    # The cells left of and right of the group repeat the heading above (a merged cell laid out) or are blank.
    if (
        len(spanned) < 2
        or not all(heads)
        or any(_COUNT.fullmatch(head) for head in heads)
        or any(lower[c].strip() not in ("", upper[c].strip()) for c in others)
    ):
        return [quantity]
    return spanned


def heading_rows(columns: list[int]) -> int:
    """How many rows head the table after the first: one when the quantity was split under it."""
    return 1 if len(columns) > 1 else 0


def table_over_text(text_lines: list[ExtractedLine], table_lines: list[ExtractedLine]) -> list[ExtractedLine]:
    """The HTML table's lines in place of those the text rendering read of it, when the table read each
    of them and more and the rendering read nothing else: a rendering loses which column a count sits in
    once a cell is empty ('12 | ' and ' | 10' both print one count), and so the counts under a split
    quantity heading."""
    tabled = all(ln.provenance and ln.provenance.rule == "text-table" for ln in text_lines)
    keys = Counter(_key(ln) for ln in table_lines)
    # Only where the rendering read the table and nothing else: a line read otherwise may be a row of the
    # table cut short by an empty cell, or words of the body beside it.
    if not tabled or len(table_lines) <= len(text_lines) or Counter(_key(ln) for ln in text_lines) - keys:
        return text_lines
    return [ln.model_copy(update={"line_no": number}) for number, ln in enumerate(table_lines, start=1)]


def _key(line: ExtractedLine) -> tuple[str, str, object]:
    code = line.code.value if line.code else ""
    name = line.description.value if line.description else ""
    return code, " ".join(name.split()).lower(), line.quantity.value if line.quantity else None
