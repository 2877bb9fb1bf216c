"""Where the time of an ingest goes: seconds per pipeline stage, summed in this process.

`intake ingest --timings` prints the split; bench/throughput.py reads it beside the
whole process's wall and CPU time.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

ORDER = ("reference", "parse", "classify", "documents", "extract", "match", "decide", "followup", "store")
SECONDS: Counter[str] = Counter()


@contextmanager
def stage(name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        SECONDS[name] += time.perf_counter() - start


def add(seconds: dict[str, float]) -> None:
    """Count stage times measured elsewhere (in a worker process)."""
    SECONDS.update(seconds)


def format_split(wall: float) -> str:
    """One line per stage: seconds and share of `wall`, then what no stage accounts for."""
    names = [n for n in ORDER if n in SECONDS] + sorted(set(SECONDS) - set(ORDER))
    rows = [(n, SECONDS[n]) for n in names] + [("other", wall - sum(SECONDS.values()))]
    return "\n".join(f"  {name:<10}{sec:8.3f} s {100 * sec / max(wall, 1e-9):5.1f} %" for name, sec in rows)
