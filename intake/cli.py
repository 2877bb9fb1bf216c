"""The `intake` command. Each sub-command lives in intake/commands/ and registers itself.

Exit status (CONTRACT.md): 0 success, 1 the work failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from models.errors import IntakeError

COMMAND_MODULES = [
    "intake.commands.init",
    "intake.commands.catalog",
    "intake.commands.messages",
    "intake.commands.export",
    "intake.commands.evaluate",
    "intake.commands.run",
    "intake.commands.outbox",
    "intake.commands.order",
    "intake.commands.stats",
    "intake.commands.review",
    "intake.commands.user",
    "intake.commands.model",
    "intake.commands.api",
    "intake.commands.token",
    "intake.commands.webhook",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="intake", description="Order intake from email.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    parser.add_argument("--log-json", action="store_true", help="log one JSON object per line")
    parser.add_argument(
        "--create-store",
        action="store_true",
        help="create the store if its SQLite file does not exist (by default only var/intake.db is)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.log_json:
        from intake.jsonlog import JsonFormatter

        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonFormatter())
    from intake.commands import SETTINGS_OVERRIDES

    SETTINGS_OVERRIDES.clear()
    if args.create_store:
        SETTINGS_OVERRIDES["create_store"] = True
    try:
        return int(args.handler(args) or 0)
    except IntakeError as exc:
        print(f"intake: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
