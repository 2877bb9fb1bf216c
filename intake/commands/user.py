"""`intake user add`: accounts of the review UI."""

from __future__ import annotations

import argparse
import getpass
import os
import secrets

from intake.commands import load_settings, open_store
from models import IntakeError


def register(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="manage the review UI's users")
    actions = user.add_subparsers(dest="user_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="create a user (or reset one with --update)")
    add.add_argument("name")
    add.add_argument("--role", choices=["clerk", "admin"], default="clerk")
    add.add_argument("--language", choices=["fr", "en"], default="fr")
    source = add.add_mutually_exclusive_group()
    source.add_argument(
        "--password-env", metavar="VAR", help="read the password from this environment variable"
    )
    source.add_argument("--generate", action="store_true", help="generate a password and print it")
    add.add_argument("--update", action="store_true", help="set a new password if the user exists")
    add.set_defaults(handler=add_user_command)


def read_password(args: argparse.Namespace) -> str:
    if args.generate:
        return secrets.token_urlsafe(12)
    if args.password_env:
        value = os.environ.get(args.password_env)
        if not value:
            raise IntakeError(f"environment variable {args.password_env} is not set or empty")
        return value
    first = getpass.getpass(f"password for {args.name}: ")
    if first != getpass.getpass("again: "):
        raise IntakeError("the two passwords differ")
    return first


def add_user_command(args: argparse.Namespace) -> int:
    from review_ui.users import add_user

    password = read_password(args)
    store = open_store(load_settings())
    user = add_user(store, args.name, password, role=args.role, language=args.language, replace=args.update)
    print(f"user {user.username} ({user.role}) ready")
    if args.generate:
        print(f"password: {password}")
    return 0
