"""A body table's counts printed as an ERP prints them, to three decimals ('4.000', '20,000')."""

from __future__ import annotations

import re

from models import ExtractedLine
from parsers.values.numbers import erp_quantity

_TABLE_RULE = "text-table"
_THREE_DECIMALS = re.compile(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{3}")
_BY_TENS = re.compile(r"\s*\|?\s*0*[1-9]\d*0\b")


def with_fixed_decimals(lines: list[ExtractedLine], text: str) -> list[ExtractedLine]:
    """The counts of a table whose rows an ERP numbers by tens ('10', '20', '30', or '00010') and
    whose every count prints to three decimals ('4.000', '20.000' under 'Qty'), read as the decimals
    they are: four, not four thousand. Rows numbered 1, 2, 3, a single row, or a table mixing '24'
    and '1.500' group thousands as written."""
    rows = [line for line in lines if _rule(line) == _TABLE_RULE]
    written = [_written(line, text) for line in rows]
    if len(rows) < 2 or not all(w and _THREE_DECIMALS.fullmatch(w) for w in written):
        return lines
    if not all(_BY_TENS.match(_row(line, text)) for line in rows):
        return lines
    counted = {id(line): erp_quantity(w) for line, w in zip(rows, written, strict=True) if w}
    if not all(counted.values()):
        return lines
    return [_recounted(line, counted[id(line)]) if id(line) in counted else line for line in lines]


def _rule(line: ExtractedLine) -> str | None:
    return line.provenance.rule if line.provenance else None


def _row(line: ExtractedLine, text: str) -> str:
    span = line.provenance.span if line.provenance else None
    return text[span[0] : span[1]] if span else ""


def _written(line: ExtractedLine, text: str) -> str | None:
    where = line.quantity.provenance if line.quantity else None
    if where is None or where.span is None:
        return None
    return text[where.span[0] : where.span[1]].strip()


def _recounted(line: ExtractedLine, quantity) -> ExtractedLine:
    assert line.quantity is not None
    return line.model_copy(update={"quantity": line.quantity.model_copy(update={"value": quantity})})
