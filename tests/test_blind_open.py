"""Floors on the open parts of the blind corpora: what reading learned there stays learned.

The frozen parts are never read by a test (their figures are taken by hand, in
aggregate, for a report); the open parts are the ones fixes were shaped on, so a
change that loses what they taught fails here. Accepted-but-wrong is counted
without the first-orders hold, in every routing mode and threshold.
"""

from __future__ import annotations

import pytest

from intake.reports.eval_report import THRESHOLDS, automatic_figures, threshold_table
from intake.reports.evaluate import evaluate
from models import Settings
from tests.paths import ROOT

# (folder, its ref/, the share of messages read exactly at least): a few points under
# today's figures, so that a rule change that trades one shape for another shows.
PARTS = [
    ("blind/electrical/open", "blind/electrical/ref", 0.55),
    ("blind/foodservice/open", "blind/foodservice/ref", 0.74),
    ("blind/office/open", "blind/office/ref", 0.65),
    ("blind/hygiene/open", "blind/hygiene/ref", 0.84),
    ("blind/autoparts/open", "blind/autoparts/ref", 0.78),
    ("blind/workwear/open", "blind/workwear/ref", 0.65),
    ("erp/open", "erp/ref", 0.95),
    ("erp/open-scanned", "erp/ref", 0.75),
    # messages written to be accepted wrong (fixtures/make_safety.py): the zero is what counts
    ("safety/open", "safety/ref", 0.38),
]


@pytest.fixture(scope="module", params=PARTS, ids=[p[0] for p in PARTS])
def part(request: pytest.FixtureRequest):
    folder, ref, floor = request.param
    fixtures = ROOT / "fixtures"
    report = evaluate(
        fixtures / folder,
        ref_dir=fixtures / ref,
        fallback_store=None,
        settings=Settings(new_customer_orders=0),
    )
    return report, floor


def test_the_open_part_is_read_at_least_as_well_as_before(part):
    report, floor = part
    assert report.tallies["overall"].figures()["exact_messages"] >= floor


def test_nothing_wrong_is_accepted_in_any_mode(part):
    report, _ = part
    assert report.tallies["overall"].figures()["accepted_wrong"] == 0
    assert automatic_figures(report)["accepted_wrong"] == 0
    assert [row["accepted_wrong"] for row in threshold_table(report)] == [0] * len(THRESHOLDS)


def test_the_parts_exist():
    for folder, ref, _ in PARTS:
        assert any((ROOT / "fixtures" / folder).glob("*.eml")), folder
        assert (ROOT / "fixtures" / ref / "products.csv").is_file(), ref
