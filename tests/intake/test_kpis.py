"""The order desk's figures on rows with known timings, computed by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from intake.reports.kpis import (
    GroupBy,
    KpiReport,
    build_report,
    changed_fields,
    iso_week,
    kpi_report,
    order_facts,
    percentile,
)
from models import Store
from tests.factories.rows import make_rows


def report(by: GroupBy | None = None) -> KpiReport:
    orders, received, events, _ = make_rows()
    return build_report(order_facts(orders, received, events), by=by)


def test_overall_figures_match_the_hand_computed_values() -> None:
    overall = report().overall
    assert (overall.orders, overall.touchless, overall.reviewed, overall.in_review, overall.rejected) == (
        6,
        2,
        3,
        1,
        1,
    )
    assert overall.touchless_rate == pytest.approx(1 / 3)
    assert (overall.accept_touchless.p50, overall.accept_touchless.p95) == pytest.approx((120, 174))
    assert (overall.accept_reviewed.p50, overall.accept_reviewed.p95) == pytest.approx((5415, 7021.5))
    assert (overall.review_time.p50, overall.review_time.p95) == pytest.approx((3600, 6840))
    assert overall.corrections_per_reviewed == pytest.approx(4 / 3)
    assert overall.exact_reviewed_rate == pytest.approx(1 / 3)


def test_most_corrected_fields() -> None:
    assert report().corrected_fields == {"customer_id": 1, "lines.added": 1, "lines.sku": 1, "po_number": 1}


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        pytest.param(GroupBy.WEEK, {"2026-W48": (3, 2 / 3), "2026-W49": (3, 0.0)}, id="week"),
        pytest.param(
            GroupBy.CUSTOMER, {"(unknown)": (1, 0.0), "A": (3, 2 / 3), "B": (2, 0.0)}, id="customer"
        ),
        pytest.param(
            GroupBy.CHANNEL, {"email": (4, 0.25), "pdf": (1, 1.0), "spreadsheet": (1, 0.0)}, id="channel"
        ),
    ],
)
def test_grouped_figures(by: GroupBy, expected: dict[str, tuple[int, float]]) -> None:
    groups = {g.key: (g.orders, round(g.touchless_rate or 0, 4)) for g in report(by).groups}
    assert groups == {key: (n, round(rate, 4)) for key, (n, rate) in expected.items()}


def test_week_group_timings() -> None:
    week49 = next(g for g in report(GroupBy.WEEK).groups if g.key == "2026-W49")
    assert week49.accept_reviewed.p50 == 7200 and week49.accept_reviewed.count == 1
    assert (week49.review_time.p50, week49.corrections_per_reviewed) == (4500, 0.5)


def test_the_store_gives_the_same_report(store: Store) -> None:
    orders, _, events, messages = make_rows()
    with store.session() as session:
        session.add_all(messages)
        session.flush()
        session.add_all(orders)
        session.flush()
        session.add_all(events)
        session.commit()
    assert kpi_report(store, by=GroupBy.WEEK) == report(GroupBy.WEEK)


def test_no_orders_gives_empty_figures() -> None:
    empty = build_report([], by=GroupBy.CUSTOMER)
    assert (empty.overall.orders, empty.overall.touchless_rate, empty.groups) == (0, None, [])


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        pytest.param([], 0.5, None, id="empty"),
        pytest.param([7.0], 0.95, 7.0, id="one"),
        pytest.param([4.0, 1.0, 3.0, 2.0], 0.5, 2.5, id="even-median"),
        pytest.param([10.0, 20.0, 30.0], 0.95, 29.0, id="interpolated"),
    ],
)
def test_percentile(values: list[float], fraction: float, expected: float | None) -> None:
    assert percentile(values, fraction) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        pytest.param({"po_number": "A"}, {"po_number": " A "}, [], id="spaces-are-no-change"),
        pytest.param({"ship_to": ""}, {"ship_to": None}, [], id="blank-is-none"),
        pytest.param(
            {"lines": [{"line_no": 1, "quantity": 2}]}, {"lines": []}, ["lines.removed"], id="line-removed"
        ),
        pytest.param(
            {"lines": [{"line_no": 1, "sku": "A", "unit": "pce"}]},
            {"lines": [{"line_no": 1, "sku": "B", "unit": "carton"}]},
            ["lines.sku", "lines.unit"],
            id="two-fields-of-a-line",
        ),
        pytest.param({"status": "review", "locked_by": "x"}, {"status": "accepted"}, [], id="workflow-only"),
        pytest.param(
            {"address": {"city": "Pau"}}, {"address": {"city": "Tarbes"}}, ["address.city"], id="nested"
        ),
    ],
)
def test_changed_fields(before: dict[str, Any], after: dict[str, Any], expected: list[str]) -> None:
    assert changed_fields(before, after) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [pytest.param("UTC", "2026-W48", id="utc"), pytest.param("Europe/Paris", "2026-W49", id="paris")],
)
def test_weeks_follow_the_desk_time_zone(zone: str, expected: str) -> None:
    sunday_night = dt.datetime(2026, 11, 29, 23, 30, tzinfo=dt.UTC)
    assert iso_week(sunday_night, ZoneInfo(zone)) == expected
