"""`intake run`: the daemon, until stopped (SIGTERM/SIGINT end it after the message in hand)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from intake.commands import load_settings, open_store

if TYPE_CHECKING:
    from intake.ingest import Outcome
    from models import Decision

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
    from models import OrderStatus

    for order in outcome.result.orders:
        record = order.record
        why = main_reason(order.decision) if record.status == OrderStatus.REVIEW else ""
        print(
            f"{record.status.value.upper():8} {path.name}: customer {record.customer_id or '?'} "
            f"PO {record.po_number or '-'}, {len(record.lines)} lines, confidence {record.confidence:.2f}"
            + (f" - {why}" if why else ""),
            flush=True,
        )


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def main_reason(decision: Decision) -> str:
    """Why an order waits, in one phrase: its most severe reason (first of its kind)."""
    reasons = sorted(decision.reasons, key=lambda r: SEVERITY_ORDER.get(r.severity.value, 3))
    if not reasons:
        return ""
    first = reasons[0]
    more = f" (+{len(reasons) - 1} more)" if len(reasons) > 1 else ""
    return f"{first.message or first.code}{more}"


def run_daemon(args: argparse.Namespace) -> int:
    from models import pattern_cache

    pattern_cache.install()  # the patterns compiled by the last start-up, not compiled again
    from intake.daemon.config import DaemonConfig, load_config
    from intake.daemon.serve import build_workers, make_processor, serve
    from intake.readers import load_readers
    from matchers import IndexCache

    settings = load_settings()
    config = load_config(args.config) if args.config else DaemonConfig()
    if config.database_url:
        settings = settings.model_copy(update={"database_url": config.database_url})
    store = open_store(settings)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    index = IndexCache(store)
    # Before the first message, whose latency would pay for them: the index, and the readers, the
    # models and the vocabularies that the reading workers forked from here share.
    load_readers(index.get())
    pattern_cache.save()  # start-up's patterns kept for the next start; those of each message are not
    drops = args.drop_folder or [d.path for d in config.drop_folders]
    if not drops and not config.accounts:
        drops = [settings.drop_folder]
    with make_processor(store, settings, index) as process:
        workers, queue = build_workers(config, store, process=process, stop=stop, once=args.once)
        tallies = serve(
            workers,
            drops,
            queue=queue,
            store=store,
            settings=settings,
            index=index,
            stop=stop,
            once=args.once,
            on_outcome=print_outcome,
        )
    log.info("stopped")
    if args.once and workers:
        processed = sum(t.processed for t in tallies)
        failed = sum(t.failed for t in tallies)
        print(
            f"IMAP: {processed} processed, {failed} failed, {sum(t.already_done for t in tallies)} already done"
        )
        for tally in tallies:
            for error in tally.errors:
                print(f"intake: error: {error}", file=sys.stderr)
    return 1 if args.once and any(t.errors for t in tallies) else 0
