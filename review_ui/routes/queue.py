"""The queue of orders waiting for a clerk, the failed messages, and the dashboard slot."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from intake.kpis import GroupBy
from review_ui.dashboard import dashboard_context
from review_ui.listing import QueueFilter, load_queue
from review_ui.security import CurrentUser, session_user
from review_ui.web import language, render, store_of

router = APIRouter(dependencies=[Depends(session_user)])


@router.get("/")
def queue_page(request: Request, reason: str = "", source: str = "", q: str = "") -> Response:
    wanted = QueueFilter(reason=reason, source=source, text=q.strip())
    queue = load_queue(store_of(request), wanted)
    return render(request, "queue.html", {"queue": queue, "wanted": wanted})


@router.get("/dashboard")
def dashboard(request: Request, user: CurrentUser, by: GroupBy = GroupBy.WEEK) -> Response:
    """The order desk's figures and charts, inside the UI's layout."""
    context = dashboard_context(store_of(request), request.app.state.settings, by, lang=language(request))
    return render(request, "dashboard.html", {"user": user, **context})
