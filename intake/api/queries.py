"""The API's reads over the store: the feed, one order, the messages."""

from __future__ import annotations

from typing import Any

from intake.api.events import order_events
from intake.api.schemas import FeedOrder, LineDetail, MessageOut, MessagePage, OrderDetail, OrderPage
from models import Provenance, Store
from models.orders import feed_page, messages_page, order_with_lines
from models.rows import line_record, to_record
from models.tables import Message, OrderLine

HEADER_FIELDS = ("po_number", "order_date", "requested_delivery_date", "ship_to")


def orders_after(store: Store, after: int, limit: int) -> OrderPage:
    """Accepted orders whose feed position is above `after`, in feed order."""
    page = [
        FeedOrder(**to_record(o, lines).model_dump(), id=o.id or 0, cursor=o.accepted_seq or 0)
        for o, lines in feed_page(store, after, limit)
    ]
    return OrderPage(orders=page, next_cursor=page[-1].cursor if page else after)


def order_detail(store: Store, order_id: int) -> OrderDetail | None:
    found = order_with_lines(store, order_id)
    if found is None:
        return None
    order, lines = found
    record = to_record(order, lines).model_dump(exclude={"lines"})
    read = _line_provenance(order.detail or {}, lines)
    return OrderDetail(
        **record,
        id=order_id,
        cursor=order.accepted_seq,
        message_pk=order.message_pk,
        created_at=order.created_at,
        decided_at=order.decided_at,
        decided_by=order.decided_by,
        lines=[
            LineDetail(
                **line_record(line).model_dump(),
                backorder=line.backorder,
                confidence=line.confidence,
                provenance=read.get(line.line_no),
            )
            for line in lines
        ],
        provenance=_header_provenance(order.detail or {}),
        reasons=order.reasons or [],
        events=order_events(store, order_id),
    )


def messages_after(store: Store, after: int, limit: int, state: str | None) -> MessagePage:
    rows, orders = messages_page(store, after, limit, state)
    messages = [
        MessageOut(
            id=r.id or 0,
            message_id=r.message_id,
            sha256=r.sha256,
            origin=_origin(r),
            received_at=r.received_at,
            processed_at=r.processed_at,
            state=r.state,
            kind=r.kind,
            orders=sorted(orders.get(r.id or 0, [])),
            error=r.error,
        )
        for r in rows
    ]
    return MessagePage(messages=messages, next_after=messages[-1].id if len(messages) == limit else None)


def _origin(row: Message) -> str:
    if row.account:
        return f"imap://{row.account}/{row.folder}; UIDVALIDITY={row.uidvalidity}; UID={row.uid}"
    return row.origin_path or row.origin_kind


def _header_provenance(detail: dict[str, Any]) -> dict[str, Provenance | None]:
    """Where each header field was read (the matched order kept in `Order.detail`)."""
    order = detail.get("order") or {}
    return {name: _provenance(order.get(name)) for name in HEADER_FIELDS if order.get(name)}


def _line_provenance(detail: dict[str, Any], lines: list[OrderLine]) -> dict[int, Provenance | None]:
    """Each stored line's provenance, by line number.

    A clerk's edits keep which read line each stored line came from
    (`line_origins`, 1-based, None for a line the clerk added).
    """
    read = detail.get("lines") or []
    kept = detail.get("line_origins")
    origins = kept if isinstance(kept, list) else list(range(1, len(lines) + 1))
    found: dict[int, Provenance | None] = {}
    for line, origin in zip(lines, origins, strict=False):
        if isinstance(origin, int) and 1 <= origin <= len(read):
            source = (read[origin - 1] or {}).get("line") or {}
            found[line.line_no] = _provenance(source) or _provenance(source.get("quantity"))
    return found


def _provenance(value: Any) -> Provenance | None:
    if isinstance(value, dict) and isinstance(value.get("provenance"), dict):
        return Provenance.model_validate(value["provenance"])
    return None
