"""Measures a designation prints as a range ('700x18/25C': a tube for tyres 18 to 25 wide, '100-1000 µl', '58-62
cm'): a customer names such an article by one figure inside the range, or by the range itself in another
shape, and a figure outside it names a twin."""

from __future__ import annotations

from collections.abc import Iterable

# How a range's two ends are joined in a feature's value ('dim:700x18/25', 'vol:0.1/1').
SPAN = "/"
_EPSILON = 1e-6


def span(low: str, high: str) -> str:
    """The value of a range from its two ends, each already written as features write figures."""
    return f"{low}{SPAN}{high}"


def _ends(side: str) -> tuple[float, float] | None:
    low, _, high = side.lstrip("~").partition(SPAN)
    try:
        return float(low), float(high or low)
    except ValueError:
        return None


def _holds(outer: str, inner: str) -> bool:
    """Does one side hold the other: a figure within a range, a range within a wider one."""
    wide, narrow = _ends(outer), _ends(inner)
    return (
        wide is not None
        and narrow is not None
        and wide[0] - _EPSILON <= narrow[0]
        and narrow[1] <= wide[1] + _EPSILON
    )


def within_range(value: str, offered: Iterable[str]) -> bool:
    """Does a size agree with one the candidate prints once either's ranges are read as ranges: '700x25' of
    '700x18/25', '0.5' (ml) of '0.1/1', '20x20/27' (a range written by the customer) of '20x27'? Each side
    of a dimension is judged apart; a side printed as one figure must be that figure."""
    sides = value.split("x")
    for other in offered:
        if SPAN not in other and SPAN not in value:
            continue
        theirs = other.split("x")
        if len(theirs) == len(sides) and all(
            _holds(their, mine) or _holds(mine, their) for their, mine in zip(theirs, sides, strict=True)
        ):
            return True
    return False
