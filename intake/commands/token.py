"""`intake token create|list|revoke`: API tokens for downstream systems."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from intake.commands import enum_argument, load_settings, open_store

if TYPE_CHECKING:
    pass


def register(sub: argparse._SubParsersAction) -> None:
    token = sub.add_parser("token", help="API tokens: create, list, revoke")
    actions = token.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a token and print its secret (shown once)")
    create.add_argument("--name", required=True, help="who uses it (e.g. erp, warehouse)")
    create.add_argument(
        "--scope",
        action="append",
        required=True,
        type=enum_argument("intake.api", "Scope"),
        metavar="{read,write}",
        help="read (orders, messages) or write (order events, new orders); repeat for both",
    )
    create.set_defaults(handler=create_cmd)
    show = actions.add_parser("list", help="list tokens (never their secrets)")
    show.set_defaults(handler=list_cmd)
    revoke = actions.add_parser("revoke", help="revoke a token: refused from its next request")
    revoke.add_argument("token_id", type=int, metavar="ID")
    revoke.set_defaults(handler=revoke_cmd)


def create_cmd(args: argparse.Namespace) -> int:
    from intake.api import create_token

    row, secret = create_token(open_store(load_settings()), args.name, list(args.scope))
    print(f"token {row.id} ({row.name}, scopes: {row.scopes}); keep this secret, it is not shown again:")
    print(secret)
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from intake.api import list_tokens

    for row in list_tokens(open_store(load_settings())):
        state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "active"
        used = f"{row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never"
        print(f"{row.id:>4}  {row.prefix}…  {row.name:20} {row.scopes:11} {state:24} last used {used}")
    return 0


def revoke_cmd(args: argparse.Namespace) -> int:
    from intake.api import revoke_token

    row = revoke_token(open_store(load_settings()), args.token_id)
    print(f"token {row.id} ({row.name}) revoked")
    return 0
