"""`intake eval`: run the pipeline on labelled messages and score it."""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.ingest import Outcome, ingest_file
from intake.reports.scoring import Record, Tally, order_is_right, pair_orders
from intake.routing.decision import free_of_errors, passes_checks
from matchers import CatalogIndex
from models import IntakeError, Settings, Store, load_reference_dir

OVERALL = "overall"


@dataclass
class OrderOutcome:
    """One predicted order, as the threshold table needs it."""

    confidence: float
    passes_checks: bool  # nothing but the threshold could hold it
    right: bool
    free_of_errors: bool = True  # what `automatic` mode accepts


@dataclass
class EvalReport:
    tallies: dict[str, Tally] = field(default_factory=dict)
    per_file: list[dict[str, Any]] = field(default_factory=list)
    orders: list[OrderOutcome] = field(default_factory=list)
    settings: Settings | None = None

    def tally(self, category: str) -> Tally:
        return self.tallies.setdefault(category, Tally())


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
) -> EvalReport:
    """Score the pipeline on every `NAME.eml` of `folder` that has `NAME.expected.json`."""
    files = sorted(p for p in folder.glob("*.eml") if p.with_suffix(".expected.json").exists())
    if not files:
        raise IntakeError(f"{folder}: no NAME.eml with a NAME.expected.json beside it")
    categories = read_categories(folder)
    # The temporary store has no history, and the labels judge each message as
    # from an established customer: a new customer's probation would hold them all.
    settings = settings.model_copy(update={"new_customer_orders": 0})
    report = EvalReport(settings=settings)
    with tempfile.TemporaryDirectory(prefix="intake-eval-") as tmp:
        store = Store.open(f"sqlite:///{tmp}/eval.db")
        if ref_dir is not None:
            load_reference_dir(store, ref_dir)
        elif fallback_store is not None:
            reference = fallback_store.load_reference()
            store.upsert_products(reference.products)
            store.upsert_customers(reference.customers)
            store.upsert_customer_refs(reference.customer_refs)
        index = CatalogIndex.build(store.load_reference())
        for number, path in enumerate(files, start=1):
            expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
            outcome = ingest_file(store, path, index=index, settings=settings)
            predicted = (
                [o.record.model_dump(mode="json") for o in outcome.result.orders] if outcome.result else []
            )
            failed = outcome.state == "failed"
            report.orders += order_outcomes(outcome, predicted, expected)
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


COLUMNS = [
    ("messages", "msgs", "{:d}"),
    ("order_detection", "order?", "{:.0%}"),
    ("customer", "customer", "{:.0%}"),
    ("po_number", "PO", "{:.0%}"),
    ("delivery_date", "delivery", "{:.0%}"),
    ("line_precision", "line P", "{:.1%}"),
    ("line_recall", "line R", "{:.1%}"),
    ("line_f1", "line F1", "{:.1%}"),
    ("exact_messages", "exact", "{:.0%}"),
    ("touchless", "touchless", "{:.0%}"),
    ("accepted_wrong", "acc.wrong", "{:d}"),
]


def format_report(report: EvalReport) -> str:
    """The figures as an aligned table: one row per category, overall last."""
    names = [*sorted(k for k in report.tallies if k != OVERALL), OVERALL]
    header = ["category"] + [label for _, label, _ in COLUMNS]
    rows = [header]
    for name in names:
        figures = report.tallies[name].figures()
        rows.append([name] + [fmt.format(figures[key]) for key, _, fmt in COLUMNS])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    overall = report.tallies[OVERALL]
    wrong = overall.wrong_files
    lines.append("")
    lines.append(f"not exactly right ({len(wrong)}): {', '.join(wrong) if wrong else 'none'}")
    lines.append(
        "accepted-but-wrong: orders that reached the clean table without review and are not right "
        f"= {overall.accepted_wrong}"
    )
    lines += ["", format_thresholds(report)]
    return "\n".join(lines)


def report_json(report: EvalReport) -> dict[str, Any]:
    """The figures, the threshold table and each file's records, for --json."""
    return {
        "categories": {name: tally.figures() for name, tally in report.tallies.items()},
        "thresholds": threshold_table(report),
        "automatic": automatic_figures(report),
        "files": report.per_file,
    }


THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99)


def order_outcomes(outcome: Outcome, predicted: list[Record], expected: list[Record]) -> list[OrderOutcome]:
    """Each predicted order's confidence, whether only the threshold could hold it, and if it is right."""
    if outcome.result is None:
        return []
    decisions = {
        id(record): order.decision for record, order in zip(predicted, outcome.result.orders, strict=True)
    }
    return [
        OrderOutcome(
            confidence=decisions[id(pred)].confidence,
            passes_checks=passes_checks(decisions[id(pred)]),
            free_of_errors=free_of_errors(decisions[id(pred)]),
            right=exp is not None and order_is_right(pred, exp),
        )
        for pred, exp in pair_orders(predicted, expected)
        if pred is not None
    ]


def threshold_table(report: EvalReport, thresholds: tuple[float, ...] = THRESHOLDS) -> list[dict[str, Any]]:
    """In `confident` mode at each threshold: the touchless rate and the accepted-but-wrong count.

    Read from each order's confidence and checks, without running the pipeline again.
    """
    total = len(report.orders)
    rows = []
    for threshold in thresholds:
        accepted = [o for o in report.orders if o.passes_checks and o.confidence >= threshold]
        rows.append(
            {
                "threshold": threshold,
                "accepted": len(accepted),
                "touchless": len(accepted) / total if total else 0.0,
                "accepted_wrong": sum(not o.right for o in accepted),
                "right_but_reviewed": sum(o.right for o in report.orders if o not in accepted),
            }
        )
    return rows


def format_thresholds(report: EvalReport) -> str:
    """The threshold table, with the current settings' row marked."""
    settings = report.settings or Settings()
    current = report.tallies[OVERALL].figures() if OVERALL in report.tallies else {}
    lines = [
        f"routing at the current settings: mode {settings.routing_mode.value}, "
        f"threshold {settings.accept_threshold:.2f}: touchless {current.get('touchless', 0):.0%}, "
        f"accepted-but-wrong {current.get('accepted_wrong', 0)}",
        "",
        "in confident mode, by threshold (orders: "
        f"{len(report.orders)}, passing every check: {sum(o.passes_checks for o in report.orders)})",
        "  threshold  accepted  touchless  acc.wrong  right but reviewed",
    ]
    for row in threshold_table(report):
        mark = "*" if abs(row["threshold"] - settings.accept_threshold) < 1e-9 else " "
        lines.append(
            f"{mark} {row['threshold']:9.2f}  {row['accepted']:8d}  {row['touchless']:9.0%}  "
            f"{row['accepted_wrong']:9d}  {row['right_but_reviewed']:18d}"
        )
    automatic = automatic_figures(report)
    lines.append(
        f"in automatic mode (held only by errors): touchless {automatic['touchless']:.0%}, "
        f"accepted-but-wrong {automatic['accepted_wrong']}"
    )
    return "\n".join(lines)


def automatic_figures(report: EvalReport) -> dict[str, Any]:
    """What `automatic` mode would accept: every order no error holds, whatever its confidence."""
    accepted = [o for o in report.orders if o.free_of_errors]
    return {
        "accepted": len(accepted),
        "touchless": len(accepted) / len(report.orders) if report.orders else 0.0,
        "accepted_wrong": sum(not o.right for o in accepted),
    }
