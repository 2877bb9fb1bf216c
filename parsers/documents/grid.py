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
    # What the producer hid and the grid leaves out (rows) or blank (columns): a clerk does not see it.
    hidden_rows: int = 0
    hidden_columns: int = 0
    hidden_sheets: tuple[str, ...] = ()

    def hidden_note(self) -> str | None:
        """What of this sheet (and of the hidden sheets beside it) was not read, for the clerk."""
        counts = ((self.hidden_rows, "row"), (self.hidden_columns, "column"))
        parts = [f"{n} hidden {what}{'s' if n > 1 else ''}" for n, what in counts if n]
        parts += [f"the hidden sheet '{name}'" for name in self.hidden_sheets]
        return (
            f"not read, as a clerk does not see them: {', '.join(parts)} (sheet '{self.name}')"
            if parts
            else None
        )


def cell_number(value: object) -> str | Decimal:
    """A numeric cell as a number (no separator to guess), any other as its text."""
    if isinstance(value, bool) or value is None:
        return str(value or "")
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip()
