"""Counts an ERP prints to three decimals in a body table ('6.000 PC', '4.000 BAG', '5,000 RAM'). Read
alone, a dot and three digits group thousands as French and German write them (`parse_number`); a
table whose every count is written to three decimals is the ERP's fixed-decimal quantity ('6.000' is
six) when its quantity heading is English ('Qty', 'Quantity': thousands grouped by commas there) or an
ERP numbers its rows by tens ('10', '20', '00010'). Rows numbered 1, 2, 3 under 'Qté', a single row, or
a table mixing '24' and '1.500' group thousands as written."""

from __future__ import annotations

import re
from decimal import Decimal

from models import ExtractedLine
from parsers.text.tables import read_header
from parsers.values.numbers import erp_quantity
from parsers.vocabulary.phrases import normalize

TABLE_RULE = "text-table"
# A count to three decimals ('4.000', '20,000', '1,500.000').
_FIXED = re.compile(r"\s*(\d{1,3}(?:[.,]\d{3})*[.,]\d{3})(?![\d.,])")
_BY_TENS = re.compile(r"\s*\|?\s*0*[1-9]\d*0\b")
_ENGLISH_QUANTITY = re.compile(r"\b(?:qty|quantity|quantities)\b")


def with_fixed_decimals(lines: list[ExtractedLine], text: str) -> list[ExtractedLine]:
    """The lines with the counts of each body table read to three decimals, when every count of the table
    (two rows at least) is written that way and its heading is English or its rows numbered by tens."""
    if not any(_table_row_at(line) is not None for line in lines):
        return lines
    headers = _english_headers(text)
    tables: dict[int, dict[int, Decimal | None]] = {}
    by_tens: dict[int, bool] = {}
    for line in lines:
        at = _table_row_at(line)
        header = max((start for start in headers if start < at), default=None) if at is not None else None
        if header is not None:
            tables.setdefault(header, {})[id(line)] = _fixed_count(line, text)
            by_tens[header] = by_tens.get(header, True) and bool(_BY_TENS.match(text[at : at + 12]))
    fixed = {
        key: count
        for header, counts in tables.items()
        if len(counts) >= 2 and None not in counts.values() and (headers[header] or by_tens[header])
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
