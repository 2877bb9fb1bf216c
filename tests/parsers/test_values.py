"""Numbers and dates as documents print them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from parsers.values.cells import find_date, parse_number, split_quantity


@pytest.mark.parametrize(
    ("text", "comma", "expected"),
    [
        ("1 234,50", True, "1234.50"),
        ("1\u202f234,50 €", True, "1234.50"),
        ("1.234,50", True, "1234.50"),
        ("1,234.50", False, "1234.50"),
        ("1.500", True, "1500"),
        ("1,500", False, "1500"),
        ("2,5", True, "2.5"),
        ("0.125", True, "0.125"),
        ("12", True, "12"),
        ("EUR 33,40", True, "33.40"),
        ("abc", True, None),
        ("", True, None),
    ],
)
def test_parse_number(text: str, comma: bool, expected: str | None) -> None:
    assert parse_number(text, decimal_comma=comma) == (Decimal(expected) if expected else None)


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [("1 200 pces", "1200", "pces"), ("2,5 kg", "2.5", "kg"), ("12", "12", ""), ("ctn", None, "ctn")],
)
def test_split_quantity(text: str, quantity: str | None, unit: str) -> None:
    assert split_quantity(text) == (Decimal(quantity) if quantity else None, unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date : 05/10/2026", dt.date(2026, 10, 5)),
        ("Belegdatum 17.11.2026", dt.date(2026, 11, 17)),
        ("2026-11-20", dt.date(2026, 11, 20)),
        ("Cadillac, le 14 octobre 2026", dt.date(2026, 10, 14)),
        ("le 1er décembre 2026", dt.date(2026, 12, 1)),
        ("12 November 2026", dt.date(2026, 11, 12)),
        ("November 3rd 2026", dt.date(2026, 11, 3)),
        ("am 3. März 2026", dt.date(2026, 3, 3)),
        ("31/02/2026", None),
        ("no date", None),
    ],
)
def test_find_date(text: str, expected: dt.date | None) -> None:
    found = find_date(text)
    assert (found[0] if found else None) == expected
