"""`intake outbox send|list|retry`: the mails queued for customers."""

from __future__ import annotations

import argparse

from intake.commands import load_settings, open_store


def register(sub: argparse._SubParsersAction) -> None:
    outbox = sub.add_parser(
        "outbox", help="mails to customers (and webhooks waiting): send the queue, list it"
    )
    actions = outbox.add_subparsers(dest="outbox_command", required=True, metavar="ACTION")
    send = actions.add_parser("send", help="send the mails that are due, once")
    send.set_defaults(handler=send_outbox)
    show = actions.add_parser("list", help="list queued and sent mails")
    show.add_argument("--state", choices=["pending", "sending", "sent", "failed"])
    show.set_defaults(handler=list_outbox)
    retry = actions.add_parser("retry", help="put failed mails back in the queue")
    retry.set_defaults(handler=retry_outbox)


def send_outbox(args: argparse.Namespace) -> int:
    from intake.notify import deliver_pending, smtp_sender

    settings = load_settings()
    store = open_store(settings)
    report = deliver_pending(store, settings, send=smtp_sender(settings))
    for error in report.errors:
        print(f"intake: not sent: {error}")
    print(f"{report.sent} sent, {report.retried} to retry later, {report.failed} failed")
    return 1 if report.failed or report.retried else 0


def list_outbox(args: argparse.Namespace) -> int:
    from intake.notify import list_mails
    from models import OutboxState

    store = open_store(load_settings())
    for row in list_mails(store, args.state):
        when = (row.sent_at or row.next_attempt_at or row.created_at).isoformat(timespec="seconds")
        error = f"  ({row.last_error})" if row.last_error and row.state != OutboxState.SENT else ""
        print(
            f"{row.id:>5}  {row.state:8} {row.kind:15} order {row.order_id or '-':<6} {when}  {row.to_addr}  {row.subject}{error}"
        )
    list_webhooks_waiting(store)
    return 0


def list_webhooks_waiting(store) -> None:
    """Webhook deliveries not taken yet, with their last error (`intake webhook deliveries` for all)."""
    from intake.webhooks import list_deliveries
    from models import DeliveryState

    waiting = [row for row in list_deliveries(store) if row.state != DeliveryState.DELIVERED]
    if waiting:
        print(f"webhooks not delivered yet: {len(waiting)}")
    for row in waiting:
        when = (row.next_attempt_at or row.created_at).isoformat(timespec="seconds")
        print(
            f"{row.id:>5}  {row.state:8} {row.kind:15} order {row.order_id:<6} {when}  "
            f"endpoint {row.endpoint_id}, {row.attempts} tries  ({row.last_error or 'not tried yet'})"
        )


def retry_outbox(args: argparse.Namespace) -> int:
    from intake.notify import requeue_failed

    count = requeue_failed(open_store(load_settings()))
    print(f"{count} failed mails queued again")
    return 0
