"""An order that changes itself in its own text: a line withdrawn, a quantity replaced.

"Finalement mettez 8 paires au lieu de 5, et enlevez les tee-shirts" after a list, or a
comment cell "annulé" on a row of the sheet: what the customer wants is not what the
lines say as written, and a reader that reads the list reads it wrong. Such words
on a line's own text (`withdrawn` in reading.toml), or in a sentence of the order part that
no line was read from (`withdrawn` and `changed`), hold the order for a clerk.
"""

from __future__ import annotations

from decimal import Decimal

from intake.routing.checks.context import CheckContext, line_reason, numbered, quantity_of
from intake.routing.checks.coverage import body_spans, clauses, covered, overlaps, places_of
from intake.routing.checks.named import source_text
from intake.routing.checks.reading import default_reading_rules
from intake.routing.checks.rules import default_rules
from intake.routing.checks.written import written_values
from models import Provenance, ReviewReason

_SHOWN = 70


def check_revisions(ctx: CheckContext) -> list[ReviewReason]:
    """A line whose text withdraws or changes it; a sentence of the order part that changes the order."""
    rules = default_reading_rules()
    reasons = []
    places: list[Provenance] = []
    for number, line in numbered(ctx.matched):
        text = source_text(ctx.parsed, ctx.matched.order.rows, line)
        places += list(places_of(line.line))
        if text is not None and (found := rules.withdrawn_pattern.search(text)):
            reasons.append(
                line_reason("line_revised", number, f'its text says "{found.group()}": "{_shown(text)}"')
            )
    if not ctx.matched.lines:
        return reasons
    parsed, read = ctx.parsed, [match.line for match in ctx.matched.lines]
    quantities = {q.normalize() for q in (quantity_of(m) for m in ctx.matched.lines) if q is not None}
    for text, where in (
        c for s in body_spans(parsed.text, parsed.text_part, parsed.subject) for c in clauses(*s)
    ):
        if (
            rules.revised_pattern.search(text)
            and not any(overlaps(where, p) for p in places)
            and not covered(text, where, read, rules)
            and not _applied(text, quantities)
        ):
            reasons.append(
                ReviewReason(
                    code="order_revised",
                    message=f'the message changes the order in its own words: "{_shown(text)}"',
                    provenance=where,
                    quoted=_shown(text),
                )
            )
            break
    return reasons


def _applied(text: str, quantities: set[Decimal]) -> bool:
    """The clause states a quantity a line was read with: the change it asks for is in the lines."""
    return bool(written_values(text, default_rules()) & quantities)


def _shown(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
