"""Operations: liveness, readiness, metrics, and one JSON log line per request."""

from __future__ import annotations

import logging
import time

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy.exc import SQLAlchemyError

from intake.api.metrics import collect, exposition
from models.health import schema_revision

router = APIRouter(tags=["operations"])
access_log = logging.getLogger("intake.api.access")


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process answers (no store access: a slow database does not restart it)."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "the store cannot be reached"}})
def readyz(request: Request) -> JSONResponse:
    """Ready when the store answers and its schema is the one this version expects."""
    try:
        revision = schema_revision(request.app.state.store)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
        return JSONResponse({"status": "unavailable", "detail": reason}, status_code=503)
    return JSONResponse({"status": "ready", "schema": revision})


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request) -> PlainTextResponse:
    """Prometheus metrics: messages by state, orders by status, queue depths, stage latencies."""
    body = exposition(collect(request.app.state.store))
    return PlainTextResponse(body, media_type="text/plain; version=0.0.4; charset=utf-8")


def install_access_log(app: FastAPI) -> None:
    """One log record per request, with its fields as data (the JSON formatter writes them out)."""

    @app.middleware("http")
    async def log_request(request: Request, call_next):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        response = await call_next(request)
        access_log.info(
            "%s %s %s",
            request.method,
            request.url.path,
            response.status_code,
            extra={
                "http": {
                    "method": request.method,
                    "path": request.url.path,
                    "status": response.status_code,
                    "duration_ms": round(1000 * (time.perf_counter() - started), 1),
                    "client": request.client.host if request.client else None,
                }
            },
        )
        return response
