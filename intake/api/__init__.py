"""The API for downstream systems, served by `intake api`.

Names are imported from their module on first use: the command line starts
without loading the web application.
"""

from __future__ import annotations

from models.lazy import lazy_face

_WHERE = {
    "create_api": "intake.api.app",
    "Scope": "intake.api.tokens",
    "TokenError": "intake.api.tokens",
    "create_token": "intake.api.tokens",
    "list_tokens": "intake.api.tokens",
    "revoke_token": "intake.api.tokens",
}
__all__ = sorted(_WHERE)

__getattr__, __dir__ = lazy_face(__name__, _WHERE)
