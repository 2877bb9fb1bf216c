"""The order desk's figures, from the store: touchless rate, delays, review time, exactness.

Pure functions over store rows, so the figures are tested on hand-made rows:
`order_facts` turns rows into one `OrderFacts` per order; `build_report`
summarises them (overall and by customer, channel or week). Delays are in
seconds; percentiles interpolate linearly between ranks (p50 of 1, 2, 3, 4
is 2.5), the common spreadsheet and numpy convention.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from models import OrderStatus, Store
from models.kpi_rows import kpi_rows
from models.tables import AuditEvent, Order

ENGINE_ACTORS = frozenset({"intake", "auto"})
# Workflow bookkeeping, not what the customer asked: a change there is no correction.
NOT_CORRECTIONS = frozenset(
    {"status", "version", "locked_by", "locked_at", "decided_at", "decided_by", "reject_reason", "confidence",
     "reasons", "detail", "updated_at"}
)  # fmt: skip


class GroupBy(StrEnum):
    CUSTOMER = "customer"
    CHANNEL = "channel"
    WEEK = "week"


class OrderFacts(BaseModel):
    """One order's figures, derived from its rows."""

    order_id: int
    customer: str
    channel: str
    week: str
    status: str
    touchless: bool  # accepted by the engine, no clerk involved
    reviewed: bool  # decided (accepted or rejected) by a clerk
    receipt_to_accept: float | None = None  # seconds, accepted orders only
    review_time: float | None = None  # seconds from entering review to the clerk's decision
    receipt_to_ship: float | None = None  # seconds from the email's receipt to the first shipment
    corrected_fields: list[str] = Field(default_factory=list)


class Timing(BaseModel):
    count: int = 0
    p50: float | None = None
    p95: float | None = None


class KpiFigures(BaseModel):
    key: str
    orders: int = 0
    accepted: int = 0
    touchless: int = 0
    reviewed: int = 0
    in_review: int = 0
    rejected: int = 0
    touchless_rate: float | None = None
    accept_touchless: Timing = Field(default_factory=Timing)
    accept_reviewed: Timing = Field(default_factory=Timing)
    review_time: Timing = Field(default_factory=Timing)
    receipt_to_ship: Timing = Field(default_factory=Timing)  # the cycle time, email to shipped
    corrections_per_reviewed: float | None = None
    exact_reviewed_rate: float | None = None  # reviewed orders the clerk did not have to correct


class KpiReport(BaseModel):
    overall: KpiFigures
    by: GroupBy | None = None
    groups: list[KpiFigures] = Field(default_factory=list)
    corrected_fields: dict[str, int] = Field(default_factory=dict)  # most corrected first


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The `fraction` percentile (0..1) with linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = fraction * (len(ordered) - 1)
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def timing(values: Iterable[float | None]) -> Timing:
    known = [v for v in values if v is not None]
    return Timing(count=len(known), p50=percentile(known, 0.5), p95=percentile(known, 0.95))


def changed_fields(before: dict[str, Any], after: dict[str, Any], prefix: str = "") -> list[str]:
    """The field paths whose value differs (`po_number`, `lines.quantity`, `lines.added`)."""
    changed: list[str] = []
    for key in sorted(set(before) | set(after)):
        if key in NOT_CORRECTIONS:
            continue
        old, new, path = before.get(key), after.get(key), f"{prefix}{key}"
        if key == "lines" and isinstance(old, list) and isinstance(new, list):
            changed += changed_lines(old, new, f"{path}.")
        elif isinstance(old, dict) and isinstance(new, dict):
            changed += changed_fields(old, new, f"{path}.")
        elif _normal(old) != _normal(new):
            changed.append(path)
    return changed


def changed_lines(old: list[Any], new: list[Any], prefix: str) -> list[str]:
    """Lines compared by line number: each changed field, each added or removed line."""
    before, after = _by_line_no(old), _by_line_no(new)
    changed = [f"{prefix}added" for n in after if n not in before]
    changed += [f"{prefix}removed" for n in before if n not in after]
    for number in sorted(set(before) & set(after)):
        changed += changed_fields(before[number], after[number], prefix)
    return changed


def _by_line_no(lines: list[Any]) -> dict[Any, dict[str, Any]]:
    return {
        (line.get("line_no") if line.get("line_no") is not None else i): line
        for i, line in enumerate(lines, start=1)
        if isinstance(line, dict)
    }


