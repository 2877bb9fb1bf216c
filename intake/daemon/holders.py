"""Who holds a lease or a claim, and how a daemon's threads keep count and retry."""

from __future__ import annotations

import os
import random
import socket
import uuid
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Exponential delays with jitter, so many daemons do not reconnect in step."""

    initial: float
    maximum: float
    failures: int = 0

    def next(self) -> float:
        delay = min(self.maximum, self.initial * 2**self.failures)
        self.failures += 1
        return random.uniform(delay / 2, delay)

    def reset(self) -> None:
        self.failures = 0


@dataclass
class Tally:
    """What one worker did, for logs, `--once` summaries and tests."""

    processed: int = 0
    failed: int = 0
    already_done: int = 0
    errors: list[str] = field(default_factory=list)


def holder_name() -> str:
    """Who holds a lease: host and process, plus a nonce (PIDs are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def holder_is_dead(holder: str) -> bool:
    """True when `holder` was a process of this host that no longer runs (killed,
    crashed): its lease can be taken at once instead of waiting for it to expire."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False
