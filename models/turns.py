"""Writers that must not wait behind a busy one, among the threads of one process on an SQLite store.

SQLite has one write lock, and a writer that finds it taken polls for it with growing sleeps.
The daemon's processing writes one outcome after another and takes the lock back as soon as
it let it go, so a folder worker recording mail that just arrived may poll for seconds: that
is how long a customer's message waits before it is safe in the store. A writer that must not
wait says so (`urgent`), and the processing lets it pass before its next transaction
(`let_urgent_pass`). PostgreSQL locks rows, not the database: nothing changes there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from sqlalchemy.engine import Engine

# The longest a transaction is held back for urgent writers, whatever they do meanwhile.
PASS_AT_MOST = 5.0


class _Waiting:
    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.urgent = 0


_BY_ENGINE: WeakKeyDictionary[Engine, _Waiting] = WeakKeyDictionary()
_GUARD = threading.Lock()


def _waiting(engine: Engine) -> _Waiting | None:
    if engine.dialect.name != "sqlite":
        return None
    with _GUARD:
        return _BY_ENGINE.setdefault(engine, _Waiting())


@contextmanager
def urgent(engine: Engine) -> Iterator[None]:
    """Writes that the other threads' next transactions let pass first."""
    waiting = _waiting(engine)
    if waiting is None:
        yield
        return
    with waiting.changed:
        waiting.urgent += 1
    try:
        yield
    finally:
        with waiting.changed:
            waiting.urgent -= 1
            waiting.changed.notify_all()


def let_urgent_pass(engine: Engine, *, at_most: float = PASS_AT_MOST) -> bool:
    """Wait (at most `at_most` seconds) until no urgent write is under way; False if one still was."""
    waiting = _waiting(engine)
    if waiting is None:
        return True
    with waiting.changed:
        return waiting.changed.wait_for(lambda: waiting.urgent == 0, timeout=at_most)
