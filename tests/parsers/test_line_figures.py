"""Figures on a list line that count nothing: a postcode's letters and figures at an address's end, a
size with decimals before the packaging in a name (parsers/text/lines.py, counted_after.py)."""

from __future__ import annotations

from decimal import Decimal

from tests.factories.body_lines import read_triples


def test_a_postcode_ending_in_a_capital_x_and_a_figure_counts_nothing():
    assert read_triples("Unit 3, Ballycoolin Business Park, Co. Dublin, D15 K7X4") == []


def test_an_x_glued_before_the_count_still_counts():
    assert read_triples("- housses de couette 2 places XLx3") == [
        ("housses de couette 2 places XL", Decimal(3), None)
    ]


def test_a_size_with_decimals_before_the_packaging_is_no_count_inside_the_name():
    assert read_triples("- cosses rondes 1,5 bte de 200 : deux") == [
        ("cosses rondes 1,5 bte de 200", Decimal(2), None)
    ]
