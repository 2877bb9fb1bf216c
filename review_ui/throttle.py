"""Slowing down password guessing, one user name at a time.

Only the name counts, never the client address: behind the TLS proxy the README
recommends, every clerk shares one address, and one person's typos must not lock
the whole desk out. After `free` failures in a row each new one doubles the wait
before that name may try again, up to `longest` seconds; a success clears it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


@dataclass
class LoginThrottle:
    """A growing wait per user name: `first` seconds after `free` failures, doubling each time."""

    free: int = 3
    first: float = 2.0
    longest: float = 900.0
    forget_after: float = 3600.0
    clock: Callable[[], float] = time.monotonic
    _names: dict[str, _Failures] = field(default_factory=dict)

    def wait(self, username: str) -> float:
        """Seconds before this name may try again (0: now)."""
        failures = self._names.get(_key(username))
        if failures is None or failures.count < self.free:
            return 0.0
        delay = min(self.first * 2 ** (failures.count - self.free), self.longest)
        return max(0.0, failures.last + delay - self.clock())

    def failed(self, username: str) -> int:
        """Count one more failure for the name; returns how many in a row."""
        key = _key(username)
        failures = self._names.get(key)
        if failures is None or self.clock() - failures.last > self.forget_after:
            failures = self._names[key] = _Failures()
        failures.count += 1
        failures.last = self.clock()
        return failures.count

    def succeeded(self, username: str) -> None:
        self._names.pop(_key(username), None)


def _key(username: str) -> str:
    return username.strip().casefold()
