"""Status back from downstream: an accepted order prepared, shipped, delivered, ...

An event is stored once per idempotency key (a retried request changes
nothing), audited, and turned into the customer's notice where one exists
(shipped, delivered; prepared when the goods wait at a depot or pickup point).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from enum import StrEnum

from pydantic import BaseModel, Field, model_validator

from intake.notify import DeliveryMode, NotifyError, ShipmentStatus, notify_status
from models import IntakeError, Settings, Store
from models.order_events import events_of, record_order_event
from models.tables import AuditEvent, OrderEvent, utcnow
from models.transaction import Transaction, savepoint

log = logging.getLogger(__name__)


class EventKind(StrEnum):
    PREPARED = "prepared"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    BACKORDER_RELEASED = "backorder_released"
    CANCELLED = "cancelled"


# The customer's notice for each kind; prepared only tells when the customer collects.
NOTICES = {EventKind.SHIPPED: ShipmentStatus.SHIPPED, EventKind.DELIVERED: ShipmentStatus.DELIVERED}
COLLECTED = {DeliveryMode.DEPOT, DeliveryMode.PICKUP_POINT}


class OrderEventIn(BaseModel):
    """An event told by the ERP or the warehouse."""

    kind: EventKind
    occurred_at: dt.datetime | None = Field(default=None, description="when it happened; now when absent")
    carrier: str | None = Field(default=None, max_length=128)
    tracking: str | None = Field(default=None, max_length=128)
    mode: DeliveryMode = Field(default=DeliveryMode.CARRIER, description="how the goods reach the customer")
    lines: list[int] = Field(default_factory=list, description="line numbers concerned; empty: the order")
    delivery_note: str | None = Field(
        default=None, max_length=64, description="the delivery note's number (BL), quoted back by customers"
    )
    status: str | None = Field(
        default=None,
        max_length=64,
        description="downstream's own name for the state ('partially shipped', 'facturée'); "
        "answers to customers word it from the closest state they know",
    )
    note: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _shipped_says_how(self) -> OrderEventIn:
        if self.kind == EventKind.SHIPPED and self.mode == DeliveryMode.CARRIER and not self.carrier:
            raise ValueError("a shipment by carrier names the carrier")
        if self.occurred_at is not None and self.occurred_at.tzinfo is None:
            raise ValueError("occurred_at needs a time zone (2026-12-04T10:00:00+01:00)")
        return self


class OrderEventOut(BaseModel):
    id: int
    order_id: int
    kind: EventKind
    occurred_at: dt.datetime
    received_at: dt.datetime
    carrier: str | None
    tracking: str | None
    lines: list[int]
    delivery_note: str | None = None
    status: str | None = None
    note: str | None
    notice: int | None = Field(default=None, description="the queued customer mail, if one was due")


class EventError(IntakeError):
    """An event that cannot be recorded: unknown order (404) or one not accepted (409)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def idempotency_key(event: OrderEventIn, given: str | None) -> str:
    """The client's key, or one from the event's content (the same event posted twice is one)."""
    if given:
        return given[:255]
    content = event.model_dump_json(exclude={"note"})
    return "content:" + hashlib.sha256(content.encode()).hexdigest()


def record_event(
    store: Store, order_id: int, event: OrderEventIn, *, actor: str, key: str | None, settings: Settings
) -> tuple[OrderEventOut, bool]:
    """Store the event and queue its notice in one transaction; (event, created)."""
    row = OrderEvent(
        order_id=order_id,
        kind=event.kind.value,
        occurred_at=event.occurred_at or utcnow(),
        carrier=event.carrier,
        tracking=event.tracking,
        delivery_note=event.delivery_note,
        status=event.status,
        note=event.note,
        lines=event.lines,
        actor=actor,
        idempotency_key=idempotency_key(event, key),
    )
    audit = AuditEvent(
        actor=actor,
        action=f"event:{event.kind.value}",
        entity="order",
        entity_id=str(order_id),
        after=event.model_dump(mode="json"),
    )
    recorded = record_order_event(
        store,
        row,
        audit,
        feed_event="order.cancelled" if event.kind == EventKind.CANCELLED else None,
        notice=lambda transaction: _notice(transaction, order_id, event, actor=actor, settings=settings),
    )
    if recorded.status is None:
        raise EventError(404, f"no order {order_id}")
    if recorded.row is None:
        raise EventError(
            409, f"order {order_id} is {recorded.status}, not accepted: nothing happens to it yet"
        )
    return _out(recorded.row, recorded.notice), recorded.created


def _notice(
    transaction: Transaction, order_id: int, event: OrderEventIn, *, actor: str, settings: Settings
) -> int | None:
    status = NOTICES.get(event.kind)
    if event.kind == EventKind.PREPARED and event.mode in COLLECTED:
        status = ShipmentStatus.READY
    if status is None:
        return None
    try:
        # A notice that cannot be composed must not lose the event: it is kept, the mail is not.
        with savepoint(transaction):
            mail = notify_status(
                transaction,
                order_id,
                status,
                mode=event.mode,
                tracking=event.tracking,
                carrier=event.carrier,
                actor=actor,
                settings=settings,
            )
    except NotifyError as exc:
        log.warning("order %s: no %s notice: %s", order_id, event.kind.value, exc)
        return None
    return mail.id if mail is not None else None


def order_events(store: Store, order_id: int) -> list[OrderEventOut]:
    return [_out(row, None) for row in events_of(store, order_id)]


def _out(row: OrderEvent, notice: int | None) -> OrderEventOut:
    return OrderEventOut(
        id=row.id or 0,
        order_id=row.order_id,
        kind=EventKind(row.kind),
        occurred_at=row.occurred_at,
        received_at=row.received_at,
        carrier=row.carrier,
        tracking=row.tracking,
        lines=list(row.lines or []),
        delivery_note=row.delivery_note,
        status=row.status,
        note=row.note,
        notice=notice,
    )
