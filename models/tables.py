"""The store's tables (SQLModel). Portable SQL only: SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# The stored states. Columns stay plain strings (a StrEnum member is its value),
# so the stored values and the schema are those of before.


class MessageState(StrEnum):
    RECEIVED = "received"
    PROCESSED = "processed"
    FAILED = "failed"


class ReviewItemState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by a sender until `next_attempt_at`
    SENT = "sent"
    FAILED = "failed"


class FollowupState(StrEnum):
    OPEN = "open"  # a clerk decides
    APPLIED = "applied"
    REJECTED = "rejected"
    NOTIFIED = "notified"  # sent downstream as an event
    ANSWERED = "answered"
    ACCEPTED = "accepted"  # a return the clerk took back, its outcome still to choose


class DeliveryState(StrEnum):
    """A webhook delivery's state."""

    PENDING = "pending"
    SENDING = "sending"
    DELIVERED = "delivered"
    FAILED = "failed"


class Product(SQLModel, table=True):
    __tablename__ = "products"

    sku: str = Field(primary_key=True, max_length=64)
    name: str
    unit: str | None = Field(default=None, max_length=32)
    unit_price: float | None = None
    ean: str | None = Field(default=None, index=True, max_length=32)
    stock: int | None = None


class Customer(SQLModel, table=True):
    __tablename__ = "customers"

    customer_id: str = Field(primary_key=True, max_length=64)
    name: str
    email_domains: str = ""  # ';'-separated, as in customers.csv
    contact_emails: str = ""  # ';'-separated
    vat_number: str | None = Field(default=None, max_length=32)
    ship_to: str | None = None
    language: str = Field(default="fr", max_length=8)
    notify: bool = True  # acknowledgements wanted


class CustomerRef(SQLModel, table=True):
    __tablename__ = "customer_refs"
    __table_args__ = (UniqueConstraint("customer_id", "customer_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: str = Field(index=True, max_length=64)
    customer_ref: str = Field(max_length=128)
    sku: str = Field(max_length=64)


class HistoryLine(SQLModel, table=True):
    """A line of an order placed before Intake, imported from the ERP (`catalog import --history`)."""

    __tablename__ = "history_lines"

    id: int | None = Field(default=None, primary_key=True)
    customer_id: str = Field(index=True, max_length=64)
    order_date: dt.date
    po_number: str | None = Field(default=None, max_length=128)
    sku: str = Field(max_length=64)
    quantity: float
    unit: str | None = Field(default=None, max_length=32)


class Alias(SQLModel, table=True):
    """A wording a clerk confirmed as meaning a sku (for one customer or all)."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("customer_id", "wording"),)

    id: int | None = Field(default=None, primary_key=True)
    customer_id: str = Field(default="", max_length=64)  # "" = any customer
    wording: str = Field(max_length=512)  # normalised wording
    sku: str = Field(max_length=64)
    uses: int = 1
    created_at: dt.datetime = Field(default_factory=utcnow)


class Message(SQLModel, table=True):
    """Every message ever received, raw bytes kept, one row per distinct content."""

    __tablename__ = "messages"

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(unique=True, max_length=64)
    message_id: str | None = Field(default=None, index=True, max_length=998)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    origin_kind: str = Field(default="file", max_length=16)
    origin_path: str | None = None
    account: str | None = Field(default=None, max_length=255)
    folder: str | None = Field(default=None, max_length=255)
    # IMAP positions are unsigned 32-bit: BIGINT so PostgreSQL takes them all.
    uidvalidity: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    uid: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    subject: str | None = None
    sender: str | None = None
    received_at: dt.datetime = Field(default_factory=utcnow)
    processed_at: dt.datetime | None = None
    state: str = Field(default=MessageState.RECEIVED, index=True, max_length=16)
    kind: str | None = Field(default=None, max_length=32)  # order, not_order
    classification: str | None = Field(default=None, max_length=32)
    error: str | None = None
    attempts: int = 0
    # The work queue (models/queue.py): which daemon took the message to process, and
    # until when; kept after the outcome, so it also says who processed it.
    claimed_by: str | None = Field(default=None, max_length=255)
    claim_expires_at: dt.datetime | None = None


class LedgerEntry(SQLModel, table=True):
    """A message's place on an IMAP server: what has been seen, and what was done."""

    __tablename__ = "ledger"
    __table_args__ = (UniqueConstraint("account", "folder", "uidvalidity", "uid"),)

    id: int | None = Field(default=None, primary_key=True)
    account: str = Field(max_length=255)
    folder: str = Field(max_length=255)
    uidvalidity: int = Field(sa_column=Column(BigInteger, nullable=False))
    uid: int = Field(sa_column=Column(BigInteger, nullable=False))
    message_pk: int | None = Field(default=None, foreign_key="messages.id", index=True)
    sha256: str = Field(max_length=64, index=True)
    server_action: str | None = Field(default=None, max_length=32)  # moved/flagged/None
    seen_at: dt.datetime = Field(default_factory=utcnow)


class Lease(SQLModel, table=True):
    """One worker per mailbox folder: a row held until `expires_at`."""

    __tablename__ = "leases"

    name: str = Field(primary_key=True, max_length=512)
    holder: str = Field(max_length=255)
    expires_at: dt.datetime


class Order(SQLModel, table=True):
    __tablename__ = "orders"

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int | None = Field(default=None, foreign_key="messages.id", index=True)
    message_id: str = Field(index=True, max_length=998)
    source: str = Field(default="email", max_length=16)
    status: str = Field(index=True, max_length=16)  # an OrderStatus value
    customer_id: str | None = Field(default=None, index=True, max_length=64)
    po_number: str | None = Field(default=None, index=True, max_length=128)
    order_date: dt.date | None = None
    requested_delivery_date: dt.date | None = None
    ship_to: str | None = None
    currency: str = Field(default="EUR", max_length=3)
    confidence: float = 0.0
    # What was read and matched, with provenance and candidates: the review UI's view.
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    reasons: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: dt.datetime = Field(default_factory=utcnow)
    decided_at: dt.datetime | None = None
    decided_by: str | None = Field(default=None, max_length=128)  # "auto" or a user
    reject_reason: str | None = None
    version: int = 1  # optimistic locking: a stale save is refused
    locked_by: str | None = Field(default=None, max_length=128)
    locked_at: dt.datetime | None = None
    # Position in the feed of accepted orders (models/feed.py): given once, at acceptance,
    # in commit order, so a reader that remembers the last one it saw misses none.
    accepted_seq: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True, unique=True))


