"""The benchmarks' tables: one measure per row, with its ratio to the baseline when it has one."""

from __future__ import annotations


def measure(label: str, value: float, *, digits: int = 1, ratio: float | None = None) -> str:
    """A row: the label, the value, and the ratio to the baseline run in the same process."""
    row = f"{label:44} {value:12.{digits}f}"
    return row if ratio is None else f"{row} {ratio:8.2f}"
