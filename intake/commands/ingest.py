"""`intake ingest` (run the pipeline on .eml files) and `intake retry` (process failed messages again)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from intake.commands import load_settings, open_store, progress
from models import IntakeError


def register(sub: argparse._SubParsersAction) -> None:
    ingest = sub.add_parser("ingest", help="run the pipeline on .eml files or folders of them")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.set_defaults(handler=ingest_paths)

    retry = sub.add_parser("retry", help="process failed messages again")
    retry.add_argument("message_ids", nargs="*", metavar="MESSAGE_ID")
    retry.set_defaults(handler=retry_messages)


def ingest_paths(args: argparse.Namespace) -> int:
    from intake.ingest import ingest_file, iter_message_files
    from matchers import CatalogIndex

    settings = load_settings()
    store = open_store(settings)
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"intake: error: {path}: no such file or folder", file=sys.stderr)
    files = list(iter_message_files(p for p in args.paths if p.exists()))
    index = CatalogIndex.build(store.load_reference())
    counts = {"processed": 0, "failed": 0, "duplicate": 0, "orders": 0}
    for path in progress(files, total=len(files), desc="ingest"):
        try:
            outcome = ingest_file(store, path, index=index, settings=settings)
        except IntakeError as exc:
            print(f"intake: error: {exc}", file=sys.stderr)
            counts["failed"] += 1
            continue
        counts[outcome.state] += 1
        counts["orders"] += len(outcome.order_ids)
        if outcome.error:
            print(f"intake: failed: {path}: {outcome.error}", file=sys.stderr)
    print(
        f"{len(files)} files: {counts['processed']} processed ({counts['orders']} orders), "
        f"{counts['duplicate']} already known, {counts['failed']} failed"
    )
    return 1 if missing or counts["failed"] else 0


def retry_messages(args: argparse.Namespace) -> int:
    from intake.ingest import retry_failed
    from matchers import CatalogIndex

    settings = load_settings()
    store = open_store(settings)
    index = CatalogIndex.build(store.load_reference())
    outcomes = retry_failed(store, args.message_ids, index=index, settings=settings)
    still = [o for o in outcomes if o.state == "failed"]
    for outcome in still:
        print(f"intake: still failing: message {outcome.message_pk}: {outcome.error}", file=sys.stderr)
    print(f"{len(outcomes)} retried: {len(outcomes) - len(still)} processed, {len(still)} still failed")
    return 1 if still else 0
