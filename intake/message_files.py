"""The message files an ingest is given: listed before the store is opened (it loads nothing)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def iter_message_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The .eml files named, and those found (recursively, sorted) in folders named."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and (
                    child.suffix.lower() == ".eml" or child.parent.name in {"new", "cur"}
                ):
                    yield child
        else:
            yield path
