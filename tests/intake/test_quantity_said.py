"""What count a span gives an article it names: the one number reader, packs and sizes set aside."""

from __future__ import annotations

from decimal import Decimal

import pytest

from intake.routing.checks.coverage import _same_quantity
from intake.routing.checks.reading import default_reading_rules
from models import Extracted, ExtractedLine


def named(quantity: str, description: str) -> ExtractedLine:
    return ExtractedLine(
        line_no=1,
        quantity=Extracted[Decimal](value=Decimal(quantity)),
        description=Extracted[str](value=description),
    )


@pytest.mark.parametrize(
    ("text", "read", "same"),
    [
        ("Boîte burger kraft M ........ 1.500 pces", "1500", True),
        ("Gobelets carton blanc ..... 2 500 pièces", "2500", True),
        ("Café grains Arabica vrac : 1,5 kg", "1.5", True),
        ("nous avons besoin de 10 boîtes de thé vert", "10", True),
        ("thé vert, boîte de 25 sachets : 4", "4", True),
        ("case of 5 reams thé vert 30/11/2026", "4", True),
        ("only 2 of the thé vert, not 4", "4", True),
        ("seulement 2 thé vert", "4", False),
        ("thé vert : 1.500", "1.5", False),
    ],
)
def test_the_count_a_span_gives_the_article_it_names(text: str, read: str, same: bool) -> None:
    assert _same_quantity(text, named(read, "thé vert"), default_reading_rules()) is same
