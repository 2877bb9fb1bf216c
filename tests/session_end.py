"""The test session ends, whatever a test left running.

A worker thread that did not stop, or a process a test started and did not end,
keeps the interpreter (or the output pipe CI reads) open after the last test: the
run would then wait for CI's time limit instead of reporting. What is left is
named on stderr with where it stands, the processes are killed, and the run ends
with pytest's own status. The session adopts the processes its children leave
behind (a child subreaper), so that a daemonised server is found too.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
import traceback

import psutil
import pytest

_EXIT_NOW = pytest.StashKey[int]()  # the status to leave with when threads are left


_PR_SET_CHILD_SUBREAPER = 36


def pytest_configure(config: pytest.Config) -> None:
    # Not Linux: orphans go to init, and only direct children are ended.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def left_threads() -> list[threading.Thread]:
    """Threads that would keep the interpreter from exiting."""
    return [
        t for t in threading.enumerate() if t is not threading.main_thread() and t.is_alive() and not t.daemon
    ]


def left_processes() -> list[psutil.Process]:
    """What tests started and left, not multiprocessing's resource tracker: the interpreter's
    own helper, which ends when the interpreter does."""
    try:
        return [p for p in psutil.Process().children(recursive=True) if not _tracker(p)]
    except psutil.Error:
        return []


def _tracker(process: psutil.Process) -> bool:
    try:
        return "multiprocessing.resource_tracker" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def _describe(thread: threading.Thread) -> str:
    frame = sys._current_frames().get(thread.ident or -1)
    where = "".join(traceback.format_stack(frame)) if frame is not None else "  (no frame)\n"
    return f"thread {thread.name!r} still running at:\n{where}"


def _end_processes(processes: list[psutil.Process]) -> None:
    for process in processes:
        with contextlib.suppress(psutil.Error):
            sys.stderr.write(
                f"session end: killing process {process.pid} {' '.join(process.cmdline())[:200]}\n"
            )
            process.kill()
    psutil.wait_procs(processes, timeout=10)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _end_processes(left_processes())
    threads = left_threads()
    for thread in threads:
        sys.stderr.write("session end: " + _describe(thread))
    if threads:
        session.config.stash[_EXIT_NOW] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    if _EXIT_NOW in config.stash:
        # Threads cannot be killed; leaving now is the only way the run reports.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.stash[_EXIT_NOW])
