"""What a reading worker process runs: messages in through its pipe, each one's reading out.

The pool's side is intake/readers.py. A worker keeps only its own pipe end and bounds its
address space, then reads what it is handed: several messages at once are parsed and put
to the classifier together (it says `AHEAD_DONE` once that part is over), then each is read
(documents, extraction, matching, the checks that need no past) and answered in turn. A
message it cannot read is answered with the reason; a breach of its memory ends it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from multiprocessing.connection import Connection

from intake import stages
from intake.preload import preload
from intake.reading import assess_message, parse, read_message
from intake.wire import Wire, to_wire
from intake.worker_says import AHEAD_DONE, LOADED
from matchers import CatalogIndex
from models import IntakeError, Origin, ParsedMessage, RawMessage, Settings
from parsers import DocumentLimits, bound_reader, classify_ahead


def serve(
    conn: Connection,
    index: CatalogIndex,
    limits: DocumentLimits,
    settings: Settings | None,
    inherited: list[Connection],
) -> None:
    for other in inherited:
        other.close()
    _close_inherited(conn.fileno())
    preload(index)  # at once when the pool's process loaded them before forking this one
    gc.freeze()  # what it reads with is loaded for good: its collections need not walk it
    conn.send(LOADED)
    bound_reader(limits.memory_bytes)  # on top of what is loaded
    in_process = limits.model_copy(update={"isolate": False})
    while True:
        try:
            jobs = conn.recv()
            raws = [RawMessage(data=data, origin=Origin.model_validate_json(origin)) for data, origin in jobs]
            ahead = _ahead(raws) if len(raws) > 1 else [(None, {})]
            if len(raws) > 1:
                conn.send(AHEAD_DONE)
            for raw, (parsed, seconds) in zip(raws, ahead, strict=True):
                stages.SECONDS.clear()
                stages.add(seconds)
                status, payload = read_one(raw, index, in_process, settings, parsed)
                conn.send((status, payload, dict(stages.SECONDS)))
                if status == "breach":
                    return
        except (EOFError, OSError):  # the pool's process is gone
            return


def _ahead(raws: list[RawMessage]) -> list[tuple[ParsedMessage | None, dict[str, float]]]:
    """Each message parsed (None when it cannot be: reading it alone says why) and the classifier
    asked for all of them at once; with the seconds each took."""
    ahead: list[tuple[ParsedMessage | None, dict[str, float]]] = []
    for raw in raws:
        stages.SECONDS.clear()
        try:
            parsed = parse(raw)
        except Exception:  # its own reading fails with the reason
            parsed = None
        ahead.append((parsed, dict(stages.SECONDS)))
    parsed_ones = [parsed for parsed, _ in ahead if parsed is not None]
    started = time.perf_counter()
    with contextlib.suppress(Exception):  # each message's classification asks the model again
        classify_ahead(parsed_ones)
    share = (time.perf_counter() - started) / max(1, len(parsed_ones))
    return [(parsed, {**seconds, "classify": share} if parsed else seconds) for parsed, seconds in ahead]


def _close_inherited(keep: int) -> None:
    """Close every descriptor but the standard ones and `keep`.

    A worker is forked from a process whose other threads hold sockets (IMAP, the store)
    and the pipes of programs they are starting: a pipe end kept open here would leave
    such a program's reader waiting for its end as long as the worker lives."""
    os.closerange(3, keep)
    os.closerange(keep + 1, os.sysconf("SC_OPEN_MAX"))


def read_one(
    raw: RawMessage,
    index: CatalogIndex,
    limits: DocumentLimits,
    settings: Settings | None,
    parsed: ParsedMessage | None = None,
) -> tuple[str, str | Wire]:
    try:
        read = read_message(raw, index=index, limits=limits, parsed=parsed)
        if settings is not None:
            read = assess_message(read, index=index, settings=settings)
    except IntakeError as exc:
        return "failed", str(exc)
    except MemoryError:
        return "breach", f"reading needed more than {limits.memory_bytes // 2**20} MiB of memory: stopped"
    except RecursionError:
        return "failed", "the message nests too deeply to be read"
    except Exception as exc:  # a reader's bug on odd input is this message's failure, not the run's
        return "error", f"internal error while processing: {type(exc).__name__}: {exc}"
    return "ok", to_wire(read)
