"""The dashboard page: the order desk's figures and charts (inline SVG, no script)."""

# No `from __future__ import annotations`: FastAPI must see the closures' dependencies.
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from intake.reports.charts import dashboard_charts
from intake.reports.followup_kpis import followup_kpis
from intake.reports.kpis import (
    GroupBy,
    KpiFigures,
    KpiReport,
    build_report,
    format_duration,
    format_rate,
    kpi_facts,
)
from intake.webhooks import list_deliveries
from models import DeliveryState, Settings, Store
from review_ui.i18n import translator
from review_ui.web import settings_from_app, store_of

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def make_router(
    require_user: Callable[..., Any],
    *,
    get_store: Callable[..., Store] = store_of,
    get_settings: Callable[..., Settings] = settings_from_app,
) -> APIRouter:
    """GET /dashboard behind the app's `require_user` dependency."""
    router = APIRouter(dependencies=[Depends(require_user)])

    @router.get("/dashboard", response_class=HTMLResponse)
    def dashboard(
        request: Request,
        store: Annotated[Store, Depends(get_store)],
        settings: Annotated[Settings, Depends(get_settings)],
        by: GroupBy = GroupBy.WEEK,
    ) -> HTMLResponse:
        context = dashboard_context(store, settings, by)
        return TEMPLATES.TemplateResponse(request, "kpi_page.html", context)

    return router


def dashboard_context(
    store: Store, settings: Settings, by: GroupBy = GroupBy.WEEK, *, lang: str = "en"
) -> dict[str, Any]:
    """What templates/kpi_panel.html shows: headline cards, charts, the table by `by`."""
    t = translator(lang)
    facts = kpi_facts(store, timezone=settings.timezone)
    reports = {group: build_report(facts, by=group) for group in GroupBy}
    words = partial(_words, t)
    charts = dashboard_charts(
        reports[GroupBy.WEEK], reports[GroupBy.CUSTOMER], reports[GroupBy.CHANNEL], words=words
    )
    shown = reports[by]
    return {
        "t": t,
        "by": by.value,
        "groupings": [g.value for g in GroupBy],
        "rows": [*shown.groups, shown.overall],
        "overall": shown.overall,
        "cards": headline_cards(reports[GroupBy.WEEK], t),
        "charts": charts,
        "corrected_fields": list(shown.corrected_fields.items())[:12],
        "followups": followup_kpis(store),
        # Webhooks the downstream systems have not taken yet, with why: the desk sees a receiver down.
        "webhooks_waiting": [
            d for d in list_deliveries(store, limit=500) if d.state != DeliveryState.DELIVERED
        ][:50],
    }


def _words(t: Callable[..., str], key: str, english: str) -> str:
    text = t(key)
    return english if text == key else text


@dataclass(frozen=True)
class Card:
    """A headline figure, and how it moved from the week before to the latest week."""

    key: str
    label: str
    value: str
    trend: str  # "+12 %", "-3m", "" when there is nothing to compare
    direction: str  # up, down, flat, none
    verdict: str  # good, bad, neutral


# (key, figure, formatter, which way is better: 1 up, -1 down, 0 neither)
CARD_FIGURES: list[tuple[str, Callable[[KpiFigures], float | None], Callable[[float | None], str], int]] = [
    ("orders", lambda f: float(f.orders), lambda v: "-" if v is None else f"{v:.0f}", 0),
    ("touchless", lambda f: f.touchless_rate, format_rate, 1),
    ("accept_touchless", lambda f: f.accept_touchless.p50, format_duration, -1),
    ("accept_reviewed", lambda f: f.accept_reviewed.p50, format_duration, -1),
    ("review_time", lambda f: f.review_time.p50, format_duration, -1),
    ("corrections", lambda f: f.corrections_per_reviewed, lambda v: "-" if v is None else f"{v:.1f}", -1),
]


def headline_cards(by_week: KpiReport, t: Callable[..., str]) -> list[Card]:
    """Each headline figure over everything, with its trend: the latest week against the one before."""
    weeks = by_week.groups[-2:]
    latest = weeks[-1] if weeks else None
    before = weeks[-2] if len(weeks) == 2 else None
    cards = []
    for key, figure, shown, better in CARD_FIGURES:
        now = figure(latest) if latest else None
        then = figure(before) if before else None
        trend, direction = _trend(now, then, shown, percent=key == "touchless")
        verdict = (
            "neutral"
            if direction in ("flat", "none") or not better
            else ("good" if (direction == "up") == (better > 0) else "bad")
        )
        cards.append(
            Card(key, t(f"dash.card.{key}"), shown(figure(by_week.overall)), trend, direction, verdict)
        )
    return cards


def _trend(now: float | None, then: float | None, shown, *, percent: bool) -> tuple[str, str]:
    if now is None or then is None:
        return "", "none"
    delta = now - then
    if abs(delta) < 1e-9:
        return "=", "flat"
    sign = "+" if delta > 0 else "−"
    amount = f"{abs(delta) * 100:.0f} pts" if percent else shown(abs(delta))
    return f"{sign}{amount}", "up" if delta > 0 else "down"


def install_template_helpers(templates: Jinja2Templates) -> None:
    """The filters kpi_panel.html needs, on another template set."""
    templates.env.filters["duration"] = format_duration
    templates.env.filters["rate"] = format_rate


install_template_helpers(TEMPLATES)
