"""The training sets' files: JSON lines, one example a line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from models import ConfigError


def read_labelled(path: Path, labels: Sequence[str]) -> list[tuple[int, dict]]:
    """(line number, example) for each example with a text and one of `labels`;
    ConfigError names the line that is wrong."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(str(path), f"line {number}", f"not JSON: {exc}") from exc
        if row.get("label") not in labels or not isinstance(row.get("text"), str):
            raise ConfigError(str(path), f"line {number}", f"needs a text and a label among {labels}")
        rows.append((number, row))
    return rows


def write_examples(rows: Iterable[dict], path: Path) -> int:
    """Write the examples, one JSON object a line; returns how many."""
    lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines)
