"""The daemon: mailboxes, the ledger, the pipeline and the command line.

Names are imported from their module on first use: the command line starts
without loading the pipeline.
"""

from __future__ import annotations

from models.lazy import lazy_face

_WHERE = {
    "Outcome": "intake.ingest",
    "ingest_file": "intake.ingest",
    "ingest_raw": "intake.ingest",
    "iter_message_files": "intake.message_files",
    "retry_failed": "intake.ingest",
    "PipelineDeps": "intake.pipeline",
    "build_record": "intake.pipeline",
    "decide_order": "intake.pipeline",
    "process": "intake.reading",
}
__all__ = sorted(_WHERE)

__getattr__, __dir__ = lazy_face(__name__, _WHERE)
