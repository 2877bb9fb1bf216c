"""`intake webhook add|list|disable|deliveries|send|retry`: order events POSTed to receivers."""

from __future__ import annotations

import argparse

from intake.commands import load_settings, open_store


def register(sub: argparse._SubParsersAction) -> None:
    hook = sub.add_parser("webhook", help="webhooks: receivers of order events and their deliveries")
    actions = hook.add_subparsers(dest="webhook_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a receiver; prints its signing secret")
    add.add_argument("url")
    add.set_defaults(handler=add_cmd)
    actions.add_parser("list", help="list receivers").set_defaults(handler=list_cmd)
    disable = actions.add_parser("disable", help="queue no more events for a receiver")
    disable.add_argument("endpoint_id", type=int, metavar="ID")
    disable.set_defaults(handler=disable_cmd)
    deliveries = actions.add_parser(
        "deliveries", help="list deliveries, newest first, failures with their error"
    )
    deliveries.add_argument("--state", choices=["pending", "sending", "delivered", "failed"])
    deliveries.set_defaults(handler=deliveries_cmd)
    actions.add_parser("send", help="deliver what is due, once").set_defaults(handler=send_cmd)
    actions.add_parser("retry", help="queue failed deliveries again").set_defaults(handler=retry_cmd)


def add_cmd(args: argparse.Namespace) -> int:
    from intake.webhooks import add_endpoint

    row = add_endpoint(open_store(load_settings()), args.url)
    print(f"webhook {row.id} -> {row.url}; signing secret (give it to the receiver):")
    print(row.secret)
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from intake.webhooks import list_endpoints

    for row in list_endpoints(open_store(load_settings())):
        print(f"{row.id:>4}  {'active' if row.active else 'disabled':8}  {row.url}")
    return 0


def disable_cmd(args: argparse.Namespace) -> int:
    from intake.webhooks import disable_endpoint

    row = disable_endpoint(open_store(load_settings()), args.endpoint_id)
    print(f"webhook {row.id} disabled")
    return 0


def deliveries_cmd(args: argparse.Namespace) -> int:
    from intake.webhooks import list_deliveries
    from models import DeliveryState

    for row in list_deliveries(open_store(load_settings()), args.state):
        when = (row.delivered_at or row.next_attempt_at or row.created_at).isoformat(timespec="seconds")
        error = f"  ({row.last_error})" if row.last_error and row.state != DeliveryState.DELIVERED else ""
        print(
            f"{row.id:>6}  {row.state:9} {row.kind:16} order {row.order_id:<6} endpoint {row.endpoint_id:<3} "
            f"tries {row.attempts:<3} {when}{error}"
        )
    return 0


def send_cmd(args: argparse.Namespace) -> int:
    from intake.webhooks import deliver_due

    report = deliver_due(open_store(load_settings()))
    for error in report.errors:
        print(f"intake: not delivered: {error}")
    print(f"{report.delivered} delivered, {report.retried} to retry later, {report.failed} failed")
    return 1 if report.failed or report.retried else 0


def retry_cmd(args: argparse.Namespace) -> int:
    from intake.webhooks import requeue_failed

    print(f"{requeue_failed(open_store(load_settings()))} failed deliveries queued again")
    return 0
