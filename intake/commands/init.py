"""`intake init`: create the configured store (or bring its schema up to date)."""

from __future__ import annotations

import argparse

from intake.commands import load_settings, open_store


def register(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="create the store INTAKE_DATABASE_URL names")
    init.set_defaults(handler=init_store)


def init_store(_args: argparse.Namespace) -> int:
    settings = load_settings()
    store = open_store(settings, create=True)
    print(f"store ready: {store.engine.url.render_as_string()}")
    return 0
