"""The API for downstream systems, served by `intake api`."""

from intake.api.app import create_api
from intake.api.tokens import Scope, TokenError, create_token, list_tokens, revoke_token

__all__ = ["Scope", "TokenError", "create_api", "create_token", "list_tokens", "revoke_token"]
