"""Files: the UI's own CSS and JS, and a message's parts (always as inert downloads or images)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from models import IntakeError
from parsers import DocumentLimits, render_pdf_page
from review_ui.security import MAIL_FRAME_CSP, session_user
from review_ui.source import attachment_bytes, sanitised_html
from review_ui.web import RecordId, store_of

STATIC = Path(__file__).resolve().parent.parent / "static"
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png"}

router = APIRouter()
private = APIRouter(dependencies=[Depends(session_user)])


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    """The UI's CSS and JS, from one folder and by exact name only (the login page needs them)."""
    path = STATIC / name
    if "/" in name or name.startswith(".") or not path.is_file() or path.suffix not in STATIC_TYPES:
        raise HTTPException(404, name)
    return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers={"Cache-Control": "max-age=3600"})


def _raw(request: Request, pk: int) -> bytes:
    message = store_of(request).get_message(pk)
    if message is None:
        raise HTTPException(404, f"message {pk}")
    return message.raw


def _download(data: bytes, filename: str) -> Response:
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in filename)[:120] or "attachment"
    return Response(
        data,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{safe}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )


@private.get("/messages/{pk}/raw")
def raw_message(request: Request, pk: RecordId) -> Response:
    return _download(_raw(request, pk), f"message-{pk}.eml")


@private.get("/messages/{pk}/attachments/{number}")
def attachment(request: Request, pk: RecordId, number: RecordId) -> Response:
    try:
        part = attachment_bytes(_raw(request, pk), number)
    except (IndexError, IntakeError) as exc:
        raise HTTPException(404, f"message {pk}, attachment {number}") from exc
    return _download(part.data, part.filename)


@private.get("/messages/{pk}/attachments/{number}/pages/{page}.png")
def pdf_page(
    request: Request,
    pk: RecordId,
    number: RecordId,
    page: RecordId,
    scale: Annotated[int, Query(ge=1, le=2)] = 1,
) -> Response:
    """One page as an image; `scale=2` draws it sharp enough for the zoomed view."""
    try:
        limits = DocumentLimits.from_settings(request.app.state.settings)
        attachment = attachment_bytes(_raw(request, pk), number)
        image = render_pdf_page(attachment, page, limits=limits, resolution=110 * scale)
    except (IndexError, IntakeError) as exc:
        raise HTTPException(404, f"message {pk}, attachment {number}, page {page}") from exc
    return Response(image, media_type="image/png", headers={"Cache-Control": "private, max-age=600"})


@private.get("/messages/{pk}/html")
def mail_html(request: Request, pk: RecordId) -> Response:
    """The email's HTML, sanitised, for a sandboxed frame: no script, no remote content."""
    try:
        body = sanitised_html(_raw(request, pk))
    except IntakeError as exc:
        raise HTTPException(404, f"message {pk}: {exc}") from exc
    return HTMLResponse(
        f"<!doctype html><meta charset=utf-8><body>{body}</body>",
        headers={"Content-Security-Policy": MAIL_FRAME_CSP, "X-Frame-Options": "SAMEORIGIN"},
    )


router.include_router(private)