class OrderLine(SQLModel, table=True):
    __tablename__ = "order_lines"

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    line_no: int
    sku: str | None = Field(default=None, max_length=64)
    customer_ref: str | None = Field(default=None, max_length=128)
    description: str | None = None
    quantity: float | None = None
    unit: str | None = Field(default=None, max_length=32)
    unit_price: float | None = None
    confidence: float = 0.0
    backorder: bool = False


class ReviewItem(SQLModel, table=True):
    """Work for a clerk: an order to check, or a message that failed."""

    __tablename__ = "review_items"

    id: int | None = Field(default=None, primary_key=True)
    order_id: int | None = Field(default=None, foreign_key="orders.id", index=True)
    message_pk: int | None = Field(default=None, foreign_key="messages.id", index=True)
    reasons: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    state: str = Field(default=ReviewItemState.OPEN, index=True, max_length=16)
    created_at: dt.datetime = Field(default_factory=utcnow)
    closed_at: dt.datetime | None = None
    closed_by: str | None = Field(default=None, max_length=128)


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=128)  # "intake" for the engine, else a user name
    action: str = Field(max_length=64)
    entity: str = Field(max_length=32)  # "order", "message", "alias", ...
    entity_id: str = Field(max_length=128, index=True)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, max_length=128)
    password_hash: str
    role: str = Field(default="clerk", max_length=16)  # clerk/admin
    language: str = Field(default="fr", max_length=8)
    created_at: dt.datetime = Field(default_factory=utcnow)
    active: bool = True
    # Sessions carry the number they were opened under; raising it (logout, new
    # password, disabling) ends every session of the user at its next request.
    session_epoch: int = Field(default=0)


class OutboxMail(SQLModel, table=True):
    """A mail to send; sent at most once, retried until it is."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("dedup_key"),)

    id: int | None = Field(default=None, primary_key=True)
    dedup_key: str = Field(max_length=255)  # e.g. "ack:ORDER_ID"
    order_id: int | None = Field(default=None, foreign_key="orders.id", index=True)
    kind: str = Field(max_length=32)  # ack, detail_request, status
    to_addr: str
    subject: str
    body_text: str
    headers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    state: str = Field(default=OutboxState.PENDING, index=True, max_length=16)
    attempts: int = 0
    last_error: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    sent_at: dt.datetime | None = None
    next_attempt_at: dt.datetime | None = None  # retry backoff; None = now


class Counter(SQLModel, table=True):
    """A named number handed out under the row's lock: in commit order across writers."""

    __tablename__ = "counters"

    name: str = Field(primary_key=True, max_length=64)
    value: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))


