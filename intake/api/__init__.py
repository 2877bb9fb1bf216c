"""The API for downstream systems, served by `intake api`.

Names are imported from their module on first use: the command line starts
without loading the web application.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "create_api": "intake.api.app",
    "Scope": "intake.api.tokens",
    "TokenError": "intake.api.tokens",
    "create_token": "intake.api.tokens",
    "list_tokens": "intake.api.tokens",
    "revoke_token": "intake.api.tokens",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> object:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]
