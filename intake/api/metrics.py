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

from sqlmodel import Session, col, func, select

from intake.reports.kpis import percentile
from models import OrderStatus, Store
from models.tables import (
    DeliveryState,
    Message,
    MessageState,
    Order,
    OutboxMail,
    OutboxState,
    ReviewItem,
    ReviewItemState,
    WebhookDelivery,
    utcnow,
)

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
    with store.session() as session:
        messages = _counts(session, Message.state)
        orders = _counts(session, Order.status)
        queues = {
            "unprocessed": messages.get(MessageState.RECEIVED, 0),
            "review": _count(session, select(func.count()).where(ReviewItem.state == ReviewItemState.OPEN)),
            "webhooks": _count(
                session,
                select(func.count()).where(
                    col(WebhookDelivery.state).in_([DeliveryState.PENDING, DeliveryState.SENDING])
                ),
            ),
            "webhooks_failed": _count(
                session, select(func.count()).where(WebhookDelivery.state == DeliveryState.FAILED)
            ),
            "outbox": _count(
                session,
                select(func.count()).where(
                    col(OutboxMail.state).in_([OutboxState.PENDING, OutboxState.SENDING])
                ),
            ),
        }
        latencies = _latencies(session, now - LATENCY_WINDOW)
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


def _counts(session: Session, column: object) -> dict[str, int]:
    rows = session.exec(select(column, func.count()).group_by(column))  # type: ignore[call-overload]
    return {str(key): int(count) for key, count in rows}


def _count(session: Session, query: object) -> int:
    return int(session.exec(query).one())  # type: ignore[call-overload]


def _latencies(session: Session, since: dt.datetime) -> dict[str, list[float]]:
    """Seconds from receipt to processed (the engine), and from receipt to accepted (with review)."""
    processed = session.exec(
        select(Message.received_at, Message.processed_at).where(col(Message.processed_at) >= since)
    )
    accepted = session.exec(
        select(Message.received_at, Order.decided_at)
        .join(Order, col(Order.message_pk) == col(Message.id))
        .where(Order.status == OrderStatus.ACCEPTED, col(Order.decided_at) >= since)
    )
    return {
        "received_to_processed": _seconds(processed),
        "received_to_accepted": _seconds(accepted),
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
