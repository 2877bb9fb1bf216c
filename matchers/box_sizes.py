"""A box's three sides as shippers write them, '40/30/30 cm' (slashes, one unit for all) and 'L400 l300 h200'
(length, width, height): size features as `matchers.normalize.read_sizes` gives them."""

from __future__ import annotations

import re

_NUM = r"\d+(?:[.,]\d+)?"
SLASHED = re.compile(rf"\b({_NUM})\s*/\s*({_NUM})\s*/\s*({_NUM})\s*(mm|cm)\b")
SIDES = re.compile(
    rf"\bl\s*({_NUM})\s*(?:mm\s*)?[x/-]?\s*l\s*({_NUM})\s*(?:mm\s*)?[x/-]?\s*h\s*({_NUM})(?:\s*mm)?\b"
)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _dim(*sides: float) -> str:
    return "dim:" + "x".join(f"{side:g}" for side in sides)


def slashed_dim(m: re.Match[str]) -> set[str]:
    """'40/30/30 cm' -> the 400x300x300 of a box printed in millimetres."""
    factor = 10.0 if m[4] == "cm" else 1.0
    return {_dim(*(_number(m[i]) * factor for i in (1, 2, 3)))}


def sides_dim(m: re.Match[str]) -> set[str]:
    """'l400 l300 h200' -> 400x300x200."""
    return {_dim(*(_number(m[i]) for i in (1, 2, 3)))}
