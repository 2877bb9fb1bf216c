"""The daemon: mailboxes, the ledger, the pipeline and the command line."""

from intake.ingest import Outcome, ingest_file, ingest_raw, iter_message_files, retry_failed
from intake.pipeline import build_record, process

__all__ = [
    "Outcome",
    "build_record",
    "ingest_file",
    "ingest_raw",
    "iter_message_files",
    "process",
    "retry_failed",
]
