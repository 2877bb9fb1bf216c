"""Routes for a clerk's mails to the customer: a detail request about a line, a status notice.

Each answers JSON ({"outbox_id", "to", "subject", "state"}), or redirects
(303) to `next` when a form gives it, so plain HTML forms work without script.
"""

# No `from __future__ import annotations`: FastAPI must see the closures' dependencies.
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException
from fastapi.responses import JSONResponse, RedirectResponse, Response

from intake.notify import (
    DeliveryMode,
    NotifyError,
    ShipmentStatus,
    TemplateError,
    notify_status,
    request_detail,
)
from models import Settings, Store
from models.tables import OutboxMail
from review_ui.web import actor_name, settings_from_app, store_of


def make_router(
    require_user: Callable[..., Any],
    *,
    get_store: Callable[..., Store] = store_of,
    get_settings: Callable[..., Settings] = settings_from_app,
) -> APIRouter:
    """POST /orders/{id}/lines/{line_no}/detail-request and POST /orders/{id}/status."""
    router = APIRouter()

    @router.post("/orders/{order_id}/lines/{line_no}/detail-request")
    def detail_request(
        order_id: int,
        line_no: int,
        question: Annotated[str, Form()],
        user: Annotated[Any, Depends(require_user)],
        store: Annotated[Store, Depends(get_store)],
        settings: Annotated[Settings, Depends(get_settings)],
        next: Annotated[str | None, Form()] = None,
    ) -> Response:
        try:
            row = request_detail(
                store, order_id, line_no, question, actor=actor_name(user), settings=settings
            )
        except (NotifyError, TemplateError) as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc
        return answer(row, next)

    @router.post("/orders/{order_id}/status")
    def status(
        order_id: int,
        status: Annotated[ShipmentStatus, Form()],
        user: Annotated[Any, Depends(require_user)],
        store: Annotated[Store, Depends(get_store)],
        settings: Annotated[Settings, Depends(get_settings)],
        mode: Annotated[DeliveryMode, Form()] = DeliveryMode.CARRIER,
        tracking: Annotated[str | None, Form()] = None,
        carrier: Annotated[str | None, Form()] = None,
        next: Annotated[str | None, Form()] = None,
    ) -> Response:
        try:
            row = notify_status(
                store,
                order_id,
                status,
                mode=mode,
                tracking=tracking or None,
                carrier=carrier or None,
                actor=actor_name(user),
                settings=settings,
            )
        except (NotifyError, TemplateError) as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc
        return answer(row, next)

    return router


def answer(row: OutboxMail | None, next_url: str | None) -> Response:
    if next_url and next_url.startswith("/") and not next_url.startswith("//"):  # same site only
        return RedirectResponse(next_url, status_code=303)
    if row is None:
        return JSONResponse(
            {"outbox_id": None, "state": "not_sent", "reason": "customer opted out or mail is off"}
        )
    return JSONResponse({"outbox_id": row.id, "to": row.to_addr, "subject": row.subject, "state": row.state})
