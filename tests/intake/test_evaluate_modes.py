"""The eval's side tables: the first-orders hold replayed, and the calibration by confidence."""

from __future__ import annotations

from collections import Counter

from intake.reports.eval_report import EvalReport, OrderOutcome, calibration_table, modes_table
from intake.reports.evaluate import replay_hold


def make_outcome(
    customer: str | None,
    *,
    right: bool = True,
    accepted: bool = True,
    confidence: float = 0.9,
    index: int = 0,
) -> OrderOutcome:
    return OrderOutcome(
        confidence=confidence,
        passes_checks=accepted,
        right=right,
        accepted=accepted,
        customer_id=customer,
        index=index,
    )


def test_the_hold_keeps_each_customers_first_orders_whatever_the_checks_said():
    seen: Counter[str] = Counter()
    first = [make_outcome("C1"), make_outcome("C2", index=1)]
    second = [make_outcome("C1", accepted=False), make_outcome("C1", index=1), make_outcome(None, index=2)]
    assert replay_hold(first, seen, 2) == {0, 1}
    assert replay_hold(second, seen, 2) == {0}
    assert [o.held_as_new for o in second] == [True, False, False]


def test_both_modes_side_by_side():
    report = EvalReport(new_customer_orders=1)
    report.orders = [make_outcome("C1"), make_outcome("C1", right=False), make_outcome("C2", accepted=False)]
    replay_hold(report.orders[:1], Counter(), 1)
    held, mature = modes_table(report)
    assert (held["accepted"], held["accepted_wrong"], held["right_but_reviewed"]) == (1, 1, 2)
    assert (mature["accepted"], mature["accepted_wrong"], mature["right_but_reviewed"]) == (2, 1, 1)
    assert mature["touchless"] == 2 / 3


def test_calibration_counts_the_exact_share_per_confidence_bucket():
    report = EvalReport()
    report.orders = [
        make_outcome("C1", confidence=0.97),
        make_outcome("C1", confidence=1.0, right=False),
        make_outcome("C1", confidence=0.55),
    ]
    rows = {row["from"]: row for row in calibration_table(report)}
    assert (rows[0.95]["orders"], rows[0.95]["exact"], rows[0.95]["share_exact"]) == (2, 1, 0.5)
    assert rows[0.5]["share_exact"] == 1.0
    assert rows[0.0]["orders"] == 0 and rows[0.0]["share_exact"] is None
