"""Defaults for the routers' store and settings dependencies: the app's state.

The review UI's app sets `app.state.store` and `app.state.settings` once at
start-up; an app that keeps them elsewhere passes its own dependencies to the
router factories.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from models import Settings, Store


def store_from_app(request: Request) -> Store:
    return request.app.state.store


def settings_from_app(request: Request) -> Settings:
    return request.app.state.settings


def actor_name(user: Any) -> str:
    """The audit trail's name for whatever the auth dependency returns."""
    for attribute in ("username", "name"):
        value = getattr(user, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(user) if user else "unknown"
