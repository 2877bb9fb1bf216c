"""The daemon's parts put together: one thread per watched IMAP folder, the
drop folders in the main thread, one stop event for all of them."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from intake.config import DaemonConfig
from intake.dropfolder import scan_once
from intake.imapworker import Connector, FolderWorker, Processor, Tally, holder_name
from intake.ingest import Outcome, process_stored
from intake.mailbox import ImapMailbox
from intake.notify import outbox_pass
from intake.webhooks import webhook_pass
from matchers import CatalogIndex
from models import RawMessage, Settings, Store

log = logging.getLogger("intake.daemon")


class IndexCache:
    """The catalogue index, shared by the workers and rebuilt when `max_age` has passed
    (so aliases a clerk confirms reach the daemon without a restart)."""

    def __init__(self, store: Store, max_age: float = 60.0) -> None:
        self.store, self.max_age = store, max_age
        self._lock = threading.Lock()
        self._index: CatalogIndex | None = None
        self._built = 0.0

    def get(self) -> CatalogIndex:
        with self._lock:
            if self._index is None or time.monotonic() - self._built > self.max_age:
                self._index = CatalogIndex.build(self.store.load_reference())
                self._built = time.monotonic()
            return self._index


def make_processor(store: Store, settings: Settings, index: IndexCache) -> Processor:
    """The pipeline for one stored message, with the settings' time limit."""

    def processor(pk: int, raw: RawMessage) -> Outcome:
        return process_stored(
            store, pk, raw, index=index.get(), settings=settings, timeout=settings.parse_timeout_seconds
        )

    return processor


def build_workers(
    config: DaemonConfig,
    store: Store,
    *,
    process: Processor,
    stop: threading.Event,
    once: bool,
    connect: Connector = ImapMailbox.connect,
) -> list[FolderWorker]:
    holder = holder_name()
    return [
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
        )
        for account in config.accounts
        for folder in account.folders
    ]


def serve(
    workers: list[FolderWorker],
    drop_folders: list[Path],
    *,
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
    return [worker.tally for worker in workers]
