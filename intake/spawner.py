"""The process that forks a pool's reading workers, so that the pool's process loads no reader.

Forked once from the pool's process, the spawner imports the reading half (spaCy, the readers'
patterns), loads the models and what the checks derive from the catalogue (`intake.preload`), then
forks each worker the pool asks for: the workers share that one copy, and the pool's process, which
decides and stores, spends none of it. `intake ingest` forks it before opening the store and
building the catalogue index, and sends it the index once built (`give`): the two load side by
side, on both cores, where one waited for the other. The pool sends
it the worker's end of each worker's pipe; it answers the worker's process id, and its exit code
when it ends (it is the worker's parent: only it can wait for it).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle

from matchers import CatalogIndex
from models import Settings, pattern_cache
from parsers.documents.limits import DocumentLimits

FORKED, ENDED = "forked", "ended"
# Seconds between the spawner's looks for a request or a worker ended.
POLL = 0.05


class Spawner:
    """The pool's side: `spawn(end)` starts a worker on that pipe end, `Spawned` stands for it."""

    def __init__(
        self, limits: DocumentLimits, settings: Settings | None, index: CatalogIndex | None = None
    ) -> None:
        """Without `index`, the spawner loads what needs none and waits for `give(index)` before
        forking any worker."""
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_run, args=(child, self.conn, index, limits, settings), daemon=True
        )
        self.process.start()
        child.close()
        self.waiting = index is None  # for the index: no worker forked yet
        self.pending: deque[Spawned] = deque()  # asked for, the process id not known yet
        self.ended: dict[int, int] = {}

    def give(self, index: CatalogIndex) -> None:
        """The catalogue index of a spawner forked without it (sent once, before any worker)."""
        self.conn.send(index)
        self.waiting = False

    def spawn(self, end: Connection) -> Spawned:
        """A worker on `end` (the pool closes its own copy afterwards). Raises OSError when the
        spawner is gone."""
        self.conn.send(FORKED)
        send_handle(self.conn, end.fileno(), self.process.pid)
        spawned = Spawned(self)
        self.pending.append(spawned)
        return spawned

    def close(self) -> None:
        """Ended; at once when still waiting for the index (the store could not be opened): it
        would only notice once its models are loaded."""
        if self.waiting:
            self.process.terminate()
            self.waiting = False
        with contextlib.suppress(OSError):
            self.conn.close()
        self.process.join(5)

    def news(self, timeout: float) -> bool:
        """What the spawner said within `timeout` noted; False when it is gone or said nothing."""
        try:
            if not self.conn.poll(timeout):
                return False
            kind, pid, code = self.conn.recv()
        except (EOFError, OSError):
            return False
        if kind == FORKED:
            self.pending.popleft().known = pid
        else:
            self.ended[pid] = code
        return True


class Spawned:
    """A worker the spawner forked: the process id, `join` and `exitcode` a pool needs of it."""

    def __init__(self, spawner: Spawner) -> None:
        self.spawner = spawner
        self.known: int | None = None

    @property
    def pid(self) -> int | None:
        """Its process id, waited for (the spawner forks it once it has loaded); None when lost."""
        while self.known is None and self.spawner.news(60):
            pass
        return self.known

    @property
    def exitcode(self) -> int | None:
        return self.spawner.ended.get(self.known) if self.known is not None else None

    def join(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else 3600)
        if self.pid is None:
            return
        while self.exitcode is None and (left := deadline - time.monotonic()) > 0:
            self.spawner.news(left)


def _run(
    conn: Connection,
    pools: Connection,
    index: CatalogIndex | None,
    limits: DocumentLimits,
    settings: Settings | None,
) -> None:
    pools.close()  # the pool's end: kept here, the pool's process gone would go unnoticed
    pattern_cache.recording(True)  # what it loads, kept for the next start-up (`save`)
    received = _received(conn) if index is None else None
    from intake.preload import preload
    from intake.reader_worker import serve
    from intake.routing.checks import prepare

    preload()
    index = index if received is None else received()
    if index is None:  # the pool's process is gone
        return
    prepare(index)
    pattern_cache.save()
    gc.freeze()  # loaded for good: the workers' collections need not walk it
    gc.enable()  # off in a command that forked this while starting up: on for the workers
    children: set[int] = set()
    try:
        while True:
            if conn.poll(POLL):
                conn.recv()
                end = recv_handle(conn)
                pid = os.fork()
                if pid == 0:
                    _worker(conn, end, serve, index, limits, settings)
                os.close(end)
                _lead(pid)
                children.add(pid)
                conn.send((FORKED, pid, None))
            for pid in list(children):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    children.discard(pid)
                    conn.send((ENDED, pid, os.waitstatus_to_exitcode(status)))
    except (EOFError, OSError):  # the pool's process is gone
        return


def _received(conn: Connection) -> Callable[[], CatalogIndex | None]:
    """The index, read off the pipe as it comes while the models load: the pool's process sends it
    whole, and a pipe holds 64 KiB, so it would wait for the models too before going on with its own
    start-up (keeping the first messages). None when the pool's process is gone."""
    box: list[CatalogIndex] = []

    def read() -> None:
        with contextlib.suppress(EOFError, OSError):
            box.append(conn.recv())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()

    def wait() -> CatalogIndex | None:
        thread.join()  # done before any fork: no thread is forked half way
        return box[0] if box else None

    return wait


def _worker(
    conn: Connection,
    end: int,
    serve: Callable[..., None],
    index: CatalogIndex,
    limits: DocumentLimits,
    settings: Settings | None,
) -> None:
    """A forked worker's life; it never returns into the spawner's loop."""
    code = 0
    try:
        conn.close()
        os.setpgid(0, 0)
        serve(Connection(end), index, limits, settings, [])
    except BaseException:  # told by the exit code, as a process's own end would be
        traceback.print_exc()
        code = 1
    finally:
        os._exit(code)  # what the spawner's buffers hold is not this worker's to write


def _lead(pid: int) -> None:
    """The worker leads its own group from the spawner's side too (see sandbox.lead_group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.setpgid(pid, pid)
