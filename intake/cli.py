"""The `intake` command: the sub-commands of intake/commands/, each registering its own parser.

Exit status (CONTRACT.md): 0 success, 1 the work failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import logging
import sys

from intake.commands import (
    SETTINGS_OVERRIDES,
    api,
    catalog,
    evaluate,
    export,
    ingest,
    init,
    messages,
    model,
    order,
    outbox,
    review,
    run,
    stats,
    token,
    user,
    webhook,
)
from models.errors import IntakeError

# The sub-commands in the order of `intake --help`. Each module imports only argparse and
# light helpers at the top, and its work (store, pipeline, UI) inside its handler.
COMMANDS = (
    init,
    catalog,
    ingest,
    messages,
    export,
    evaluate,
    run,
    outbox,
    order,
    stats,
    review,
    user,
    model,
    api,
    token,
    webhook,
)


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
    for command in COMMANDS:
        command.register(sub)
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
