"""The daemon's parts put together: one thread per watched IMAP folder, one
working the store's queue, the drop folders in the main thread, one stop event
for all of them."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from intake.daemon.config import DaemonConfig
from intake.daemon.dropfolder import scan_once
from intake.daemon.holders import Tally, holder_name
from intake.daemon.mailbox import ImapMailbox
from intake.daemon.pooled import PooledProcessor
from intake.daemon.queue import Processor, QueueWorker
from intake.daemon.worker import Connector, FolderWorker
from intake.ingest import Outcome
from intake.notify import outbox_pass
from intake.webhooks import webhook_pass
from matchers import IndexCache
from models import Settings, Store

log = logging.getLogger("intake.daemon")


def make_processor(store: Store, settings: Settings, index: IndexCache) -> PooledProcessor:
    """The pipeline for the claimed messages: read by a pool of workers, each bounded by the
    settings' limits (time, memory), decided and stored here; `close()` ends the workers."""
    return PooledProcessor(store, settings, index)


def build_workers(
    config: DaemonConfig,
    store: Store,
    *,
    process: Processor,
    stop: threading.Event,
    once: bool,
    connect: Connector = ImapMailbox.connect,
) -> tuple[list[FolderWorker], QueueWorker | None]:
    """A worker per watched folder, and the queue's (none in a single pass: each
    folder worker then processes what it queued)."""
    holder, wake = holder_name(), threading.Event()
    queue = None
    if not once:
        queue = QueueWorker(
            store=store, timing=config.timing, process=process, holder=holder, stop=stop, wake=wake
        )
    folders = [
        FolderWorker(
            account,
            folder,
            store=store,
            timing=config.timing,
            process=process,
            connect=connect,
            holder=holder,
            stop=stop,
            once=once,
            wake=wake,
        )
        for account in config.accounts
        for folder in account.folders
    ]
    return folders, queue


def serve(
    workers: list[FolderWorker],
    drop_folders: list[Path],
    *,
    queue: QueueWorker | None = None,
    store: Store,
    settings: Settings,
    index: IndexCache,
    stop: threading.Event,
    once: bool,
    on_outcome: Callable[[Path, Outcome], None] | None = None,
) -> list[Tally]:
    """Run everything until `stop` (or one pass with `once`); returns each worker's tally."""
    threads = [
        threading.Thread(target=worker.run, name=f"imap-{worker.where}", daemon=True) for worker in workers
    ]
    if queue is not None:
        threads.append(threading.Thread(target=queue.run, name="queue", daemon=True))
    for thread in threads:
        thread.start()
    for folder in drop_folders:
        folder.mkdir(parents=True, exist_ok=True)
        log.info("watching drop folder %s", folder.resolve())
    while not stop.is_set():
        for folder in drop_folders:
            scan_once(
                folder,
                store,
                index=index.get(),
                settings=settings,
                on_outcome=on_outcome,
                should_stop=stop.is_set,
            )
        # Mails to customers (acknowledgements, notices) queued by this or earlier passes.
        outbox_pass(store, settings)
        webhook_pass(store)
        if once:
            break
        if not drop_folders and not any(t.is_alive() for t in threads):
            break
        stop.wait(settings.poll_seconds if drop_folders else 1.0)
    for thread in threads:
        thread.join()
    return [worker.tally for worker in workers] + ([queue.tally] if queue else [])
