"""The customers' history on a trade's own catalogue (fixtures/history/hygiene, read against the hygiene
reference folder): the habit decides only what the wording leaves open, and says so; a quantity far
from habit is flagged."""

from __future__ import annotations

import pytest

from intake.ingest import ingest_file
from intake.reports.eval_report import OVERALL, modes_table
from intake.reports.evaluate import evaluate
from matchers import CatalogIndex
from models import HistoryRow, Settings, Store, load_reference_dir, read_reference_csv
from tests.paths import ROOT

SET = ROOT / "fixtures" / "history" / "hygiene"
REF = ROOT / "fixtures" / "blind" / "hygiene" / "ref"


@pytest.fixture(scope="module")
def reasons(tmp_path_factory) -> dict[str, set[str]]:
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('hygiene')}/h.db")
    load_reference_dir(store, REF)
    rows, errors = read_reference_csv(SET / "history.csv", HistoryRow)
    assert errors == []
    store.upsert_history(rows)
    index = CatalogIndex.build(store.load_reference())
    found = {}
    for path in sorted((SET / "emails").glob("*.eml")):
        outcome = ingest_file(store, path, index=index, settings=Settings(new_customer_orders=0))
        found[path.stem] = {r.code for order in outcome.result.orders for r in order.decision.reasons}
    return found


def test_every_order_is_read_right_and_none_accepted_wrong() -> None:
    report = evaluate(
        SET / "emails", ref_dir=REF, fallback_store=None, settings=Settings(), history=SET / "history.csv"
    )
    figures = report.tallies[OVERALL].figures()
    assert figures["exact_messages"] == 1.0 and figures["accepted_wrong"] == 0
    assert all(row["accepted_wrong"] == 0 for row in modes_table(report))


@pytest.mark.parametrize(
    "name",
    [
        "habit_bags_thickness_netazur_fr",
        "habit_bags_thickness_grandcerf_fr",
        "habit_glove_size_left_out_grandcerf_fr",
    ],
)
def test_an_article_the_habit_alone_chose_waits_for_a_clerk(reasons, name: str) -> None:
    assert "line_by_habit" in reasons[name]


@pytest.mark.parametrize(
    "name",
    [
        "habit_written_thickness_wins_netazur_fr",
        "habit_glove_size_written_netazur_fr",
        "habit_unit_says_the_carton_grandcerf_fr",
    ],
)
def test_a_wording_that_tells_the_twins_apart_owes_nothing_to_the_habit(reasons, name: str) -> None:
    assert not reasons[name] & {"line_by_habit", "line_ambiguous", "line_twin_untold"}


def test_a_quantity_far_from_habit_is_flagged(reasons) -> None:
    assert "quantity_unusual" in reasons["habit_far_quantity_netazur_fr"]
    assert "quantity_unusual" not in reasons["habit_bags_thickness_netazur_fr"]


def test_twins_a_customer_without_history_leaves_untold_are_held(reasons) -> None:
    assert reasons["habit_new_customer_no_history_fr"] & {"line_ambiguous", "line_twin_untold"}
