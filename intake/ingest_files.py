"""`intake ingest` of files: each kept in the store, read by a pool of reading workers (intake/readers.py),
then decided and recorded in the order given."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from intake.ingest import DUPLICATE, Outcome, keep_messages
from intake.readers import READ_TOGETHER, ReaderPool
from intake.recording import drain, recorded, store_commit
from intake.spawner import Spawner
from matchers import CatalogIndex
from models import Batch, IntakeError, Origin, RawMessage, Settings, Store, batched
from parsers.documents.limits import DocumentLimits

# Messages kept per commit, each chunk before any of them is read.
BATCH_RAWS = 16


@dataclass
class _Stored:
    path: Path
    pk: int
    raw: RawMessage
    created: bool


def ingest_files(
    store: Store,
    paths: Iterable[Path],
    *,
    index: CatalogIndex,
    settings: Settings,
    processes: int,
    spawner: Spawner | None = None,
) -> Iterator[tuple[Path, Outcome | IntakeError]]:
    """Each file kept in the store, read by the pool, then decided and recorded in the order given;
    by the workers of `spawner` when one was forked ahead (`readers.spawner_ahead`).

    The raw messages of a chunk are committed together before any of them is read; a message
    whose outcome was not committed stays `received`, and the next ingest of its file reads it again.
    """
    aside: list[tuple[Path, Outcome | IntakeError]] = []
    limits = DocumentLimits.from_settings(settings)
    with (
        batched(store) as batch,
        ReaderPool(
            index=index,
            limits=limits,
            settings=settings,
            processes=processes,
            batch=READ_TOGETHER,
            load_first=False,
            spawner=spawner,
        ) as pool,
    ):
        _started()
        for item, outcome in recorded(
            batch, pool, _kept(batch, paths, aside), index=index, settings=settings
        ):
            yield from drain(aside)
            outcome.created = item.created
            yield item.path, outcome
    yield from drain(aside)


def _started() -> None:
    """Start-up over (the index, the pool, the deciding half loaded): what it built lives on, kept
    out of the collector's reach; the collector (off while the command started) is on for what
    each message builds. The mail composer, which only this process needs, is loaded now, while the
    spawner loads the readers, rather than before the spawner is forked."""
    import intake.notify.service  # noqa: F401

    gc.freeze()
    gc.enable()


def _kept(
    batch: Batch, paths: Iterable[Path], aside: list[tuple[Path, Outcome | IntakeError]]
) -> Iterator[_Stored]:
    """The files' messages, kept (and committed) a chunk at a time, each before it is read."""
    todo = iter(paths)
    while chunk := list(islice(todo, BATCH_RAWS)):
        read = [_raw(path) for path in chunk]
        outcomes = iter(keep_messages(batch, [raw for raw in read if isinstance(raw, RawMessage)]))
        kept: list[_Stored] = []
        for path, raw in zip(chunk, read, strict=True):
            if isinstance(raw, IntakeError):
                aside.append((path, raw))
            elif (outcome := next(outcomes)).state == DUPLICATE:
                aside.append((path, outcome))
            else:
                kept.append(_Stored(path, outcome.message_pk, raw, outcome.created))
        store_commit(batch)
        yield from kept


def _raw(path: Path) -> RawMessage | IntakeError:
    try:
        return RawMessage(data=path.read_bytes(), origin=Origin(kind="file", path=str(path)))
    except OSError as exc:
        return IntakeError(f"{path}: cannot read the file ({exc.strerror})")
