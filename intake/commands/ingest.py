"""`intake ingest`: the pipeline over .eml files or folders of them, by a pool of readers."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake.commands import load_settings, open_store, progress
from intake.stages import format_split, stage
from models.errors import IntakeError

if TYPE_CHECKING:
    from intake.spawner import Spawner
    from models import Settings


def register(sub: argparse._SubParsersAction) -> None:
    ingest = sub.add_parser("ingest", help="run the pipeline on .eml files or folders of them")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--timings", action="store_true", help="print the seconds each stage took")
    ingest.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes reading messages (default: one per core; 1 reads in this process)",
    )
    ingest.set_defaults(handler=ingest_paths)


def ingest_paths(args: argparse.Namespace) -> int:
    # Start-up (the imports, the index, the pool and the deciding half) builds what lives as long
    # as the command: the collector, off meanwhile, would only walk it (~0.2 s). On again once the
    # messages come (`ingest_files`, or before the first one read here).
    gc.disable()
    try:
        return _ingest_paths(args)
    finally:
        gc.enable()
        # What the command built, the index and the models' halves, is left to the system: out of
        # the collector's reach, the interpreter's exit does not walk it and free it object by
        # object (~0.2 s after 150 messages). The next pool closed gives it back to the collector.
        gc.freeze()


def _ingest_paths(args: argparse.Namespace) -> int:
    from intake.message_files import iter_message_files
    from models.pattern_cache import install

    install()  # the patterns compiled by the last start-up, not compiled again
    started = time.perf_counter()
    settings = load_settings()
    missing = [p for p in args.paths if not p.exists()]
    files = list(iter_message_files(p for p in args.paths if p.exists()))
    jobs = max(1, args.jobs)
    spawner = _spawner_ahead(settings) if jobs > 1 and len(files) > 1 else None
    try:
        return _ingest_files(args, settings, files, missing, started, jobs, spawner)
    finally:
        if spawner is not None:  # closed by the pool once handed to it; not when the store failed
            spawner.close()


def _spawner_ahead(settings: Settings) -> Spawner:
    """The readers' spawner, forked before the store is opened and the index built: it loads the
    readers and the models (~1.5 s) on the other core meanwhile, and the first message waits for it."""
    from intake.readers import spawner_ahead
    from parsers.documents.limits import DocumentLimits

    return spawner_ahead(DocumentLimits.from_settings(settings), settings)


def _ingest_files(
    args: argparse.Namespace,
    settings: Settings,
    files: list[Path],
    missing: list[Path],
    started: float,
    jobs: int,
    spawner: Spawner | None,
) -> int:
    from matchers import CatalogIndex

    store = open_store(settings)
    for path in missing:
        print(f"intake: error: {path}: no such file or folder", file=sys.stderr)
    with stage("reference"):
        index = CatalogIndex.build(store.load_reference())
    try:
        counts = _ingest_counted(store, files, index, settings, jobs, spawner)
    finally:
        # Closed here, not left to the exit (`ingest_paths` keeps what the command built from
        # being freed): its last connection closed writes the WAL back into the SQLite file.
        store.engine.dispose()
    print(
        f"{len(files)} files: {counts['processed']} processed ({counts['orders']} orders), "
        f"{counts['duplicate']} already known, {counts['failed']} failed"
    )
    if args.timings:
        print(f"stages (seconds since the command started):\n{format_split(time.perf_counter() - started)}")
    return 1 if missing or counts["failed"] else 0


def _ingest_counted(
    store, files: list[Path], index, settings, jobs: int, spawner: Spawner | None
) -> dict[str, int]:
    counts = {"processed": 0, "failed": 0, "duplicate": 0, "orders": 0}
    for path, outcome in progress(
        _ingest(store, files, index, settings, jobs=jobs, spawner=spawner),
        total=len(files),
        desc="ingest",
    ):
        if isinstance(outcome, IntakeError):
            print(f"intake: error: {outcome}", file=sys.stderr)
            counts["failed"] += 1
            continue
        counts[outcome.state] += 1
        counts["orders"] += len(outcome.order_ids)
        if outcome.error:
            print(f"intake: failed: {path}: {outcome.error}", file=sys.stderr)
    return counts


def _ingest(
    store, files: list[Path], index, settings, *, jobs: int, spawner: Spawner | None = None
) -> Iterator[tuple[Path, Any]]:
    """(file, Outcome or IntakeError) in the files' order: by a pool of readers, or here one by one."""
    if jobs > 1 and len(files) > 1:
        from intake.ingest_files import ingest_files

        yield from ingest_files(store, files, index=index, settings=settings, processes=jobs, spawner=spawner)
        return
    from intake.ingest import ingest_file
    from models.pattern_cache import recording

    recording(False)  # what a message compiles is its own
    gc.enable()
    for path in files:
        try:
            yield path, ingest_file(store, path, index=index, settings=settings)
        except IntakeError as exc:
            yield path, exc
