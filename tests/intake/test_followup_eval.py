"""The follow-up fixtures end to end: orders ingested, then each follow-up classified, linked, diffed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.reports.followup_eval import (
    FollowupReport,
    evaluate_followups,
    format_followups,
    is_followup_part,
)
from models import Settings

DEV = Path(__file__).parents[2] / "fixtures" / "followups-dev"
NAMES = sorted(p.name for p in (DEV / "open").glob("*.eml"))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> FollowupReport:
    settings = Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('s')}/x.db")
    return evaluate_followups(DEV / "open", ref_dir=DEV / "ref", settings=settings)


def test_the_dev_set_covers_every_kind_and_way_of_linking() -> None:
    labels = [json.loads(p.read_text(encoding="utf-8")) for p in (DEV / "open").glob("*.followup.json")]
    assert len(labels) >= 15
    kinds = {"change", "cancellation", "replacement", "return", "delivery_question", "new_order", "other"}
    assert {label["kind"] for label in labels} == kinds
    assert {label["link_by"] for label in labels} == {
        "po",
        "thread",
        "lines",
        "recent",
        "none",
        "delivery_note",
    }


def test_the_orders_read_exactly(report: FollowupReport) -> None:
    assert report.orders.figures()["exact_messages"] == 1.0


@pytest.mark.parametrize("name", NAMES)
def test_each_followup_is_classified_linked_and_diffed(report: FollowupReport, name: str) -> None:
    scored = next(item for item in report.per_file if item["file"] == name)
    assert scored["kind"] == scored["expected_kind"], scored
    assert scored["link_right"] is not False, scored
    assert scored["diff_right"] is not False, scored
    assert scored["accepted_wrong"] == 0, scored


def test_nothing_is_applied_without_a_certain_link(report: FollowupReport) -> None:
    by_file = {item["file"]: item for item in report.per_file}
    labels = {
        p.name.replace(".followup.json", ".eml"): json.loads(p.read_text(encoding="utf-8"))
        for p in (DEV / "open").glob("*.followup.json")
    }
    applied = [name for name, item in by_file.items() if item["auto_applied"]]
    assert applied, "certain changes and cancellations are applied"
    assert all(labels[name]["link_by"] in ("po", "thread", "delivery_note") for name in applied)


def test_the_table_shows_kind_link_and_diff_beside_the_orders(report: FollowupReport) -> None:
    table = format_followups(report)
    assert table.startswith("orders: 8 messages")
    assert "kind" in table and "link" in table and "diff" in table
    assert is_followup_part(DEV / "open") and not is_followup_part(DEV / "orders")
