"""The queue of orders waiting for a clerk, the failed messages, and the dashboard slot."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from intake import retry_failed
from intake.reports.kpis import GroupBy
from models import dismiss_failed
from review_ui.dashboard import dashboard_context
from review_ui.listing import QueueFilter, load_queue
from review_ui.security import CurrentUser, check_csrf, session_user
from review_ui.web import RecordId, catalog, language, render, store_of

router = APIRouter(dependencies=[Depends(session_user), Depends(check_csrf)])


@router.get("/")
def queue_page(request: Request, reason: str = "", source: str = "", q: str = "") -> Response:
    wanted = QueueFilter(reason=reason, source=source, text=q.strip())
    queue = load_queue(store_of(request), wanted)
    notice = request.query_params.get("notice")
    return render(request, "queue.html", {"queue": queue, "wanted": wanted, "notice": notice})


@router.post("/messages/{pk}/retry")
def retry_message(request: Request, pk: RecordId, user: CurrentUser) -> Response:
    """Read a failed message again (its cause may be gone: a catalogue import, a fixed reader)."""
    outcomes = retry_failed(
        store_of(request), [str(pk)], index=catalog(request), settings=request.app.state.settings
    )
    failed = not outcomes or any(o.error for o in outcomes)
    return RedirectResponse(f"/?notice={'retry_failed' if failed else 'retried'}#failed", status_code=303)


@router.post("/messages/{pk}/dismiss")
def dismiss_message(request: Request, pk: RecordId, user: CurrentUser) -> Response:
    """Take a failed message off the desk; it stays stored with its reason."""
    dismiss_failed(store_of(request), pk, user=user.name)
    return RedirectResponse("/?notice=dismissed#failed", status_code=303)


@router.get("/dashboard")
def dashboard(request: Request, user: CurrentUser, by: GroupBy = GroupBy.WEEK) -> Response:
    """The order desk's figures and charts, inside the UI's layout."""
    context = dashboard_context(store_of(request), request.app.state.settings, by, lang=language(request))
    return render(request, "dashboard.html", {"user": user, **context})
