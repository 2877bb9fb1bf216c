"""Articles a message speaks of without ordering them.

A customer counts what it received, returned, was billed or still has in stock, recalls an
earlier order, or says what it may need later; a forwarder recalls what the customer asked
about. A reader that finds a count beside a catalogue article there reads an order line,
and a message that says the order is still to come lists what it will order, not an order.
Both shapes are read from the sentence itself (`spoken_of`, `order_to_come` in
reading.toml), never from the reader's code: they hold the order for a clerk.
"""

from __future__ import annotations

from intake.routing.checks.context import CheckContext, line_reason, numbered, part_text
from intake.routing.checks.coverage import clauses, span_reason
from intake.routing.checks.reading import default_reading_rules
from models import LineMatch, ParsedMessage, Provenance, ReviewReason


def check_lines_spoken_of(ctx: CheckContext) -> list[ReviewReason]:
    """A line read from a clause that speaks of its article without ordering it now."""
    pattern = default_reading_rules().spoken_of_pattern
    reasons = []
    for number, line in numbered(ctx.matched):
        said, where, found = next(
            (
                (said, where, found)
                for said, where in words_of(line, ctx.parsed)
                if (found := pattern.search(said))
            ),
            ("", None, None),
        )
        if found:
            shown = " ".join(said.split())[:70]
            reason = line_reason(
                "line_spoken_of",
                number,
                f'read from words that may speak of the article without ordering it now ("{found.group(0)}" '
                f'in "{shown}"): a clerk confirms it is ordered',
            )
            reasons.append(reason.model_copy(update={"provenance": where, "quoted": shown}))
    return reasons


def check_order_to_come(ctx: CheckContext) -> list[ReviewReason]:
    """The message says its order is still to come, or is none: what it lists is not ordered."""
    parsed = ctx.parsed
    text = f"{parsed.subject}\n{parsed.text}"
    found = default_reading_rules().order_to_come_pattern.search(text)
    if found is None:
        return []
    start = found.start() - len(parsed.subject) - 1
    where = (
        Provenance(part=parsed.text_part, span=(start, found.end() - len(parsed.subject) - 1))
        if start >= 0
        else None
    )
    return [
        span_reason(
            "order_to_come", "the message says its order is still to come, or is none", found.group(0), where
        )
    ]


def words_of(line: LineMatch, parsed: ParsedMessage) -> list[tuple[str, Provenance]]:
    """The words the line was read under: its clause, and when it is an item of a list, the last
    clause of the list's heading ('Your driver delivered today:', 'voici notre commande :')."""
    extracted = line.line
    for value in (extracted.code, extracted.description, extracted):
        where = value.provenance if value is not None else None
        text = part_text(parsed, where.part) if where is not None else None
        if text is None or where is None or where.span is None or where.sheet:
            continue
        at = where.span[0]
        if not 0 <= at < len(text):
            return []
        start = text.rfind("\n", 0, at) + 1
        found = [
            clause
            for clause in _clauses(text, start, where.part)
            if clause[1].span and clause[1].span[1] > at
        ][:1]
        heading = heading_above(text, start)
        if heading is not None:
            found += _clauses(text, heading, where.part)[-1:]
        return found
    return []


def heading_above(text: str, start: int) -> int | None:
    """Where the heading of the list a row at `start` belongs to starts: the nearest row above that
    ends with a colon, over the list's other rows (a blank row only right under it)."""
    rows = text[:start].split("\n")[:-1]
    end = start
    blank = False
    for row in reversed(rows):
        end -= len(row) + 1
        if not row.strip():
            blank = True
            continue
        if row.rstrip().endswith(":"):
            return end
        if blank:
            return None
    return None


def _clauses(text: str, start: int, part: str) -> list[tuple[str, Provenance]]:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    row = Provenance(part=part, span=(start, end), rule="order-text")
    return list(clauses(text[start:end], row))
