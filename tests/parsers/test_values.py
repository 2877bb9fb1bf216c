"""Dates as documents print them."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.values.dates import find_date


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
