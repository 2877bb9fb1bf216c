"""The value readers face whatever customers type: they answer or say None, never raise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.values.dates import find_date, find_dates
from parsers.values.delivery_dates import delivery_date
from parsers.values.numbers import parse_number, split_quantity

# Order text: digits, separators, currency, month words and cues mixed with anything.
PIECES = st.sampled_from(
    [
        " ",
        ",",
        ".",
        "/",
        "-",
        "€",
        "\u00a0",
        "\u202f",
        "x",
        "kg",
        "le ",
        "livraison ",
        "avant le ",
        "lundi ",
        "octobre ",
        "Dec ",
        "semaine ",
        "48",
        "2026",
        "31",
        "02",
        "0",
        "1 500,000",
        "12",
        "douze ",
        "demain ",
        "\n",
    ]
)
TEXT = st.one_of(st.text(max_size=60), st.lists(PIECES, max_size=14).map("".join))
TODAY = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(TEXT, st.booleans())
def test_numbers_are_read_or_refused(text: str, decimal_comma: bool) -> None:
    value = parse_number(text, decimal_comma=decimal_comma)
    assert value is None or isinstance(value, Decimal)
    quantity, rest = split_quantity(text, decimal_comma=decimal_comma)
    assert (quantity is None or isinstance(quantity, Decimal)) and isinstance(rest, str)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(TEXT, TODAY)
def test_dates_are_read_or_refused(text: str, today: dt.date) -> None:
    found = find_date(text)
    assert found is None or isinstance(found[0], dt.date)
    assert all(hit.value is None or isinstance(hit.value, dt.date) for hit in find_dates(text, today))
    hit = delivery_date(text, today)
    assert hit is None or hit.value is None or isinstance(hit.value, dt.date)
