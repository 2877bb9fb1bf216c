"""The customer corrects the order inside the order: held unless the lines show it applied.

"Finalement 8 au lieu de 5", "12 et non 10", "enlevez les tee-shirts", a row
commented "annulé", "sorry, I meant 30": the words change lines written
elsewhere in the same order. A new count is applied when a line named there
has it and none named there keeps the old one (nor is read twice); a count added
to an article ('2 more boxes of ...') when no article named there is read twice; a
removal when no line named there was read. Any other change of mind is held.
"""

from __future__ import annotations

import re
from decimal import Decimal

from intake.routing.checks.catalogue_keys import content_words, text_tokens
from intake.routing.checks.context import CheckContext
from intake.routing.checks.coverage import (
    numbered_as,
    order_spans,
    overlaps_line,
    span_reason,
    withdrawn_numbers,
)
from intake.routing.checks.reading import ReadingRules, default_reading_rules
from matchers.normalize import read_wording
from models import LineMatch, Provenance, ReviewReason


def check_corrections(ctx: CheckContext) -> list[ReviewReason]:
    """A span of the order part that corrects or cancels part of it, the correction not applied."""
    rules = default_reading_rules()
    spans = order_spans(ctx, split=False)
    reasons = [
        _corrected(span.text, span.where)
        for span in spans
        if not _applied(span.text, span.where, ctx.matched.lines, rules)
    ]
    # A line taken out by its number ('enlevez la ligne 4') must not have been read.
    withdrawn = withdrawn_numbers(ctx.parsed.text)
    reasons += [
        _corrected(span.text, span.where)
        for span in spans
        if numbered_as(span.text, withdrawn)
        and span.where is not None
        and any(overlaps_line(span.where, line.line) for line in ctx.matched.lines)
    ]
    return reasons


def _applied(text: str, where: Provenance | None, lines: list[LineMatch], rules: ReadingRules) -> bool:
    maybe = set(rules.correcting.present(text))
    replaced = [m for p in rules.replacement_patterns if p in maybe for m in p.finditer(text)]
    removed = _found(rules.removal_pattern, text, maybe) or any(
        _found(p, text, maybe) for p in rules.exception_patterns
    )
    added = _found(rules.increment_pattern, text, maybe)
    changed = _found(rules.correction_pattern, text, maybe)
    if not replaced and not removed and (not added or changed):
        return not changed
    if any(_read_as_article(line, rules) for line in lines):
        return False
    named = [line for line in lines if names_line(text, line)]
    skus = [line.sku for line in named if line.sku]
    if len(skus) != len(set(skus)):
        return False
    for found in replaced:
        counts = [line.quantity for line in named]
        if Decimal(found.group("new")) not in counts or Decimal(found.group("old")) in counts:
            return False
    if removed and not replaced:
        read_here = where is not None and any(overlaps_line(where, line.line) for line in lines)
        return not named and not read_here
    # 'mettez 6 vis au lieu de 4, et enlevez le ciment': the new count is applied, and what the
    # removal's clause names is read no more.
    return not (removed and any(names_line(_removal_clause(text, rules), line) for line in lines))


def _found(pattern: re.Pattern[str], text: str, maybe: set[re.Pattern[str]]) -> bool:
    return pattern in maybe and pattern.search(text) is not None


def _removal_clause(text: str, rules: ReadingRules) -> str:
    found = rules.removal_pattern.search(text)
    if found is None:
        return ""
    end = min(
        (i for i in (text.find(stop, found.end()) for stop in (",", ";", ".", "\n")) if i >= 0),
        default=len(text),
    )
    return text[found.start() : end]


def _read_as_article(line: LineMatch, rules: ReadingRules) -> bool:
    """The correcting words were read as a line's designation ('gants au lieu de 5')."""
    wording = line.line.description.value if line.line.description else ""
    return bool(
        rules.correction_pattern.search(wording)
        or rules.removal_pattern.search(wording)
        or any(p.search(wording) for p in rules.replacement_patterns)
    )


def names_line(text: str, line: LineMatch) -> bool:
    """The span names the line: its code, or a word (three letters or more, not a plain word)
    of its wording or of the catalogue's name of its article."""
    tokens = text_tokens(text)
    code = line.line.code.value.strip().lower() if line.line.code else ""
    if (code and code in tokens) or (line.sku and line.sku.lower() in tokens):
        return True
    wording = line.line.description.value if line.line.description else ""
    wording += " " + " ".join(c.label for c in line.candidates if c.key == line.sku)
    plain = default_reading_rules().plain_words
    if (content_words(wording) & content_words(text)) - plain:
        return True
    # Read as the matcher reads them, an English word meets the French catalogue's ('gloves', 'gant').
    theirs = {w for w in read_wording(wording).words if len(w) >= 3 and not any(c.isdigit() for c in w)}
    return bool(theirs & set(read_wording(text).words))


def _corrected(text: str, where: Provenance | None) -> ReviewReason:
    return span_reason(
        "order_corrected", "the customer corrects or cancels part of the order here", text, where
    )
