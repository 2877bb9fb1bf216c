"""A bare count of an article the catalogue does not name counts pieces; a unit said stays."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers import match_article
from models import Extracted, ExtractedLine
from tests.factories.body_lines import goods_index

GOODS = [
    ("TAP-MIX", "Kitchen mixer tap chrome", "pce"),
    ("CLS-A4", "Classeur à levier A4 80 mm", "pce"),
]


def _line(description: str, unit: str | None) -> ExtractedLine:
    return ExtractedLine(
        line_no=1,
        description=Extracted[str](value=description),
        quantity=Extracted[Decimal](value=Decimal(2)),
        unit=Extracted[str](value=unit) if unit else None,
    )


@pytest.mark.parametrize(
    ("description", "unit", "expected"),
    [
        ("ceiling presence detector 360", None, "pce"),
        ("hotte à filtration pour la salle 12", None, "pce"),
        ("sacs de sable", "sac", "sac"),
    ],
    ids=["bare-en", "bare-fr", "unit-said"],
)
def test_an_unnamed_article_is_counted_in_pieces_unless_a_unit_is_said(description, unit, expected):
    match = match_article(_line(description, unit), goods_index(GOODS), customer_id=None)
    assert (match.sku, match.unit) == (None, expected)
