"""An item's count shared out among sizes right after it: 'twelve hi-vis parkas in yellow, six in L and six
in XL', 'dix blouses blanches, 4 en M et 6 en L'. The item's name says no size and the shares add up to its
count: a line per size, the item's name with that size, in place of the item (parsers/text/prose.py)."""

from __future__ import annotations

from decimal import Decimal

from models import ExtractedLine
from parsers.text.extracted import line_from_parts, read_quantity
from parsers.text.variants import joins_variant, swap_size, variant_matches

RULE = "text-size-share"
_LINKS = frozenset({"en", "in"})


def read_size_shares(
    sentence: str, items: list[ExtractedLine], *, part: str, start: int
) -> tuple[list[ExtractedLine], list[ExtractedLine]]:
    """The lines of the sizes each item's count is shared among, and the items so shared."""
    shared: list[tuple[ExtractedLine, list[tuple[str, Decimal, tuple[int, int]]]]] = []
    for match in variant_matches(sentence):
        if match["size"] is None or (match["link"] or "").lower() not in _LINKS or match["unit"]:
            continue
        quantity, approx = read_quantity(match["qty"]) if match["qty"] else (None, True)
        if quantity is None or approx:
            continue
        at = start + match.start()
        last = shared[-1] if shared else None
        if last is not None and joins_variant(sentence[last[1][-1][2][1] - start : match.start()]):
            last[1].append((match["size"], quantity, (at, start + match.end())))
            continue
        before = [ln for ln in items if _span(ln)[1] <= at]
        anchor = max(before, key=lambda ln: _span(ln)[1]) if before else None
        if anchor is None or not joins_variant(sentence[_span(anchor)[1] - start : match.start()]):
            continue
        shared.append((anchor, [(match["size"], quantity, (at, start + match.end()))]))
    lines: list[ExtractedLine] = []
    split: list[ExtractedLine] = []
    for anchor, shares in shared:
        base = anchor.description.value if anchor.description else ""
        if len(shares) < 2 or not _adds_up(anchor, shares) or swap_size(base, shares[0][0]) is not None:
            continue
        split.append(anchor)
        lines += [_share_line(anchor, size, quantity, span, part=part) for size, quantity, span in shares]
    return lines, split


def _adds_up(anchor: ExtractedLine, shares: list[tuple[str, Decimal, tuple[int, int]]]) -> bool:
    return anchor.quantity is not None and sum(q for _, q, _ in shares) == anchor.quantity.value


def _share_line(
    anchor: ExtractedLine, size: str, quantity: Decimal, span: tuple[int, int], *, part: str
) -> ExtractedLine:
    base = anchor.description.value if anchor.description else ""
    unit = anchor.unit
    return line_from_parts(
        part,
        span,
        desc=(f"{base} {' '.join(size.split())}", span),
        qty=(quantity, span),
        unit=(unit.value, unit.provenance.span if unit.provenance and unit.provenance.span else span)
        if unit
        else None,
        rule=RULE,
        confidence=0.7,
    )


def _span(line: ExtractedLine) -> tuple[int, int]:
    return line.provenance.span if line.provenance and line.provenance.span else (-1, -1)
