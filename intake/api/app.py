"""The API for downstream systems (the ERP, the warehouse, the web shop): `create_api(settings, store)`."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, Header, HTTPException, Query, Request, Response, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from intake.api import ops
from intake.api.auth import api_token
from intake.api.channel import OrderIn, take_order
from intake.api.events import EventError, OrderEventIn, OrderEventOut, record_event
from intake.api.ops import install_access_log
from intake.api.queries import messages_after, order_detail, orders_after
from intake.api.schemas import ApiError, MessagePage, OrderDetail, OrderPage
from intake.api.tokens import Scope
from intake.daemon import IndexCache
from models import Settings, Store
from models.tables import ApiToken

API_VERSION = "1.0"
Reader = Annotated[ApiToken, Security(api_token, scopes=[Scope.READ.value])]
Writer = Annotated[ApiToken, Security(api_token, scopes=[Scope.WRITE.value])]
ERRORS = {401: {"model": ApiError}, 403: {"model": ApiError}}


def create_api(settings: Settings, store: Store) -> FastAPI:
    """The API app over `store`; nothing here reads the environment."""
    app = FastAPI(
        title="Intake API",
        version=API_VERSION,
        description="Accepted orders for downstream systems, and what happens to them next.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.add_api_route("/orders", list_orders, methods=["GET"], response_model=OrderPage, responses=ERRORS)
    app.add_api_route(
        "/orders",
        post_order,
        methods=["POST"],
        response_model=OrderDetail,
        status_code=201,
        responses=ERRORS | {200: {"model": OrderDetail, "description": "already taken"}},
    )
    app.add_api_route(
        "/orders/{order_id}", get_order, methods=["GET"], response_model=OrderDetail, responses=_with(404)
    )
    app.add_api_route(
        "/orders/{order_id}/events",
        post_event,
        methods=["POST"],
        response_model=OrderEventOut,
        status_code=201,
        responses=_with(404, 409) | {200: {"model": OrderEventOut, "description": "already recorded"}},
    )
    app.add_api_route(
        "/messages", list_messages, methods=["GET"], response_model=MessagePage, responses=ERRORS
    )
    app.include_router(ops.router)
    install_access_log(app)
    install_error_handlers(app)
    return app


def _with(*statuses: int) -> dict[int | str, dict[str, object]]:
    return {**ERRORS, **{status: {"model": ApiError} for status in statuses}}


def list_orders(
    request: Request,
    _token: Reader,
    after: Annotated[int, Query(ge=0, description="the last `cursor` already read; 0 for the start")] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> OrderPage:
    """Accepted orders after a feed position, oldest first.

    Positions are given at acceptance, in commit order: a client that keeps
    `next_cursor` and asks again gets every accepted order once.
    """
    return orders_after(request.app.state.store, after, limit)


def post_order(request: Request, order: OrderIn, token: Writer, response: Response) -> OrderDetail:
    """A web shop's or a portal's order, in the contract's record shape: checked and routed
    like an email order (`status` says whether it went straight to the order table or
    waits for a clerk, `reasons` why). The same body posted again is the same order (200)."""
    state = request.app.state
    if getattr(state, "index_cache", None) is None:
        state.index_cache = IndexCache(state.store)
    order_id, created = take_order(
        state.store, order, channel=token.name, index=state.index_cache.get(), settings=state.settings
    )
    if not created:
        response.status_code = 200
    response.headers["Location"] = f"/orders/{order_id}"
    found = order_detail(state.store, order_id)
    assert found is not None
    return found


def get_order(request: Request, order_id: int, _token: Reader) -> OrderDetail:
    """One order, any status: its record, the provenance of what was read, its reasons."""
    found = order_detail(request.app.state.store, order_id)
    if found is None:
        raise HTTPException(404, f"no order {order_id}")
    return found


def post_event(
    request: Request,
    order_id: int,
    event: OrderEventIn,
    token: Writer,
    response: Response,
    idempotency_key: Annotated[
        str | None, Header(description="the same key again records nothing new (a retried request)")
    ] = None,
) -> OrderEventOut:
    """Tell what happened to an accepted order: prepared, shipped (carrier, tracking), delivered,
    backorder released, cancelled. The customer's notice is queued where one is due."""
    try:
        recorded, created = record_event(
            request.app.state.store,
            order_id,
            event,
            actor=f"api:{token.name}",
            key=idempotency_key,
            settings=request.app.state.settings,
        )
    except EventError as exc:
        raise HTTPException(exc.status, str(exc)) from None
    if not created:
        response.status_code = 200
    return recorded


def list_messages(
    request: Request,
    _token: Reader,
    after: Annotated[int, Query(ge=0, description="the last message `id` already read")] = 0,
    state: Annotated[str | None, Query(pattern="^(received|processed|failed)$")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> MessagePage:
    """Stored messages by number: where each came from, its state, its orders, why it failed."""
    return messages_after(request.app.state.store, after, limit, state)


def install_error_handlers(app: FastAPI) -> None:
    """One error shape for every refusal: `{"detail": "..."}` with the HTTP status."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        where = "; ".join(
            f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors()
        )
        return JSONResponse({"detail": where}, status_code=422)
