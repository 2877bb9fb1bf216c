"""What `intake eval` reports: the figures per category, the routing tables and their text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from intake.reports.scoring import Tally
from models import Settings

OVERALL = "overall"


@dataclass
class OrderOutcome:
    """One predicted order, as the threshold table needs it."""

    confidence: float
    passes_checks: bool  # nothing but the threshold could hold it
    right: bool
    free_of_errors: bool = True  # what `automatic` mode accepts
    accepted: bool = False  # accepted without the first-orders hold
    held_as_new: bool = False  # one of its customer's first orders: the hold would keep it
    customer_id: str | None = None
    index: int = 0  # its place among the message's predicted records
    differences: list[str] = field(default_factory=list)  # what makes it wrong
    ship_to_wrong: bool = False  # it goes to another address than the expected one


@dataclass
class EvalReport:
    tallies: dict[str, Tally] = field(default_factory=dict)
    per_file: list[dict[str, Any]] = field(default_factory=list)
    orders: list[OrderOutcome] = field(default_factory=list)
    settings: Settings | None = None
    mature: bool = False  # the tallies are without the first-orders hold
    new_customer_orders: int = 0  # the hold's length when it applies
    reference_problems: list[str] = field(default_factory=list)  # bad rows of the reference and history

    def tally(self, category: str) -> Tally:
        return self.tallies.setdefault(category, Tally())


THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99)


COLUMNS = [
    ("messages", "msgs", "{:d}"),
    ("order_detection", "order?", "{:.0%}"),
    ("customer", "customer", "{:.0%}"),
    ("po_number", "PO", "{:.0%}"),
    ("delivery_date", "delivery", "{:.0%}"),
    ("ship_to", "ship-to", "{:.0%}"),
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
        f"= {overall.accepted_wrong}{what_differs(overall.accepted_wrong_kinds)}"
    )
    automatic = automatic_figures(report)
    lines.append(
        f"accepted with a wrong ship-to: {overall.accepted_ship_to_wrong} at the current settings, "
        f"{automatic['accepted_ship_to_wrong']} in automatic mode"
    )
    lines += ["", format_thresholds(report), "", format_calibration(report), "", format_modes(report)]
    return "\n".join(lines)


def report_json(report: EvalReport) -> dict[str, Any]:
    """The figures, the threshold table and each file's records, for --json."""
    return {
        "categories": {name: tally.figures() for name, tally in report.tallies.items()},
        "thresholds": threshold_table(report),
        "automatic": automatic_figures(report),
        "calibration": calibration_table(report),
        "modes": modes_table(report),
        "mature": report.mature,
        "files": report.per_file,
    }


def modes_table(report: EvalReport) -> list[dict[str, Any]]:
    """Touchless and accepted-but-wrong with the first-orders hold and without it, side by side."""
    total = len(report.orders)
    rows = []
    for mode, accepted in (
        (
            f"first {report.new_customer_orders} orders of a customer held",
            lambda o: o.accepted and not o.held_as_new,
        ),
        ("mature (no first-orders hold)", lambda o: o.accepted),
    ):
        taken = [o for o in report.orders if accepted(o)]
        rows.append(
            {
                "mode": mode,
                "accepted": len(taken),
                "touchless": len(taken) / total if total else 0.0,
                "accepted_wrong": sum(not o.right for o in taken),
                "right_but_reviewed": sum(o.right and not accepted(o) for o in report.orders),
            }
        )
    return rows


CALIBRATION_BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


def calibration_table(
    report: EvalReport, buckets: tuple[float, ...] = CALIBRATION_BUCKETS
) -> list[dict[str, Any]]:
    """Per confidence bucket: how many orders and the share of them exactly right."""
    rows = []
    for low, high in zip(buckets, [*buckets[1:], 1.000001], strict=True):
        inside = [o for o in report.orders if low <= o.confidence < high]
        right = sum(o.right for o in inside)
        rows.append(
            {
                "from": low,
                "to": min(high, 1.0),
                "orders": len(inside),
                "exact": right,
                "share_exact": right / len(inside) if inside else None,
            }
        )
    return rows


def format_modes(report: EvalReport) -> str:
    lines = [
        "with and without the first-orders hold (a clerk approves each held order):",
        "  mode                                        accepted  touchless  acc.wrong  right but reviewed",
    ]
    for row in modes_table(report):
        lines.append(
            f"  {row['mode']:<42}  {row['accepted']:8d}  {row['touchless']:9.0%}  "
            f"{row['accepted_wrong']:9d}  {row['right_but_reviewed']:18d}"
        )
    return "\n".join(lines)


def format_calibration(report: EvalReport) -> str:
    lines = [
        "calibration: orders by confidence, and the share of them exactly right",
        "  confidence    orders  exact  share exact",
    ]
    for row in calibration_table(report):
        share = "-" if row["share_exact"] is None else f"{row['share_exact']:.0%}"
        lines.append(
            f"  {row['from']:.2f}-{row['to']:.2f}  {row['orders']:8d}  {row['exact']:5d}  {share:>11}"
        )
    return "\n".join(lines)


def threshold_table(report: EvalReport, thresholds: tuple[float, ...] = THRESHOLDS) -> list[dict[str, Any]]:
    """In `confident` mode at each threshold: the touchless rate and the accepted-but-wrong count.

    Without the first-orders hold: the figures say what the checks and the threshold do.
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
        f"threshold {settings.accept_threshold:.2f}, "
        + (
            "mature (no first-orders hold)"
            if report.mature
            else f"first {report.new_customer_orders} orders held"
        )
        + f": touchless {current.get('touchless', 0):.0%}, "
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
        f"{what_differs(automatic['accepted_wrong_kinds'])}"
    )
    return "\n".join(lines)


def what_differs(kinds: dict[str, int]) -> str:
    """' (what differs: quantity 1, PO 1)', or nothing when nothing accepted was wrong.

    The kinds of fault that got through, without naming a message: a frozen
    set's aggregate says which check is missing without opening it.
    """
    if not kinds:
        return ""
    return " (what differs: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) + ")"


def automatic_figures(report: EvalReport) -> dict[str, Any]:
    """What `automatic` mode would accept: every order no error holds, whatever its confidence."""
    accepted = [o for o in report.orders if o.free_of_errors]
    return {
        "accepted": len(accepted),
        "touchless": len(accepted) / len(report.orders) if report.orders else 0.0,
        "accepted_wrong": sum(not o.right for o in accepted),
        "accepted_wrong_kinds": dict(Counter(kind for o in accepted for kind in o.differences)),
        "accepted_ship_to_wrong": sum(o.ship_to_wrong for o in accepted),
    }
