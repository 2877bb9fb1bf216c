"""`intake user add|list|disable|enable|passwd`: accounts of the review UI."""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
from pathlib import Path

from intake.commands import load_settings, open_store
from models.errors import IntakeError


def register(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="manage the review UI's users")
    actions = user.add_subparsers(dest="user_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="create a user (or reset one with --update)")
    add.add_argument("name")
    add.add_argument("--role", choices=["clerk", "admin"], default="clerk")
    add.add_argument("--language", choices=["fr", "en"], default="fr")
    _password_options(add)
    add.add_argument("--update", action="store_true", help="set a new password if the user exists")
    add.set_defaults(handler=add_user_command)
    listing = actions.add_parser("list", help="every user, with failed sign-ins of the last 24 hours")
    listing.set_defaults(handler=list_users_command)
    for name, active in (("disable", False), ("enable", True)):
        switch = actions.add_parser(name, help=f"{name} a user (disabling ends their sessions)")
        switch.add_argument("name")
        switch.set_defaults(handler=switch_command, active=active)
    passwd = actions.add_parser("passwd", help="set a user's password (ends their sessions)")
    passwd.add_argument("name")
    _password_options(passwd)
    passwd.set_defaults(handler=passwd_command)


def _password_options(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--password-env", metavar="VAR", help="read the password from this environment variable"
    )
    source.add_argument("--generate", action="store_true", help="generate a password and print it")
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="also write a generated password to FILE (mode 600)",
    )


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


def _show_generated(args: argparse.Namespace, password: str) -> None:
    if not args.generate:
        return
    print(f"password: {password}")
    if args.password_file:
        write_private(args.password_file, password + "\n")


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only, in a folder of the owner's only."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # an older file keeps its mode through O_CREAT
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def add_user_command(args: argparse.Namespace) -> int:
    from review_ui.users import add_user

    password = read_password(args)
    store = open_store(load_settings())
    user = add_user(store, args.name, password, role=args.role, language=args.language, replace=args.update)
    print(f"user {user.username} ({user.role}) ready")
    _show_generated(args, password)
    return 0


def list_users_command(_args: argparse.Namespace) -> int:
    from review_ui.users import list_users

    users = list_users(open_store(load_settings()))
    print(f"{'name':<24} {'role':<6} {'state':<9} {'created':<11} {'failed 24h':>10}  last failure")
    for user in users:
        state = "active" if user.active else "disabled"
        created = f"{user.created_at:%Y-%m-%d}"
        print(
            f"{user.name[:24]:<24} {user.role:<6} {state:<9} {created:<11} "
            f"{user.failed_logins:>10}  {user.last_failure}"
        )
    return 0


def switch_command(args: argparse.Namespace) -> int:
    from review_ui.users import set_active

    user = set_active(open_store(load_settings()), args.name, args.active)
    print(f"user {user.username} {'enabled' if user.active else 'disabled (sessions ended)'}")
    return 0


def passwd_command(args: argparse.Namespace) -> int:
    from review_ui.users import set_password

    password = read_password(args)
    user = set_password(open_store(load_settings()), args.name, password)
    print(f"password of {user.username} changed (sessions ended)")
    _show_generated(args, password)
    return 0
