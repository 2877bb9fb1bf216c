"""Charts of the order desk's figures as inline SVG: drawn on the server, no script, no CDN.

Horizontal bars (labels such as customer names stay readable), one or more
series per row. Every text is escaped; the output is a standalone <svg>.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from pydantic import BaseModel

from intake.kpis import GroupBy, KpiFigures, KpiReport, format_duration, format_rate

WIDTH, LABEL_WIDTH, VALUE_WIDTH, BAR_HEIGHT, GAP, TOP = 640, 170, 70, 14, 10, 34
COLOURS = ("#2f6db5", "#e08a1e", "#5a9e4b")


class Bar(BaseModel):
    label: str
    values: list[float | None]


class Chart(BaseModel):
    title: str
    svg: str


def bar_chart(
    title: str,
    bars: Sequence[Bar],
    series: Sequence[str],
    *,
    value_format: Callable[[float], str],
    max_value: float | None = None,
) -> str:
    """An SVG of horizontal bars, one group per row, one bar per series."""
    known = [v for bar in bars for v in bar.values if v is not None]
    top = max_value or max(known, default=0.0) or 1.0
    group_height = BAR_HEIGHT * len(series) + GAP
    height = TOP + group_height * max(len(bars), 1) + GAP
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
        'font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        *legend(series),
    ]
    if not bars:
        parts.append(f'<text x="{LABEL_WIDTH}" y="{TOP + 14}" fill="#777">no data yet</text>')
    for row, bar in enumerate(bars):
        y = TOP + row * group_height
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + group_height / 2:.1f}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(bar.label[:28])}</text>'
        )
        for index, value in enumerate(bar.values):
            parts += bar_rect(LABEL_WIDTH, y + index * BAR_HEIGHT, value, top, plot, index, value_format)
    parts.append("</svg>")
    return "\n".join(parts)


def legend(series: Sequence[str]) -> list[str]:
    if len(series) < 2:
        return []
    items, x = [], LABEL_WIDTH
    for index, name in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        items.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>')
        items.append(f'<text x="{x + 16}" y="18">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return items


def bar_rect(
    x: float,
    y: float,
    value: float | None,
    top: float,
    plot: float,
    index: int,
    value_format: Callable[[float], str],
) -> list[str]:
    colour = COLOURS[index % len(COLOURS)]
    if value is None:
        return [f'<text x="{x + 4}" y="{y + BAR_HEIGHT - 3}" fill="#999">-</text>']
    width = max(plot * min(value / top, 1.0), 1.0)
    return [
        f'<rect x="{x}" y="{y + 1}" width="{width:.1f}" height="{BAR_HEIGHT - 2}" fill="{colour}">'
        f"<title>{escape(value_format(value))}</title></rect>",
        f'<text x="{x + width + 4:.1f}" y="{y + BAR_HEIGHT - 3}">{escape(value_format(value))}</text>',
    ]


def _rows(report: KpiReport, limit: int = 20) -> list[KpiFigures]:
    rows = report.groups
    if report.by == GroupBy.WEEK:
        return rows[-limit:]  # the latest weeks
    return sorted(rows, key=lambda r: -r.orders)[:limit]  # the busiest customers or channels


def _fields(value: float) -> str:
    return f"{value:.1f}"


def _count(value: float) -> str:
    return f"{value:.0f}"


def english(_key: str, text: str) -> str:
    return text


def dashboard_charts(
    by_week: KpiReport,
    by_customer: KpiReport,
    by_channel: KpiReport,
    *,
    words: Callable[[str, str], str] = english,
) -> list[Chart]:
    """The dashboard's charts, from reports grouped by week, customer and channel.

    `words(key, english)` gives each title and series name in the reader's language.
    """
    weeks, customers, channels = _rows(by_week), _rows(by_customer), _rows(by_channel)
    fields = list(by_week.corrected_fields.items())[:12]
    # (key, English title, bars, series, value format, fixed maximum)
    specs: list[tuple[str, str, list[Bar], list[str], Callable[[float], str], float | None]] = [
        ("touchless_by_week", "Touchless rate by week",
         [Bar(label=r.key, values=[r.touchless_rate]) for r in weeks], ["touchless"], format_rate, 1.0),
        ("acceptance_by_week", "Receipt to acceptance by week (median)",
         [Bar(label=r.key, values=[r.accept_touchless.p50, r.accept_reviewed.p50]) for r in weeks],
         ["touchless", "reviewed"], format_duration, None),
        ("review_by_week", "Time in review by week (median, 95th percentile)",
         [Bar(label=r.key, values=[r.review_time.p50, r.review_time.p95]) for r in weeks],
         ["p50", "p95"], format_duration, None),
        ("corrections_by_customer", "Fields corrected per reviewed order, by customer",
         [Bar(label=r.key, values=[r.corrections_per_reviewed]) for r in customers], ["fields"], _fields, None),
        ("touchless_by_channel", "Touchless rate by channel",
         [Bar(label=f"{r.key} ({r.orders})", values=[r.touchless_rate]) for r in channels],
         ["touchless"], format_rate, 1.0),
        ("corrected_fields", "Most corrected fields", [Bar(label=name, values=[float(n)]) for name, n in fields],
         ["corrections"], _count, None),
    ]  # fmt: skip
    charts = []
    for key, title, bars, series, fmt, top in specs:
        shown = words(f"chart.{key}", title)
        names = [words(f"series.{name}", name) for name in series]
        charts.append(Chart(title=shown, svg=bar_chart(shown, bars, names, value_format=fmt, max_value=top)))
    return charts
