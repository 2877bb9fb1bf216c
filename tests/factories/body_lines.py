"""The lines the body reader finds in a text, as (designation, quantity, unit) or as the skus they are
matched to in a small catalogue, for short assertions."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from matchers import CatalogIndex, match_order
from models import Address, ExtractedOrder, ParsedMessage, ProductRow, ReferenceData
from parsers.text.reader import read_lines


def read_triples(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [
        (
            line.description.value if line.description else "",
            line.quantity.value,
            line.unit.value if line.unit else None,
        )
        for line in read_lines(text, part="body")
    ]


def goods_index(goods: Iterable[tuple[str, str, str]]) -> CatalogIndex:
    """A catalogue of (sku, name, unit) rows."""
    return CatalogIndex.build(
        ReferenceData(products=[ProductRow(sku=s, name=n, unit=u) for s, n, u in goods])
    )


def skus_matched(index: CatalogIndex, text: str, *, sender: str = "achat@client.example") -> list[str | None]:
    """The sku each line the body reader finds in `text` is matched to, in order."""
    parsed = ParsedMessage(message_id="<c@x>", sender=Address(email=sender), text=text)
    lines = read_lines(text, part="body")
    for number, line in enumerate(lines, 1):
        line.line_no = number
    return [m.sku for m in match_order(parsed, ExtractedOrder(lines=lines), index).lines]
