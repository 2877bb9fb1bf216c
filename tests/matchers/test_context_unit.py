"""The message's other words never put first a twin sold in another unit than the one the line counts in:
'il leur en reste une palette' beside '2 colis d'essuie-mains' names no pallet of them."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex, match_order
from models import Address, ExtractedOrder, ParsedMessage, ProductRow, ReferenceData
from parsers.text.reader import read_lines

GOODS = [
    ("ESS-C", "Essuie-mains pliés 2 plis blanc - colis de 3200 feuilles", "colis"),
    ("ESS-P", "Essuie-mains pliés 2 plis blanc - palette de 40 colis", "palette"),
    ("PAP-R", "Papier A4 80 g blanc - ramette de 500", "ramette"),
    ("PAP-C", "Papier A4 80 g blanc - carton de 5 ramettes", "carton"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=s, name=n, unit=u) for s, n, u in GOODS])
    )


@pytest.mark.parametrize(
    ("text", "sku"),
    [
        ("Pas de sel, il leur en reste une palette.\n2 colis d'essuie-mains pliés 2 plis blanc\n", "ESS-C"),
        ("The last carton came damaged.\n5 reams of A4 80 g white paper\n", "PAP-R"),
    ],
    ids=["pallet-said-of-other-goods", "carton-said-of-a-delivery"],
)
def test_the_unit_counted_outweighs_a_twins_word_said_elsewhere(
    index: CatalogIndex, text: str, sku: str
) -> None:
    parsed = ParsedMessage(message_id="<c@x>", sender=Address(email="achat@x.example"), text=text)
    lines = read_lines(text, part="body")
    for number, line in enumerate(lines, 1):
        line.line_no = number
    assert [m.sku for m in match_order(parsed, ExtractedOrder(lines=lines), index).lines] == [sku]
