"""The lines the body reader finds in a text, as (designation, quantity, unit) for short assertions."""

from __future__ import annotations

from decimal import Decimal

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
