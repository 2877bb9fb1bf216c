"""`intake run`: the daemon, until stopped (SIGTERM/SIGINT end it after the message in hand)."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from pathlib import Path

from intake.commands import load_settings, open_store
from intake.dropfolder import scan_once
from intake.ingest import Outcome
from intake.notify import outbox_pass
from matchers import CatalogIndex

log = logging.getLogger("intake.daemon")


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="watch the mailboxes and drop folders")
    run.add_argument("--config", type=Path, help="TOML file of mailboxes and drop folders")
    run.add_argument("--once", action="store_true", help="one pass, then exit")
    run.add_argument("--drop-folder", type=Path, action="append", help="a drop folder to watch (repeatable)")
    run.set_defaults(handler=run_daemon)


def print_outcome(path: Path, outcome: Outcome) -> None:
    if outcome.state == "failed":
        print(f"FAILED  {path.name}: {outcome.error}", flush=True)
        return
    if outcome.result is None or not outcome.result.orders:
        kind = (
            outcome.result.parsed.classification.kind.value
            if outcome.result and outcome.result.parsed.classification
            else outcome.state
        )
        print(f"no order  {path.name} ({kind})", flush=True)
        return
    for order in outcome.result.orders:
        record = order.record
        print(
            f"{record.status.value.upper():8} {path.name}: customer {record.customer_id or '?'} "
            f"PO {record.po_number or '-'}, {len(record.lines)} lines, confidence {record.confidence:.2f}",
            flush=True,
        )


def run_daemon(args: argparse.Namespace) -> int:
    settings = load_settings()
    store = open_store(settings)
    folders = args.drop_folder or [settings.drop_folder]
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        log.info("watching drop folder %s", folder.resolve())
    while not stop.is_set():
        index = CatalogIndex.build(store.load_reference())
        for folder in folders:
            scan_once(
                folder,
                store,
                index=index,
                settings=settings,
                on_outcome=print_outcome,
                should_stop=stop.is_set,
            )
        # Mails to customers (acknowledgements, notices) queued by this or earlier passes.
        outbox_pass(store, settings)
        if args.once:
            break
        stop.wait(settings.poll_seconds)
    log.info("stopped")
    return 0
