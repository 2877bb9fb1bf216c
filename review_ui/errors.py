"""One error shape, rendered in one place: an HTML page, or JSON for /api/ calls."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from models import IntakeError, StaleEditError
from review_ui.i18n import translator
from review_ui.security import ForbiddenError, NotSignedInError
from review_ui.service import OrderClosedError, OrderNotFoundError
from review_ui.web import language, render

STATUS_KEYS = {
    400: "error.bad_request",
    403: "error.forbidden",
    404: "error.not_found",
    409: "error.conflict",
}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, detail: str) -> Response:
    """The error as the client wants it: `{"error": {"status", "title", "detail"}}` or a page."""
    t = translator(language(request))
    title = t(STATUS_KEYS.get(status, "error.internal"))
    if wants_json(request):
        return JSONResponse(
            {"error": {"status": status, "title": title, "detail": detail}}, status_code=status
        )
    return render(request, "error.html", {"status": status, "title": title, "detail": detail}, status=status)


def install_error_handlers(app: FastAPI) -> None:
    """Map every error the routes let through to `error_response`."""

    @app.exception_handler(NotSignedInError)
    async def not_signed_in(request: Request, _exc: NotSignedInError) -> Response:
        if wants_json(request):
            return error_response(request, 401, translator(language(request))("error.sign_in"))
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(ForbiddenError)
    async def forbidden(request: Request, exc: ForbiddenError) -> Response:
        return error_response(request, 403, translator(language(request))(f"error.{exc.reason}"))

    @app.exception_handler(OrderNotFoundError)
    async def not_found(request: Request, exc: OrderNotFoundError) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(OrderClosedError)
    async def closed(request: Request, exc: OrderClosedError) -> Response:
        return error_response(request, 409, translator(language(request))("error.closed", status=exc.status))

    @app.exception_handler(StaleEditError)
    async def stale(request: Request, exc: StaleEditError) -> Response:
        return error_response(request, 409, str(exc))

    @app.exception_handler(IntakeError)
    async def intake_error(request: Request, exc: IntakeError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", []))
        # A path that names no possible record (/orders/abc, /orders/1e30) names nothing.
        status = 404 if tuple(first.get("loc", ()))[:1] == ("path",) else 400
        return error_response(request, status, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))
