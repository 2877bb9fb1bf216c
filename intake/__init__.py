"""The daemon: mailboxes, the ledger, the pipeline and the command line.

Names are imported from their module on first use: the command line starts
without loading the pipeline.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "Outcome": "intake.ingest",
    "ingest_file": "intake.ingest",
    "ingest_raw": "intake.ingest",
    "iter_message_files": "intake.ingest",
    "retry_failed": "intake.ingest",
    "build_record": "intake.pipeline",
    "process": "intake.pipeline",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> object:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]
