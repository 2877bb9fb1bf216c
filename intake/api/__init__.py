"""The API for downstream systems, served by `intake api`.

`create_api` (and FastAPI with it) is loaded on first use, so that `intake token`
and `intake --help` do not load the web stack.
"""

from intake.api.tokens import Scope, TokenError, create_token, list_tokens, revoke_token


def __getattr__(name: str) -> object:
    if name == "create_api":
        from intake.api.app import create_api

        return create_api
    raise AttributeError(f"module 'intake.api' has no attribute {name!r}")


__all__ = ["Scope", "TokenError", "create_api", "create_token", "list_tokens", "revoke_token"]
