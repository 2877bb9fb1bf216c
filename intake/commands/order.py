"""`intake order status ORDER STATUS`: tell the customer where an accepted order is."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from intake.commands import load_settings, open_store
from intake.notify.kinds import DeliveryMode, ShipmentStatus

if TYPE_CHECKING:
    from models import Store


def register(sub: argparse._SubParsersAction) -> None:
    order = sub.add_parser("order", help="act on one order")
    actions = order.add_subparsers(dest="order_command", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="record a shipment status and mail it to the customer")
    status.add_argument("order", metavar="ORDER", help="the order number, or its PO number")
    status.add_argument("status", choices=[s.value for s in ShipmentStatus])
    status.add_argument("--mode", choices=[m.value for m in DeliveryMode], default=DeliveryMode.CARRIER.value)
    status.add_argument("--tracking", help="the carrier's tracking number")
    status.add_argument("--carrier", help="the carrier's name")
    status.add_argument("--actor", default="cli", help="who records it (audit trail)")
    status.set_defaults(handler=order_status)


def resolve_order(store: Store, ref: str) -> int:
    """An order id from its number or its (unique) PO number."""
    from intake.notify import NotifyError
    from models import order_ids_for

    ids = order_ids_for(store, ref)
    if not ids:
        raise NotifyError(f"order {ref}", "no order has this number or PO number")
    if len(ids) > 1:
        raise NotifyError(f"order {ref}", f"several orders have this PO number: {ids}; give the number")
    return ids[0]


def order_status(args: argparse.Namespace) -> int:
    from intake.notify import notify_status

    settings = load_settings()
    store = open_store(settings)
    order_id = resolve_order(store, args.order)
    row = notify_status(
        store,
        order_id,
        ShipmentStatus(args.status),
        mode=DeliveryMode(args.mode),
        tracking=args.tracking,
        carrier=args.carrier,
        actor=args.actor,
        settings=settings,
    )
    if row is None:
        print(f"order {order_id}: {args.status} recorded; no mail (customer opted out or mail turned off)")
    else:
        print(f"order {order_id}: {args.status} recorded; mail {row.id} to {row.to_addr} ({row.state})")
    return 0
