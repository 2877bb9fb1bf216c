"""What the API answers: the contract's order record, plus where to resume and why."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from intake.api.events import OrderEventOut
from models import OrderLineRecord, OrderRecord, Provenance


class FeedOrder(OrderRecord):
    """The contract's order record, with the order's number and its feed position."""

    id: int
    cursor: int = Field(description="the order's position in the accepted-orders feed")


class OrderPage(BaseModel):
    orders: list[FeedOrder]
    next_cursor: int = Field(description="pass it as `after` to get the orders accepted since")


class LineDetail(OrderLineRecord):
    backorder: bool = False
    confidence: float = 0.0
    provenance: Provenance | None = Field(default=None, description="where the line was read")


class OrderDetail(OrderRecord):
    """One order: the record, the provenance of what was read, and what happened since."""

    id: int
    cursor: int | None = None
    message_pk: int | None = None
    created_at: dt.datetime
    decided_at: dt.datetime | None = None
    decided_by: str | None = None
    lines: list[LineDetail]  # type: ignore[assignment]
    provenance: dict[str, Provenance | None] = Field(default_factory=dict)
    reasons: list[dict[str, Any]] = Field(default_factory=list)
    events: list[OrderEventOut] = Field(default_factory=list, description="what happened downstream")


class MessageOut(BaseModel):
    id: int
    message_id: str | None
    sha256: str
    origin: str
    received_at: dt.datetime
    processed_at: dt.datetime | None
    state: str
    kind: str | None
    orders: list[int]
    error: str | None


class MessagePage(BaseModel):
    messages: list[MessageOut]
    next_after: int | None = Field(description="pass it as `after` for the next page; null at the end")


class ApiError(BaseModel):
    detail: str
