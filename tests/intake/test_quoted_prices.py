"""A line a reply names by its code is priced as our quoted price list prices that code (invented food lines)."""

from __future__ import annotations

from decimal import Decimal

from intake.followups.quoted_prices import priced_as_quoted
from models import Extracted, ExtractedLine, ExtractedOrder

QUOTED = (
    "On Mon, 7 Dec 2026, Sales <sales@example.com> wrote:\n"
    "> FRZ-2210  Frozen peas 2.5 kg        EUR 6.40\n"
    "> FRZ-2215  Frozen green beans 2.5 kg  7,10 €\n"
    "> FRZ-2290  Mixed vegetables 2.5 kg   EUR 5.90 (was EUR 6.20)\n"
    "> FRZ-3100  Chest freezer 400 L   2   1 329,00 €\n"
    "> FRZ-3120  Ice cream cabinet    20   11,23 €\n"
)


def _line(code: str, price: str | None = None) -> ExtractedLine:
    return ExtractedLine(
        line_no=1,
        code=Extracted[str](value=code, confidence=0.9),
        unit_price=Extracted[Decimal](value=Decimal(price), confidence=0.9) if price else None,
    )


def _prices(*lines: ExtractedLine) -> list[Decimal | None]:
    order = priced_as_quoted(ExtractedOrder(lines=list(lines)), QUOTED)
    return [line.unit_price.value if line.unit_price else None for line in order.lines]


def test_a_coded_line_takes_the_one_price_its_quoted_row_writes() -> None:
    assert _prices(_line("FRZ-2210"), _line("frz-2215")) == [Decimal("6.40"), Decimal("7.10")]


def test_a_price_written_in_the_reply_or_a_row_of_two_prices_or_none_stays() -> None:
    assert _prices(_line("FRZ-2210", "6.00"), _line("FRZ-2290"), _line("FRZ-9999")) == [
        Decimal("6.00"),
        None,
        None,
    ]


def test_a_count_before_the_price_is_no_thousands_of_it() -> None:
    assert _prices(_line("FRZ-3100"), _line("FRZ-3120")) == [Decimal("1329.00"), Decimal("11.23")]
