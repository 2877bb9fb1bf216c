"""A count of the articles printed by the customer must equal the quantities read.

"Total : 42 paires" under a size grid that was read as one line of 20 says
22 pairs were lost. The count is compared with the sum of every line, or of
the lines in the unit it counts ('paires' beside a line of helmets).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from intake.routing.checks.catalogue_keys import word_key
from intake.routing.checks.context import CheckContext, quantity_of, quantity_text
from intake.routing.checks.coverage import order_spans
from intake.routing.checks.reading import default_reading_rules
from models import Provenance, ReviewReason
from parsers.values.numbers import parse_number
from parsers.values.units import unit_key

# Words that count every article, whatever its unit.
_ANY_UNIT = {"article", "piece", "pce", "pc", "pcs", "unite", "unit", "item", "stuck"}


def check_quantity_total(ctx: CheckContext) -> list[ReviewReason]:
    """Each printed count of articles that the lines read do not add up to."""
    quantities = [(quantity_of(line), line.unit) for line in ctx.matched.lines]
    if not quantities or any(q is None for q, _ in quantities):
        return []
    reasons = []
    for printed, unit, where in _printed_counts(ctx):
        counted = [q for q, u in quantities if unit is None or unit_key(u) == unit]
        if printed in {sum(q for q, _ in quantities), sum(counted)}:
            continue
        read = sum(counted) if counted else sum(q for q, _ in quantities)
        reasons.append(
            ReviewReason(
                code="quantity_total_mismatch",
                message=f"the order counts {quantity_text(printed)} {unit or 'articles'}, "
                f"the lines read add up to {quantity_text(read)}",
                provenance=where,
                quoted=f"{quantity_text(printed)} / {quantity_text(read)}",
            )
        )
    return reasons


def _printed_counts(ctx: CheckContext) -> Iterator[tuple[Decimal, str | None, Provenance | None]]:
    patterns = default_reading_rules().quantity_total_patterns
    for text, where, _ in order_spans(ctx, split=False):
        for pattern in patterns:
            for found in pattern.finditer(text):
                value = parse_number(found.group("n").strip())
                if value is None or value <= 0 or value != value.to_integral_value():
                    continue
                written = found.groupdict().get("unit")
                unit = None if not written or word_key(written) in _ANY_UNIT else unit_key(written)
                yield Decimal(value), unit, where
