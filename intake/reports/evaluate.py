"""`intake eval`: run the pipeline on labelled messages and score it."""

from __future__ import annotations

import csv
import json
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from intake.ingest import Outcome, ingest_file
from intake.reports.eval_report import OVERALL, EvalReport, OrderOutcome
from intake.reports.scoring import Record, differences, pair_orders, ship_to_wrong
from intake.routing.decision import free_of_errors, passes_checks
from matchers import CatalogIndex
from models import (
    HistoryRow,
    IntakeError,
    Settings,
    Store,
    imported_order_counts,
    load_reference_dir,
    read_reference_csv,
)


def read_categories(folder: Path) -> dict[str, str]:
    index = folder / "INDEX.csv"
    if not index.exists():
        return {}
    with index.open(encoding="utf-8-sig", newline="") as handle:
        return {row["file"]: row.get("category") or "" for row in csv.DictReader(handle) if row.get("file")}


def evaluate(
    folder: Path,
    *,
    ref_dir: Path | None,
    fallback_store: Store | None,
    settings: Settings,
    on_progress: Callable[[int, int], None] | None = None,
    mature: bool = False,
    history: Path | None = None,
) -> EvalReport:
    """Score the pipeline on every `NAME.eml` of `folder` that has `NAME.expected.json`.

    The pipeline runs without the first-orders hold; its effect is then
    replayed (a clerk approves each held order, so a customer's first
    `new_customer_orders` orders are held): the tallies show the hold unless
    `mature`, and `modes_table` shows both. The customers' past orders
    (`history`, else `history.csv` of the reference folder) make them known:
    the replayed hold counts them, and the matcher ranks with their habits.
    """
    files = sorted(p for p in folder.glob("*.eml") if p.with_suffix(".expected.json").exists())
    if not files:
        raise IntakeError(f"{folder}: no NAME.eml with a NAME.expected.json beside it")
    categories = read_categories(folder)
    report = EvalReport(settings=settings, mature=mature, new_customer_orders=settings.new_customer_orders)
    settings = settings.model_copy(update={"new_customer_orders": 0})
    with tempfile.TemporaryDirectory(prefix="intake-eval-") as tmp:
        store = Store.open(f"sqlite:///{tmp}/eval.db")
        report.reference_problems = load_eval_reference(store, ref_dir, fallback_store, history)
        seen: Counter[str] = Counter(imported_order_counts(store))
        index = CatalogIndex.build(store.load_reference())
        for number, path in enumerate(files, start=1):
            expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
            outcome = ingest_file(store, path, index=index, settings=settings)
            predicted = (
                [o.record.model_dump(mode="json") for o in outcome.result.orders] if outcome.result else []
            )
            failed = outcome.state == "failed"
            outcomes = order_outcomes(outcome, predicted, expected)
            held = replay_hold(outcomes, seen, report.new_customer_orders)
            report.orders += outcomes
            if not mature:
                predicted = [
                    {**record, "status": "review"} if i in held else record
                    for i, record in enumerate(predicted)
                ]
            right = True
            for category in {OVERALL, categories.get(path.name, "")} - {""}:
                right = (
                    report.tally(category).add_message(path.name, predicted, expected, failed=failed)
                    and right
                )
            report.per_file.append(
                {
                    "file": path.name,
                    "category": categories.get(path.name, ""),
                    "right": right,
                    "error": outcome.error,
                    "predicted": predicted,
                    "expected": expected,
                }
            )
            if on_progress:
                on_progress(number, len(files))
    return report


def load_eval_reference(
    store: Store, ref_dir: Path | None, fallback: Store | None, history: Path | None
) -> list[str]:
    """The reference folder (or the fallback store's reference data), then the history file; the bad rows."""
    problems: list[str] = []
    if ref_dir is not None:
        problems += load_reference_dir(store, ref_dir)
    elif fallback is not None:
        reference = fallback.load_reference()
        store.upsert_products(reference.products)
        store.upsert_customers(reference.customers)
        store.upsert_customer_refs(reference.customer_refs)
    if history is not None:
        rows, errors = read_reference_csv(history, HistoryRow)
        store.upsert_history(rows)
        problems += [str(e) for e in errors]
    return problems


def order_outcomes(outcome: Outcome, predicted: list[Record], expected: list[Record]) -> list[OrderOutcome]:
    """Each predicted order's confidence, whether only the threshold could hold it, and if it is right."""
    if outcome.result is None:
        return []
    decisions = {
        id(record): order.decision for record, order in zip(predicted, outcome.result.orders, strict=True)
    }
    places = {id(record): i for i, record in enumerate(predicted)}
    return [
        _outcome(
            pred, differences(pred, exp), decisions[id(pred)], places[id(pred)], ship_to_wrong(pred, exp)
        )
        for pred, exp in pair_orders(predicted, expected)
        if pred is not None
    ]


def _outcome(pred: Record, wrong: list[str], decision: Any, place: int, elsewhere: bool) -> OrderOutcome:
    """One predicted order's outcome; `wrong` says what differs from the expected one (nothing: right)."""
    return OrderOutcome(
        confidence=decision.confidence,
        passes_checks=passes_checks(decision),
        free_of_errors=free_of_errors(decision),
        right=not wrong,
        differences=wrong,
        ship_to_wrong=elsewhere,
        accepted=pred.get("status") == "accepted",
        customer_id=pred.get("customer_id"),
        index=place,
    )


def replay_hold(outcomes: list[OrderOutcome], seen: Counter[str], limit: int) -> set[int]:
    """Mark the orders the first-orders hold keeps (a customer's first `limit`); their record places.

    Each held order is taken to be approved by a clerk, so every order counts
    towards its customer's `limit`, in the order the messages are read.
    """
    held = set()
    for order in sorted(outcomes, key=lambda o: o.index):
        if order.customer_id is None:
            continue
        order.held_as_new = seen[order.customer_id] < limit
        seen[order.customer_id] += 1
        if order.held_as_new:
            held.add(order.index)
    return held
