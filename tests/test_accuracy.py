"""The accuracy floors the project promises, measured as `intake eval` measures them."""

from __future__ import annotations

import pytest

from intake.reports.eval_report import THRESHOLDS, automatic_figures, threshold_table
from intake.reports.evaluate import evaluate
from models import Settings
from tests.paths import FIXTURES, SAMPLES


@pytest.fixture(scope="module")
def sample_report():
    return evaluate(
        SAMPLES / "emails", ref_dir=SAMPLES / "ref", fallback_store=None, settings=Settings(), mature=True
    )


@pytest.fixture(scope="module")
def fixture_report():
    return evaluate(
        FIXTURES, ref_dir=FIXTURES.parent / "ref", fallback_store=None, settings=Settings(), mature=True
    )


def test_sample_bodies_are_read_exactly(sample_report):
    body = [sample_report.tallies[c] for c in ("plain", "reply", "html")]
    exact = sum(t.exact for t in body) / sum(t.messages for t in body)
    assert exact >= 0.9


def test_sample_customers_and_lines(sample_report):
    overall = sample_report.tallies["overall"].figures()
    assert overall["customer"] == 1.0
    assert overall["line_f1"] >= 0.95
    assert overall["order_detection"] == 1.0


@pytest.mark.parametrize("report_name", ["sample_report", "fixture_report"])
def test_nothing_wrong_is_accepted(report_name, request):
    report = request.getfixturevalue(report_name)
    overall = report.tallies["overall"].figures()
    assert overall["accepted_wrong"] == 0
    assert overall["touchless"] > 0.25  # the safe share still goes through untouched


@pytest.mark.parametrize("report_name", ["sample_report", "fixture_report"])
def test_nothing_wrong_is_accepted_in_any_mode_without_the_first_orders_hold(report_name, request):
    report = request.getfixturevalue(report_name)
    assert automatic_figures(report)["accepted_wrong"] == 0
    assert [row["accepted_wrong"] for row in threshold_table(report)] == [0] * len(THRESHOLDS)
