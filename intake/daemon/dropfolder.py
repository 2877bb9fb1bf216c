"""A drop folder: .eml files (or a Maildir) put there by anyone, taken in once.

A file is moved to `processed/` or `failed/` beside it only after its message
is committed to the store, so a crash leaves it where it was and the next
pass takes it again (the store's sha256 makes that second pass a no-op).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from intake.ingest import Outcome, ingest_file
from matchers import CatalogIndex
from models import MessageState, Settings, Store

log = logging.getLogger(__name__)
DONE_FOLDERS = {"processed", "failed", "tmp"}


def pending_files(folder: Path) -> Iterator[Path]:
    """Messages waiting in `folder`: *.eml at any depth, and Maildir new/ and cur/ files."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if not path.is_file() or rel[0] in DONE_FOLDERS or path.name.startswith("."):
            continue
        if path.suffix.lower() == ".eml" or path.parent.name in {"new", "cur"}:
            yield path


def scan_once(
    folder: Path,
    store: Store,
    *,
    index: CatalogIndex,
    settings: Settings,
    on_outcome: Callable[[Path, Outcome], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> int:
    """Take in every waiting file of `folder`; returns how many were handled."""
    handled = 0
    for path in pending_files(folder):
        if should_stop():
            break
        outcome = ingest_file(store, path, index=index, settings=settings)
        target = folder / (
            MessageState.FAILED if outcome.state == MessageState.FAILED else MessageState.PROCESSED
        )
        target.mkdir(exist_ok=True)
        destination = target / path.name
        if destination.exists():
            destination = target / f"{path.stem}.{outcome.message_pk}{path.suffix}"
        shutil.move(str(path), destination)
        handled += 1
        if on_outcome:
            on_outcome(path, outcome)
    return handled
