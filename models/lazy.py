"""Package faces whose names are imported from their module on first use.

The command line starts in a fraction of a second only if `intake --help` does
not load the store, the pipeline or the web stack behind a package's face.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_face(package: str, where: dict[str, str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` of `package`, each name of `where` read from its module."""
    namespace = vars(sys.modules[package])

    def getattr_(name: str) -> object:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(where[name]), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return [*namespace, *where]

    return getattr_, dir_