def _normal(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def iso_week(moment: dt.datetime, zone: dt.tzinfo) -> str:
    year, week, _ = moment.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def _seconds(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return max((_aware(end) - _aware(start)).total_seconds(), 0.0)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def order_facts(
    orders: Iterable[Order],
    received: dict[int, dt.datetime],
    events: Iterable[AuditEvent],
    *,
    zone: dt.tzinfo = dt.UTC,
    shipped: dict[int, dt.datetime] | None = None,
) -> list[OrderFacts]:
    """One OrderFacts per order. `received` maps a message pk to its receipt time,
    `shipped` an order id to its first shipment (told by the ERP)."""
    corrections: dict[str, list[str]] = defaultdict(list)
    for event in events:
        if event.entity == "order" and event.actor not in ENGINE_ACTORS and event.before and event.after:
            corrections[event.entity_id] += changed_fields(event.before, event.after)
    facts = []
    for order in orders:
        assert order.id is not None
        arrived = received.get(order.message_pk or -1, order.created_at)
        by_engine = order.decided_by in ENGINE_ACTORS
        decided = (
            order.status in {OrderStatus.ACCEPTED, OrderStatus.REJECTED} and order.decided_at is not None
        )
        reviewed = decided and not by_engine
        facts.append(
            OrderFacts(
                order_id=order.id,
                customer=order.customer_id or "(unknown)",
                channel=order.source,
                week=iso_week(_aware(arrived), zone),
                status=order.status,
                touchless=order.status == OrderStatus.ACCEPTED and by_engine,
                reviewed=reviewed,
                receipt_to_accept=_seconds(arrived, order.decided_at)
                if order.status == OrderStatus.ACCEPTED
                else None,
                review_time=_seconds(order.created_at, order.decided_at) if reviewed else None,
                receipt_to_ship=_seconds(arrived, (shipped or {}).get(order.id)),
                corrected_fields=corrections.get(str(order.id), []),
            )
        )
    return facts


def figures(key: str, facts: Sequence[OrderFacts]) -> KpiFigures:
    """The figures of one set of orders."""
    reviewed = [f for f in facts if f.reviewed]
    touchless = [f for f in facts if f.touchless]
    return KpiFigures(
        key=key,
        orders=len(facts),
        accepted=sum(f.status == OrderStatus.ACCEPTED for f in facts),
        touchless=len(touchless),
        reviewed=len(reviewed),
        in_review=sum(f.status == OrderStatus.REVIEW for f in facts),
        rejected=sum(f.status == OrderStatus.REJECTED for f in facts),
        touchless_rate=len(touchless) / len(facts) if facts else None,
        accept_touchless=timing(f.receipt_to_accept for f in touchless),
        accept_reviewed=timing(f.receipt_to_accept for f in reviewed if f.status == OrderStatus.ACCEPTED),
        review_time=timing(f.review_time for f in reviewed),
        receipt_to_ship=timing(f.receipt_to_ship for f in facts),
        corrections_per_reviewed=sum(len(f.corrected_fields) for f in reviewed) / len(reviewed)
        if reviewed
        else None,
        exact_reviewed_rate=sum(not f.corrected_fields for f in reviewed) / len(reviewed)
        if reviewed
        else None,
    )


GROUP_KEYS: dict[GroupBy, Callable[[OrderFacts], str]] = {
    GroupBy.CUSTOMER: lambda f: f.customer,
    GroupBy.CHANNEL: lambda f: f.channel,
    GroupBy.WEEK: lambda f: f.week,
}


def build_report(facts: Sequence[OrderFacts], *, by: GroupBy | None = None) -> KpiReport:
    """Overall figures, the figures of each group, and the most corrected fields."""
    groups: dict[str, list[OrderFacts]] = defaultdict(list)
    if by is not None:
        for fact in facts:
            groups[GROUP_KEYS[by](fact)].append(fact)
    counted = Counter(field for f in facts for field in f.corrected_fields)
    return KpiReport(
        overall=figures("all", facts),
        by=by,
        groups=[figures(key, groups[key]) for key in sorted(groups)],
        corrected_fields=dict(counted.most_common()),
    )


def kpi_report(store: Store, *, by: GroupBy | None = None, timezone: str = "UTC") -> KpiReport:
    """The report over every order in the store; weeks in the desk's time zone."""
    return build_report(kpi_facts(store, timezone=timezone), by=by)


def kpi_facts(store: Store, *, timezone: str = "UTC") -> list[OrderFacts]:
    """The facts of every order in the store (one query per table)."""
    rows = kpi_rows(store)
    return order_facts(rows.orders, rows.received, rows.events, zone=ZoneInfo(timezone), shipped=rows.shipped)


def format_duration(seconds: float | None) -> str:
    """45s, 12m, 3.5h, 2.1d: readable at a glance."""
    if seconds is None:
        return "-"
    if seconds < 90:
        return f"{seconds:.0f}s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f}m"
    if seconds < 36 * 3600:
        return f"{seconds / 3600:.1f}h"
    return f"{seconds / 86400:.1f}d"


def format_rate(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"
