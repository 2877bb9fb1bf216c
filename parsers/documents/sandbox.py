"""Run a document reader in a forked child with a time and memory bound.

A malformed PDF can make a reader loop or allocate without end; the daemon
must not hang or die with it. Forking costs a few milliseconds (the child
shares the parent's loaded modules), so every document goes through it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from typing import Any

from models import DocumentReadError
from models.document_reasons import document_reason


def run_bounded(func: Callable[..., Any], *args: Any, part: str, timeout: float, memory_bytes: int) -> Any:
    """`func(*args)` in a child process; DocumentReadError when it fails, times out or runs out of memory."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, func, args, memory_bytes, timeout), daemon=True)
    child.start()
    lead_group(child.pid)
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise DocumentReadError.because(part, "timeout", seconds=f"{timeout:g}")
        status, payload = receiver.recv()
    except EOFError:
        child.join(1)
        raise DocumentReadError(part, death_reason(child.exitcode)) from None
    finally:
        receiver.close()
        _kill_group(child.pid)
        child.join(5)
    if status == "ok":
        return payload
    raise DocumentReadError(part, payload)


def _kill_group(pid: int | None) -> None:
    if pid is not None:
        kill_group(pid)


def lead_group(pid: int) -> None:
    """Make a just-started reader lead its own group from the parent's side too.

    The child does it first thing, but a reader stopped before it got there would
    escape kill_group: both sides setting it is what closes that race.
    """
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.setpgid(pid, pid)


def kill_group(pid: int) -> None:
    """Stop a reader that leads its own process group, with the programs it started (tesseract)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)


def _child(sender, func: Callable[..., Any], args: tuple, memory_bytes: int, timeout: float) -> None:
    bound_reader(memory_bytes)
    _limit(resource.RLIMIT_CPU, int(timeout) + 2)
    try:
        sender.send(("ok", func(*args)))
    except DocumentReadError as exc:
        sender.send(("error", exc.reason))
    except MemoryError:
        sender.send(("error", document_reason("memory", limit=memory_bytes // 2**20)))
    except RecursionError:
        sender.send(("error", document_reason("too_deep")))
    except Exception as exc:  # a reader's bug on odd input is this document's failure, not the daemon's
        sender.send(("error", document_reason("reader_failed", detail=f"{type(exc).__name__}: {exc}")))
    finally:
        sender.close()


def _limit(kind: int, value: int) -> None:
    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, hard))


def bound_reader(memory_bytes: int) -> None:
    """Make this forked process a reader: its own process group, memory bounded above what it maps."""
    os.setpgid(0, 0)
    _limit(resource.RLIMIT_AS, _address_space() + memory_bytes)


def _address_space() -> int:
    # What the forked process already maps (the parent's modules, the loaded models): the bound is on top.
    with open(f"/proc/{os.getpid()}/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def death_reason(code: int | None) -> str:
    """Why a reader process ended without answering, from its exit code."""
    if code is not None and code < 0:
        return document_reason("stopped_by_signal", signal=-code)
    return document_reason("no_answer", code=code)
