"""The customers' history in routing and in `intake eval`: a habit's choice waits for a clerk, a customer
with history is not new, and a labelled set's history file is read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from intake.ingest import ingest_file
from intake.reports.eval_report import OVERALL, modes_table
from intake.reports.evaluate import evaluate
from intake.routing.checks import CheckContext
from intake.routing.checks.lines import check_lines_matched
from matchers import CatalogIndex
from models import Candidate, Evidence, Settings, Severity, Store, load_reference_dir
from tests.factories.pipeline import make_line, make_matched_order, make_parsed
from tests.paths import ROOT

GARDEN = ROOT / "fixtures" / "history"


def test_an_article_chosen_by_habit_alone_is_an_error() -> None:
    habit = Evidence(kind="habit_decides", detail="ordered 5 times by this customer", weight=0.1)
    candidates = [
        Candidate(key="VIS-440-200", score=1.0, evidence=[habit]),
        Candidate(key="VIS-440-500", score=0.99),
    ]
    line = make_line("VIS-440-200", score=0.7, margin=0.0, candidates=candidates)
    reasons = check_lines_matched(CheckContext(parsed=make_parsed(), matched=make_matched_order([line])))
    assert [(r.code, r.severity) for r in reasons] == [("line_by_habit", Severity.ERROR)]
    assert "VIS-440-200 is the one this customer usually orders" in reasons[0].message


def test_the_habit_s_word_alone_is_no_reason() -> None:
    habit = Evidence(kind="habit", detail="ordered 5 times by this customer", weight=0.1)
    candidates = [
        Candidate(key="VIS-440-200", score=1.0, evidence=[habit]),
        Candidate(key="VIS-440-500", score=0.85),
    ]
    line = make_line("VIS-440-200", score=1.0, margin=0.15, candidates=candidates)
    assert check_lines_matched(CheckContext(parsed=make_parsed(), matched=make_matched_order([line]))) == []


@pytest.fixture(scope="module")
def garden_report():
    settings = Settings(new_customer_orders=2)
    return evaluate(GARDEN / "emails", ref_dir=GARDEN / "ref", fallback_store=None, settings=settings)


def test_near_twins_are_decided_by_each_customer_s_habit_and_nothing_wrong_is_accepted(garden_report) -> None:
    figures = garden_report.tallies[OVERALL].figures()
    assert figures["exact_messages"] == 1.0 and figures["accepted_wrong"] == 0
    assert all(row["accepted_wrong"] == 0 for row in modes_table(garden_report))


def test_only_the_customer_without_history_is_held_as_new(garden_report) -> None:
    held = {o.customer_id for o in garden_report.orders if o.held_as_new}
    assert held == {"J003"}


def test_eval_reads_a_history_file_given_apart(tmp_path: Path) -> None:
    ref = tmp_path / "ref"
    shutil.copytree(GARDEN / "ref", ref)
    (ref / "history.csv").rename(tmp_path / "past.csv")
    settings = Settings(new_customer_orders=2)
    without = evaluate(GARDEN / "emails", ref_dir=ref, fallback_store=None, settings=settings)
    given = evaluate(
        GARDEN / "emails", ref_dir=ref, fallback_store=None, settings=settings, history=tmp_path / "past.csv"
    )
    assert without.tallies[OVERALL].figures()["exact_messages"] < 1.0
    assert {o.customer_id for o in without.orders if o.held_as_new} == {"J001", "J002", "J003"}
    assert given.tallies[OVERALL].figures()["exact_messages"] == 1.0 and given.reference_problems == []


@pytest.mark.parametrize(
    ("name", "new"),
    [
        pytest.param("habit_known_customer_codes_vexin_fr.eml", False, id="customer-with-history"),
        pytest.param("habit_new_customer_no_history_fr.eml", True, id="customer-without-history"),
    ],
)
def test_the_pipeline_holds_as_new_only_a_customer_without_history(
    tmp_path: Path, name: str, new: bool
) -> None:
    store = Store.open(f"sqlite:///{tmp_path}/garden.db")
    load_reference_dir(store, GARDEN / "ref")
    index = CatalogIndex.build(store.load_reference())
    outcome = ingest_file(
        store, GARDEN / "emails" / name, index=index, settings=Settings(new_customer_orders=2)
    )
    codes = {r.code for order in outcome.result.orders for r in order.decision.reasons}
    assert ("new_customer" in codes) is new
