"""Counts an ERP prints to three decimals in a body table ('6.000 PC', '4.000 BAG'). Read alone, a dot
and three digits group thousands as French and German write them (`parse_number`); under an English
quantity heading ('Qty', 'Quantity'), where thousands are grouped by commas, a column whose every count
is written to three decimals after a dot is the ERP's fixed-decimal quantity: '6.000' is six."""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.tables import read_header
from parsers.values.numbers import erp_quantity
from parsers.vocabulary.phrases import normalize

TABLE_RULE = "text-table"
# A count to three decimals after a dot, its thousands grouped by commas if at all ('1,500.000').
_FIXED = re.compile(r"\s*(\d{1,3}(?:,\d{3})*\.\d{3})(?![\d.,])")
_ENGLISH_QUANTITY = re.compile(r"\b(?:qty|quantity|quantities)\b")


def with_fixed_decimals(lines: list[ExtractedLine], text: str) -> list[ExtractedLine]:
    """The lines with the counts of each English-headed body table read to three decimals, when every
    count of the table (two rows at least) is written that way; the other lines as they were."""
    if not any(_table_row_at(line) is not None for line in lines):
        return lines
    headers = _english_headers(text)
    tables: dict[int, dict[int, Decimal | None]] = {}
    for line in lines:
        at = _table_row_at(line)
        header = max((start for start in headers if start < at), default=None) if at is not None else None
        if header is not None and headers[header]:
            tables.setdefault(header, {})[id(line)] = _fixed_count(line, text)
    fixed = {
        key: count
        for counts in tables.values()
        if len(counts) >= 2 and None not in counts.values()
        for key, count in counts.items()
    }
    return [_counted(line, fixed[id(line)]) if id(line) in fixed else line for line in lines]


def _english_headers(text: str) -> dict[int, bool]:
    """Where each table header of the text starts, and whether its quantity heading is English."""
    found, offset, above = {}, 0, ""
    for raw in text.splitlines(keepends=True):
        row = raw.rstrip("\r\n")
        header = read_header(row, above) if row.strip() else None
        if header is not None:
            heading = header.texts[header.roles["quantity"]] if header.texts else ""
            found[offset] = bool(_ENGLISH_QUANTITY.search(normalize(heading)))
        offset, above = offset + len(raw), row
    return found


def _table_row_at(line: ExtractedLine) -> int | None:
    where = line.provenance
    return where.span[0] if where and where.rule == TABLE_RULE and where.span else None


def _fixed_count(line: ExtractedLine, text: str) -> Decimal | None:
    where = line.quantity.provenance if line.quantity else None
    if where is None or where.span is None:
        return None
    found = _FIXED.match(text[where.span[0] : where.span[1]])
    return erp_quantity(found[1]) if found else None


def _counted(line: ExtractedLine, count: Decimal | None) -> ExtractedLine:
    if line.quantity is None or count is None:
        return line
    return line.model_copy(update={"quantity": line.quantity.model_copy(update={"value": count})})
