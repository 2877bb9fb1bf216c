"""Customers' histories kept in memory by the writing process: always what the store would say."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from intake.pipeline import build_record
from models import (
    CustomerMatch,
    Decision,
    ExtractedLine,
    ExtractedOrder,
    LineMatch,
    MatchedOrder,
    OrderStatus,
    Origin,
    ParsedMessage,
    ProcessedOrder,
    ProcessResult,
    RawMessage,
    Store,
    batched,
    customer_history,
)
from models.followups import FollowupKind, FollowupLink, FollowupResult, FollowupSign, LinkBy
from models.recent_history import RecentHistories
from models.tables import Order

CUSTOMER = "GARAGE-17"


def _result(
    n: int, status: OrderStatus, *, lines: list[tuple[str | None, float | None, str | None]]
) -> ProcessResult:
    """A message from a car repair shop ordering brake parts: line (sku, quantity, unit)."""
    read = [ExtractedLine(line_no=k) for k, _ in enumerate(lines, start=1)]
    matched = MatchedOrder(
        order=ExtractedOrder(),
        customer=CustomerMatch(customer_id=CUSTOMER, score=1.0),
        lines=[
            LineMatch(line=line, sku=sku, quantity=None if qty is None else Decimal(str(qty)), unit=unit)
            for line, (sku, qty, unit) in zip(read, lines, strict=True)
        ],
    )
    parsed = ParsedMessage(
        message_id=f"<brakes-{n}@garage.invalid>", date=dt.datetime(2026, 3, n, tzinfo=dt.UTC)
    )
    decision = Decision(status=status, confidence=0.9)
    order = ProcessedOrder(matched=matched, decision=decision, record=build_record(parsed, matched, decision))
    return ProcessResult(parsed=parsed, orders=[order])


def _store(batch: Store, n: int, result: ProcessResult) -> list[int]:
    raw = RawMessage(data=f"Subject: {n}\n\nplaquettes\n".encode(), origin=Origin(kind="file", path=f"m{n}"))
    row, _ = batch.add_message(raw)
    assert row.id is not None
    return batch.save_result(row.id, result)


def test_the_kept_history_is_the_stored_one_as_orders_are_stored(store: Store) -> None:
    with batched(store) as batch:
        histories = RecentHistories(batch)
        assert histories(CUSTOMER) == customer_history(batch, CUSTOMER)
        for n, status in enumerate([OrderStatus.ACCEPTED, OrderStatus.REVIEW, OrderStatus.ACCEPTED], start=1):
            lines = [("PLQ-FR-208", 4.0, "jeu"), ("DSQ-AV-311", None, "pièce"), (None, 2.0, None)]
            result = _result(n, status, lines=lines)
            histories.recorded(result, _store(batch, n, result))
            kept = histories(CUSTOMER)
            assert kept == customer_history(batch, CUSTOMER)
        batch.commit()
        assert kept.accepted_count == 2
        assert [o.lines for o in kept.orders] == [[("PLQ-FR-208", 4.0)]] * 3
        assert kept.orders[0].units == {"PLQ-FR-208": "jeu"}  # a line with no quantity is not read back


def test_a_write_by_another_connection_is_read_again(store: Store) -> None:
    with batched(store) as batch:
        histories = RecentHistories(batch)
        result = _result(1, OrderStatus.ACCEPTED, lines=[("PLQ-FR-208", 4.0, None)])
        order_ids = _store(batch, 1, result)
        histories.recorded(result, order_ids)
        assert histories(CUSTOMER).accepted_count == 1
        batch.commit()
        with Store(store.engine).session() as session:  # a clerk rejects it meanwhile
            order = session.get(Order, order_ids[0])
            assert order is not None
            order.status = OrderStatus.REJECTED.value
            session.add(order)
            session.commit()
        assert histories(CUSTOMER) == customer_history(batch, CUSTOMER)
        assert histories(CUSTOMER).accepted_count == 0


def test_a_follow_up_forgets_the_customer_of_the_order_it_names(store: Store) -> None:
    with batched(store) as batch:
        histories = RecentHistories(batch)
        first = _result(1, OrderStatus.ACCEPTED, lines=[("PLQ-FR-208", 4.0, None)])
        histories.recorded(first, _store(batch, 1, first))
        histories(CUSTOMER)
        cancel = ProcessResult(
            parsed=ParsedMessage(message_id="<cancel-2@garage.invalid>"),
            followup=FollowupResult(
                sign=FollowupSign(kind=FollowupKind.CANCELLATION),
                link=FollowupLink(refers_to=first.parsed.message_id, link_by=LinkBy.THREAD, certain=True),
            ),
        )
        histories.recorded(cancel, [])
        assert CUSTOMER not in histories.known