class ApiToken(SQLModel, table=True):
    """A downstream system's key to the API; only the secret's sha256 is kept."""

    __tablename__ = "api_tokens"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=128)
    token_hash: str = Field(unique=True, max_length=64)
    prefix: str = Field(max_length=16)  # the token's first characters, to tell tokens apart
    scopes: str = Field(max_length=128)  # space-separated: read, write
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_used_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None


class OrderEvent(SQLModel, table=True):
    """What happened to an accepted order downstream (the ERP, the warehouse): shipped, ..."""

    __tablename__ = "order_events"
    __table_args__ = (UniqueConstraint("order_id", "idempotency_key"),)

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="orders.id", index=True)
    kind: str = Field(max_length=32)  # prepared, shipped, delivered, backorder_released, cancelled
    occurred_at: dt.datetime = Field(default_factory=utcnow)  # when it happened, as told
    received_at: dt.datetime = Field(default_factory=utcnow)
    carrier: str | None = Field(default=None, max_length=128)
    tracking: str | None = Field(default=None, max_length=128)
    # Our delivery note's number (BL), which the customer may quote back in a follow-up.
    delivery_note: str | None = Field(default=None, max_length=64, index=True)
    # Downstream's own name for the state ("en cours de préparation", "partially shipped"),
    # which the answers to customers word from the closest state they know.
    status: str | None = Field(default=None, max_length=64)
    note: str | None = None
    lines: list[int] = Field(default_factory=list, sa_column=Column(JSON))  # line numbers it concerns
    actor: str = Field(max_length=128)  # the API token's name
    idempotency_key: str = Field(max_length=255)  # a retried request is one event


class WebhookEndpoint(SQLModel, table=True):
    """A receiver of order events (accepted, changed, cancelled), signed with its secret."""

    __tablename__ = "webhook_endpoints"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2048)
    secret: str = Field(max_length=128)  # HMAC key: the receiver holds it too, so it is kept as is
    active: bool = True
    created_at: dt.datetime = Field(default_factory=utcnow)


class WebhookDelivery(SQLModel, table=True):
    """One event for one endpoint: queued in the transaction that caused it, POSTed until taken."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (UniqueConstraint("endpoint_id", "event_id"),)

    id: int | None = Field(default=None, primary_key=True)
    endpoint_id: int = Field(foreign_key="webhook_endpoints.id", index=True)
    event_id: str = Field(max_length=64)  # the idempotency key: the same on every retry
    kind: str = Field(max_length=32)  # order.accepted, order.changed, order.cancelled
    order_id: int = Field(foreign_key="orders.id", index=True)
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # frozen at first try
    state: str = Field(default=DeliveryState.PENDING, index=True, max_length=16)
    attempts: int = 0
    last_error: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    next_attempt_at: dt.datetime | None = None  # retry backoff, or the claim's lease while sending
    delivered_at: dt.datetime | None = None


class Followup(SQLModel, table=True):
    """A message about an earlier order: a change, cancellation, replacement, return or question.

    Linked to the order when that is known (`order_id`), else the candidates a clerk chooses
    from; its change or return as read, and what became of it.
    """

    __tablename__ = "followups"

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="messages.id", index=True)
    message_id: str = Field(max_length=998)
    kind: str = Field(
        index=True, max_length=32
    )  # change, cancellation, replacement, return, delivery_question
    order_id: int | None = Field(default=None, foreign_key="orders.id", index=True)
    link_by: str = Field(default="none", max_length=16)  # po, thread, lines, recent, none
    link_certain: bool = False
    candidates: list[str] = Field(default_factory=list, sa_column=Column(JSON))  # Message-IDs of orders
    change: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    returned: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # lines and reason
    replacement_order_id: int | None = Field(default=None, foreign_key="orders.id")
    state: str = Field(default=FollowupState.OPEN, index=True, max_length=16)
    outcome: str | None = Field(default=None, max_length=32)  # a return's: credit_note, exchange, refund
    created_at: dt.datetime = Field(default_factory=utcnow)
    decided_at: dt.datetime | None = None
    decided_by: str | None = Field(default=None, max_length=128)  # "intake" or a user
