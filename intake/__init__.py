"""The engine and its shells: the pipeline, the daemon, notifications, reports and the command line.

The face is resolved on first use, so that `intake --help` does not load the pipeline.
"""

from importlib import import_module

_FACE = {
    "Outcome": "intake.ingest",
    "ingest_file": "intake.ingest",
    "ingest_raw": "intake.ingest",
    "iter_message_files": "intake.ingest",
    "retry_failed": "intake.ingest",
    "build_record": "intake.pipeline",
    "process": "intake.pipeline",
}


def __getattr__(name: str) -> object:
    if name not in _FACE:
        raise AttributeError(f"module 'intake' has no attribute {name!r}")
    return getattr(import_module(_FACE[name]), name)


__all__ = sorted(_FACE)
