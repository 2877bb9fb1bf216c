"""What reading a message loads on first use, loaded before the reading workers are forked."""

from __future__ import annotations

import functools
import inspect
import sys

from intake.routing.checks import prepare
from matchers import CatalogIndex
from parsers import preload as preload_models

# Where reading a message (`read_message`, `assess_message`) loads what it needs on first use.
READING_PACKAGES = ("parsers.", "matchers.", "intake.routing.", "intake.followups.")


def preload(index: CatalogIndex | None = None) -> None:
    """Load now what reading a message loads on first use: the models and layout data
    (`parsers.preload`), every vocabulary the readers, matchers, checks and follow-up readers
    compile once (a cached function that needs no argument, and what it caches of its own),
    and what the checks derive from `index`. Processes forked afterwards, the reading workers,
    find them loaded instead of each loading its own at its first messages."""
    preload_models()
    load_vocabularies()
    if index is not None:
        prepare(index)


def load_vocabularies() -> None:
    """Every vocabulary the modules of `READING_PACKAGES` imported so far compile once, compiled
    now: a cached function that needs no argument, and what it caches of its own."""
    for name, module in list(sys.modules.items()):
        if name.startswith(READING_PACKAGES):
            for value in list(vars(module).values()):
                if _loads_once(value, name):
                    _compiled(value())


def _compiled(loaded: object) -> None:
    """A loaded vocabulary's own cached values (patterns compiled on first use) computed."""
    for kind in type(loaded).__mro__:
        for name, attribute in vars(kind).items():
            if isinstance(attribute, functools.cached_property):
                getattr(loaded, name)


def _loads_once(value: object, module: str) -> bool:
    if not isinstance(value, functools._lru_cache_wrapper) or value.__module__ != module:
        return False
    try:
        parameters = inspect.signature(value).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty for p in parameters)
