"""Slowing down password guessing: a name or an address with too many failures waits."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class LoginThrottle:
    """At most `limit` failed sign-ins per user name and per client address in `window` seconds."""

    limit: int = 5
    window: float = 300.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def _recent(self, key: str) -> deque[float]:
        stamps = self._failures[key]
        while stamps and self.clock() - stamps[0] > self.window:
            stamps.popleft()
        return stamps

    def blocked(self, username: str, address: str) -> bool:
        return any(len(self._recent(k)) >= self.limit for k in _keys(username, address))

    def failed(self, username: str, address: str) -> None:
        for key in _keys(username, address):
            self._recent(key).append(self.clock())

    def succeeded(self, username: str, address: str) -> None:
        for key in _keys(username, address):
            self._failures.pop(key, None)


def _keys(username: str, address: str) -> tuple[str, str]:
    return f"user:{username.strip().casefold()}", f"addr:{address}"
