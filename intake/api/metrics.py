"""Prometheus metrics, read from the store at each scrape.

Every daemon, UI and API process shares one store, so the figures come from
it rather than from in-process counters: any API process gives the same
answer, and nothing is lost when a process restarts. The text format is
Prometheus' exposition format 0.0.4 (gauges only, labels escaped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from intake.reports.kpis import percentile
from models.gauges import StoreFigures, store_figures
from models.store import Store
from models.tables import MessageState, utcnow

LATENCY_WINDOW = dt.timedelta(hours=24)
QUANTILES = (0.5, 0.95)


@dataclass
class Metric:
    name: str
    help: str
    kind: str = "gauge"
    samples: list[tuple[dict[str, str], float]] = field(default_factory=list)


def collect(store: Store, *, now: dt.datetime | None = None) -> list[Metric]:
    """Messages by state, orders by status, queue depths, stage latencies of the last 24 h."""
    now = now or utcnow()
    figures = store_figures(store, now - LATENCY_WINDOW)
    messages, orders = figures.messages, figures.orders
    queues = _queues(figures)
    latencies = {
        "received_to_processed": _seconds(figures.processed),
        "received_to_accepted": _seconds(figures.accepted),
    }
    return [
        Metric("intake_messages", "Stored messages by state", samples=_labelled("state", messages)),
        Metric("intake_orders", "Orders by status", samples=_labelled("status", orders)),
        Metric("intake_queue_depth", "Work waiting, by queue", samples=_labelled("queue", queues)),
        Metric(
            "intake_stage_latency_seconds",
            "Stage latencies over the last 24 h (quantiles)",
            kind="summary",
            samples=[
                ({"stage": stage, "quantile": str(q)}, value)
                for stage, values in latencies.items()
                for q in QUANTILES
                if (value := percentile(values, q)) is not None
            ],
        ),
    ]


def _queues(figures: StoreFigures) -> dict[str, int]:
    return {
        "unprocessed": figures.messages.get(MessageState.RECEIVED, 0),
        "review": figures.open_review,
        "webhooks": figures.webhooks_waiting,
        "webhooks_failed": figures.webhooks_failed,
        "outbox": figures.outbox_waiting,
    }


def _seconds(pairs: Iterable[tuple[dt.datetime | None, dt.datetime | None]]) -> list[float]:
    return [(_aware(end) - _aware(start)).total_seconds() for start, end in pairs if start and end]


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _labelled(label: str, values: dict[str, int]) -> list[tuple[dict[str, str], float]]:
    return [({label: key}, float(count)) for key, count in sorted(values.items())]


def exposition(metrics: list[Metric]) -> str:
    """The metrics in Prometheus' text format."""
    lines: list[str] = []
    for metric in metrics:
        lines += [f"# HELP {metric.name} {metric.help}", f"# TYPE {metric.name} {metric.kind}"]
        for labels, value in metric.samples:
            inside = ",".join(f'{k}="{_escape(v)}"' for k, v in labels.items())
            lines.append(f"{metric.name}{{{inside}}} {value:g}")
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
