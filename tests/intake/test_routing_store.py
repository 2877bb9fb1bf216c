"""Routing against a real store: history, duplicates in one batch, flags kept, eval's threshold table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlmodel import select

from intake.ingest import ingest_raw
from intake.reports.eval_report import (
    THRESHOLDS,
    EvalReport,
    OrderOutcome,
    format_report,
    report_json,
    threshold_table,
)
from intake.reports.evaluate import evaluate, load_reference_dir
from matchers import CatalogIndex
from models import OrderStatus, RawMessage, RoutingMode, Settings, Store, customer_history
from models.tables import OrderLine, ReviewItem

HERE = Path(__file__).parent
ORDER = HERE / "data" / "order_martin_btp.eml"
FIXTURE_REF = HERE.parent.parent / "fixtures" / "ref"


@pytest.fixture
def fixture_store(store: Store) -> Store:
    load_reference_dir(store, FIXTURE_REF)
    return store


def ingest(store: Store, data: bytes, settings: Settings):
    index = CatalogIndex.build(store.load_reference())
    outcome = ingest_raw(store, RawMessage(data=data), index=index, settings=settings)
    assert outcome.result is not None and len(outcome.result.orders) == 1
    return outcome.result.orders[0]


def test_the_same_order_sent_twice_in_one_batch_is_accepted_once(
    any_fixtures_store: Store, settings: Settings
):
    fixture_store = any_fixtures_store
    settings = settings.model_copy(update={"routing_mode": RoutingMode.AUTOMATIC, "new_customer_orders": 0})
    data = ORDER.read_bytes()
    first = ingest(fixture_store, data, settings)
    second = ingest(fixture_store, data.replace(b"<first@", b"<again@"), settings)
    assert first.decision.status == OrderStatus.ACCEPTED
    assert second.decision.status == OrderStatus.REVIEW
    messages = {r.code: r.message for r in second.decision.reasons}
    assert messages["duplicate_po"] == (
        "PO BC-2026-117 was already received on 12/11/2026 (message <first@martin-btp.fr>)"
    )
    assert (
        messages["duplicate_lines"] == "the same 2 lines were already ordered on 12/11/2026 (PO BC-2026-117)"
    )
    with fixture_store.session() as session:
        items = list(session.exec(select(ReviewItem)))
    assert [r["code"] for r in items[0].reasons if r["code"].startswith("duplicate")] == [
        "duplicate_po",
        "duplicate_lines",
    ]


def test_a_backorder_line_is_flagged_in_the_store(fixture_store: Store, settings: Settings):
    ingest(fixture_store, ORDER.read_bytes(), settings)
    with fixture_store.session() as session:
        flags = [
            (line.sku, line.backorder) for line in session.exec(select(OrderLine).order_by(OrderLine.line_no))
        ]
    assert flags == [("VIS-440-200", False), ("GAN-NIT-T10", True)]


def test_a_new_customer_is_reviewed_until_enough_orders_are_accepted(
    fixture_store: Store, settings: Settings
):
    settings = settings.model_copy(update={"routing_mode": RoutingMode.AUTOMATIC, "new_customer_orders": 1})
    held = ingest(fixture_store, ORDER.read_bytes(), settings)
    assert held.decision.status == OrderStatus.REVIEW
    assert "new customer: its first 1 orders are reviewed (0 accepted so far)" in [
        r.message for r in held.decision.reasons
    ]
    assert customer_history(fixture_store, "G001").accepted_count == 0


def test_the_history_holds_the_customer_s_orders_with_their_lines(
    any_fixtures_store: Store, settings: Settings
):
    fixture_store = any_fixtures_store
    ingest(fixture_store, ORDER.read_bytes(), settings)
    history = customer_history(fixture_store, "G001")
    assert [(o.po_number, o.lines) for o in history.orders] == [
        ("BC-2026-117", [("VIS-440-200", 4.0), ("GAN-NIT-T10", 3.0)])
    ]
    assert customer_history(fixture_store, "G002").orders == []


def test_the_threshold_table_counts_touchless_and_accepted_but_wrong():
    report_orders = [
        OrderOutcome(confidence=0.95, passes_checks=True, right=True),
        OrderOutcome(confidence=0.7, passes_checks=True, right=False),
        OrderOutcome(confidence=0.99, passes_checks=False, right=True),
    ]
    rows = {row["threshold"]: row for row in threshold_table(EvalReport(orders=report_orders), (0.6, 0.9))}
    assert (rows[0.6]["accepted"], rows[0.6]["accepted_wrong"], rows[0.6]["right_but_reviewed"]) == (2, 1, 1)
    assert (rows[0.9]["accepted"], rows[0.9]["accepted_wrong"], rows[0.9]["touchless"]) == (
        1,
        0,
        pytest.approx(1 / 3),
    )


def test_eval_prints_and_writes_the_threshold_table(tmp_path: Path, settings: Settings):
    folder = tmp_path / "emails"
    folder.mkdir()
    shutil.copy(ORDER, folder / "order.eml")
    (folder / "order.expected.json").write_text("[]", encoding="utf-8")
    strict = settings.model_copy(update={"accept_threshold": 0.99})
    report = evaluate(folder, ref_dir=FIXTURE_REF, fallback_store=None, settings=strict)
    text = format_report(report)
    current = next(line for line in text.splitlines() if line.startswith("routing at the current settings"))
    assert "mode confident, threshold 0.99, first " in current
    assert current.endswith("orders held: touchless 0%, accepted-but-wrong 0")
    assert "*      0.99" in text
    # the message is labelled a non-order: accepting it at a low threshold would be an error
    figures = {row["threshold"]: row for row in json.loads(json.dumps(report_json(report)["thresholds"]))}
    assert list(figures) == list(THRESHOLDS)
    assert (figures[0.5]["accepted_wrong"], figures[0.99]["accepted_wrong"]) == (1, 0)
    assert "in automatic mode (held only by errors): touchless 100%, accepted-but-wrong 1" in text
