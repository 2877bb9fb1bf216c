"""`intake stats`: the order desk's figures (touchless rate, delays, review, exactness)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from intake.commands import enum_argument, load_settings, open_store

if TYPE_CHECKING:
    from intake.reports.kpis import KpiFigures, KpiReport, Timing

COLUMNS = [
    "", "orders", "touchless", "in review", "accept p50/p95 (touchless)", "accept p50/p95 (reviewed)",
    "review p50/p95", "fields fixed/order", "exact reviewed", "email to shipped p50/p95",
]  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    stats = sub.add_parser("stats", help="the order desk's figures from the store")
    stats.add_argument(
        "--by",
        type=enum_argument("intake.reports.kpis", "GroupBy"),
        metavar="{customer,channel,week}",
        help="one row per customer, channel or week",
    )
    stats.add_argument("--format", choices=["table", "json"], default="table")
    stats.set_defaults(handler=show_stats)


def show_stats(args: argparse.Namespace) -> int:
    import json

    from intake.reports.followup_kpis import followup_kpis, format_followups
    from intake.reports.kpis import kpi_report

    settings = load_settings()
    store = open_store(settings)
    report = kpi_report(store, by=args.by, timezone=settings.timezone)
    followups = followup_kpis(store)
    if args.format == "json":
        figures = report.model_dump(mode="json") | {"followups": followups.model_dump(mode="json")}
        print(json.dumps(figures, indent=2))
    else:
        print(format_report(report))
        if text := format_followups(followups):
            print(f"\n{text}")
    return 0


def _timing(value: Timing) -> str:
    from intake.reports.kpis import format_duration

    return f"{format_duration(value.p50)} / {format_duration(value.p95)}" if value.count else "-"


def row_cells(row: KpiFigures) -> list[str]:
    from intake.reports.kpis import format_rate

    corrections = "-" if row.corrections_per_reviewed is None else f"{row.corrections_per_reviewed:.1f}"
    return [
        row.key,
        str(row.orders),
        f"{format_rate(row.touchless_rate)} ({row.touchless})",
        str(row.in_review),
        _timing(row.accept_touchless),
        _timing(row.accept_reviewed),
        _timing(row.review_time),
        corrections,
        format_rate(row.exact_reviewed_rate),
        _timing(row.receipt_to_ship),
    ]


def format_report(report: KpiReport) -> str:
    """A plain-text table: the groups, then the overall row; then the most corrected fields."""
    table = [COLUMNS] + [row_cells(g) for g in report.groups] + [row_cells(report.overall)]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True)))
        for line in table
    ]
    if report.groups:
        lines.insert(len(lines) - 1, "-" * len(lines[0]))
    if report.corrected_fields:
        fields = ", ".join(f"{name} {count}" for name, count in list(report.corrected_fields.items())[:8])
        lines.append(f"most corrected fields: {fields}")
    return "\n".join(lines)
