"""Follow-ups: the list (returns among them), one with its order and diff, the clerk's decision."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from intake.notify import notify_followups
from review_ui.followups import KINDS, OUTCOMES, FollowupError, decide_followup, list_followups, load_followup
from review_ui.security import CurrentUser, check_csrf, session_user
from review_ui.web import RecordId, render, store_of

router = APIRouter(dependencies=[Depends(session_user), Depends(check_csrf)])


@router.get("/followups")
def followups_page(request: Request, kind: str = "", state: str = "open") -> Response:
    kind = kind if kind in KINDS else ""
    rows = list_followups(store_of(request), kind=kind, state=state if state in ("open", "") else "open")
    return render(request, "followups.html", {"rows": rows, "kind": kind, "kinds": KINDS, "state": state})


@router.get("/returns")
def returns_page(request: Request, state: str = "open") -> Response:
    """The returns queue: the original order and lines, reason and quantities, the outcome."""
    rows = list_followups(store_of(request), kind="return", state=state if state in ("open", "") else "open")
    return render(request, "returns.html", {"rows": rows, "state": state, "outcomes": OUTCOMES})


@router.get("/followups/{followup_id}")
def followup_page(request: Request, followup_id: RecordId) -> Response:
    view = load_followup(store_of(request), followup_id)
    if view is None:
        raise HTTPException(404, f"follow-up {followup_id}")
    notice = request.query_params.get("notice")
    return render(request, "followup.html", {"f": view, "outcomes": OUTCOMES, "notice": notice})


@router.post("/followups/{followup_id}/{action}")
def decide(
    request: Request,
    followup_id: RecordId,
    action: str,
    user: CurrentUser,
    outcome: Annotated[str, Form()] = "",
    order_id: Annotated[int | None, Form()] = None,
) -> Response:
    try:
        decide_followup(
            store_of(request), followup_id, action, user=user.name, outcome=outcome, order_id=order_id
        )
    except FollowupError as exc:
        return RedirectResponse(f"/followups/{followup_id}?notice=error_{exc}", status_code=303)
    if action in ("apply", "accept", "link"):
        notify_followups(
            store_of(request),
            0,
            actor=user.name,
            settings=request.app.state.settings,
            followup_id=followup_id,
        )
    return RedirectResponse(f"/followups/{followup_id}?notice={action}", status_code=303)
