"""A decided order's matched reading and record, encoded once by pydantic, read back as before."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from intake.pipeline import build_record
from models import (
    CustomerMatch,
    Decision,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    LineMatch,
    MatchedOrder,
    OrderStatus,
    ParsedMessage,
    ProcessedOrder,
    Provenance,
    Store,
)
from models.json_text import encoded
from models.tables import AuditEvent, Order


def _garden_order() -> ProcessedOrder:
    """A nursery orders hedge plants, written with accents and a decimal count."""
    where = Provenance(part="body", span=(10, 42))
    line = ExtractedLine(
        line_no=1, description=Extracted[str](value="Charme « pyramidal » 1,25 m", provenance=where)
    )
    matched = MatchedOrder(
        order=ExtractedOrder(lines=[line], po_number=Extracted[str](value="PÉP-2026-014", confidence=0.8)),
        customer=CustomerMatch(customer_id="PEPINIERE-7", score=0.93),
        lines=[LineMatch(line=line, sku="CHA-125", quantity=Decimal("12.5"), unit="u", score=0.875)],
    )
    decision = Decision(status=OrderStatus.ACCEPTED, confidence=0.9)
    parsed = ParsedMessage(
        message_id="<haies-14@pepiniere.invalid>", date=dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    )
    return ProcessedOrder(matched=matched, decision=decision, record=build_record(parsed, matched, decision))


def test_an_order_reads_back_what_model_dump_gives(any_store: Store) -> None:
    processed = _garden_order()
    order_id = any_store.add_order(processed)
    with Session(any_store.engine) as session:
        order = session.get(Order, order_id)
        event = session.exec(select(AuditEvent).where(AuditEvent.entity_id == str(order_id))).one()
    assert order is not None
    assert order.detail == processed.matched.model_dump(mode="json")
    assert event.after == processed.record.model_dump(mode="json")


def test_an_engine_not_the_stores_refuses_it_rather_than_store_a_quoted_string() -> None:
    with pytest.raises(TypeError):
        json.dumps(encoded(_garden_order().record))
