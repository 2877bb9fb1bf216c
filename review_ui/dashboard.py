"""The dashboard page: the order desk's figures and charts (inline SVG, no script)."""

# No `from __future__ import annotations`: FastAPI must see the closures' dependencies.
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from intake.reports.charts import dashboard_charts
from intake.reports.kpis import GroupBy, KpiFigures, build_report, format_duration, format_rate, kpi_facts
from models import Settings, Store
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


def dashboard_context(store: Store, settings: Settings, by: GroupBy = GroupBy.WEEK) -> dict[str, Any]:
    """What templates/kpi_panel.html shows: headline figures, charts, the table by `by`."""
    facts = kpi_facts(store, timezone=settings.timezone)
    reports = {group: build_report(facts, by=group) for group in GroupBy}
    charts = dashboard_charts(reports[GroupBy.WEEK], reports[GroupBy.CUSTOMER], reports[GroupBy.CHANNEL])
    shown = reports[by]
    return {
        "by": by.value,
        "groupings": [g.value for g in GroupBy],
        "rows": [*shown.groups, shown.overall],
        "overall": shown.overall,
        "charts": charts,
        "corrected_fields": list(shown.corrected_fields.items())[:12],
    }


def install_template_helpers(templates: Jinja2Templates) -> None:
    """The filters and globals kpi_panel.html needs, on another template set."""
    templates.env.filters["duration"] = format_duration
    templates.env.filters["rate"] = format_rate
    templates.env.globals["overall_cards"] = overall_cards


def overall_cards(overall: KpiFigures) -> list[tuple[str, str]]:
    """The headline figures, as (label, value)."""
    return [
        ("Orders", str(overall.orders)),
        ("Touchless", format_rate(overall.touchless_rate)),
        ("Receipt to acceptance, touchless (p50)", format_duration(overall.accept_touchless.p50)),
        ("Receipt to acceptance, reviewed (p50)", format_duration(overall.accept_reviewed.p50)),
        ("Time in review (p50)", format_duration(overall.review_time.p50)),
        (
            "Fields corrected per reviewed order",
            "-" if overall.corrections_per_reviewed is None else f"{overall.corrections_per_reviewed:.1f}",
        ),
    ]


install_template_helpers(TEMPLATES)
