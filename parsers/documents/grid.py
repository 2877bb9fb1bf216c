"""A spreadsheet as read: sheets of cells, each with its value and its reference ('B12')."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(slots=True)
class Cell:
    value: object  # str, int, float, Decimal, date, datetime or None
    ref: str  # "B12"

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()


@dataclass(slots=True)
class Grid:
    name: str
    rows: list[list[Cell]]


def cell_number(value: object) -> str | Decimal:
    """A numeric cell as a number (no separator to guess), any other as its text."""
    if isinstance(value, bool) or value is None:
        return str(value or "")
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip()
