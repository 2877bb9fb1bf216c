"""Sub-commands of `intake`, and what they share: settings, the store, progress."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from intake.routing import load_routing
from models import Settings, Store

T = TypeVar("T")


def load_settings() -> Settings:
    """The settings, with the routing overrides file checked now rather than on the first order."""
    settings = Settings()
    load_routing(settings.routing_file)
    return settings


def open_store(settings: Settings) -> Store:
    return Store.open(settings.database_url)


def progress(items: Iterable[T], *, total: int | None, desc: str) -> Iterator[T]:
    """Progress on standard error for long work; silent for a handful of items."""
    if total is not None and total < 20:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=desc, file=sys.stderr, unit="", leave=False)
