"""Sub-commands of `intake`, and what they share: settings, the store, progress."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from models.errors import IntakeError

if TYPE_CHECKING:
    from models import Settings, Store

T = TypeVar("T")
# Set by the command line's global options (`--create-store`) before a sub-command runs.
SETTINGS_OVERRIDES: dict[str, object] = {}


class StoreOpenError(IntakeError):
    """The store cannot be opened: a missing SQLite file not asked for, or a database that refuses."""


def enum_argument(module: str, name: str) -> Callable[[str], object]:
    """An argparse type for one value of the enum `module.name`, imported only when the
    option is given: the enums live beside heavy modules and `intake --help` stays quick."""

    def parse(text: str) -> object:
        kind = getattr(importlib.import_module(module), name)
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r}: one of {', '.join(kind)}") from None

    return parse


def load_settings() -> Settings:
    """The settings, every INTAKE_* variable and the routing overrides file checked now."""
    from intake.routing.policy import load_routing
    from models import read_settings

    settings = read_settings(**SETTINGS_OVERRIDES)
    load_routing(settings.routing_file)
    return settings


def open_store(settings: Settings, *, create: bool = False) -> Store:
    """The configured store; a new SQLite file only at the default path or when asked."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from models import DEFAULT_DATABASE_URL, Store

    url = make_url(settings.database_url)
    if url.drivername == "sqlite" and url.database != ":memory:":
        path = Path(url.database or "")
        asked = create or settings.create_store or settings.database_url == DEFAULT_DATABASE_URL
        if not path.exists() and not asked:
            raise StoreOpenError(
                f"no store at {path} (INTAKE_DATABASE_URL): check the path, or create it with "
                "`intake init` (or `intake --create-store ...`)"
            )
    try:
        return Store.open(settings.database_url)
    except SQLAlchemyError as exc:
        reason = str(exc.orig if getattr(exc, "orig", None) else exc).strip().splitlines()[0]
        raise StoreOpenError(f"cannot open the store {url.render_as_string()}: {reason}") from None


def progress(items: Iterable[T], *, total: int | None, desc: str) -> Iterator[T]:
    """Progress on standard error for long work; silent for a handful of items."""
    if total is not None and total < 20:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, desc=desc, file=sys.stderr, unit="", leave=False)
