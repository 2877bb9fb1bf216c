"""The review page: read, fix, approve or reject one order; article and customer search."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from intake.notify import acknowledge_accepted
from models import OrderStatus, StaleEditError, Store, waiting_order_ids
from models.tables import Order, utcnow
from review_ui import service
from review_ui.approval import blocking
from review_ui.edits import OrderEdit, edit_from_form, to_values
from review_ui.i18n import translator
from review_ui.pages import order_checks, order_page
from review_ui.security import CurrentUser, ForbiddenError, SessionUser, check_csrf, session_user
from review_ui.web import RecordId, catalog, language, render, store_of

router = APIRouter(dependencies=[Depends(session_user), Depends(check_csrf)])


@router.get("/orders/next")
def next_order(request: Request, user: CurrentUser) -> Response:
    """The oldest order nobody else is working on, or the queue when none is left."""
    store = store_of(request)
    for order_id in waiting_order_ids(store):
        if service.take_lock(store, order_id, user.name) is None:
            return RedirectResponse(f"/orders/{order_id}", status_code=303)
    return RedirectResponse("/", status_code=303)


@router.get("/orders/{order_id}")
def review_page(request: Request, order_id: RecordId, user: CurrentUser) -> Response:
    """Looking takes no lock: the page takes it when the clerk starts editing (POST .../lock)."""
    order, _ = service.get_order(store_of(request), order_id)
    holder = _other_holder(order, user.name) if order.status == OrderStatus.REVIEW else None
    notice = request.query_params.get("notice")
    return _page(request, order_id, user, holder=holder, notice=notice)


@router.post("/orders/{order_id}/lock")
def lock(request: Request, order_id: RecordId, user: CurrentUser) -> Response:
    """Editing starts: the order is this clerk's, unless another holds it (then named)."""
    order, _ = service.get_order(store_of(request), order_id)
    if order.status != OrderStatus.REVIEW:
        return JSONResponse({"held_by": None, "status": order.status}, status_code=409)
    holder = service.take_lock(store_of(request), order_id, user.name)
    return JSONResponse({"held_by": holder}, status_code=409 if holder else 200)


@router.post("/orders/{order_id}/take")
def take_over(request: Request, order_id: RecordId, user: CurrentUser) -> Response:
    """An admin takes an order another clerk holds."""
    if not user.is_admin:
        raise ForbiddenError("admin_only")
    service.take_lock(store_of(request), order_id, user.name, force=True)
    return RedirectResponse(f"/orders/{order_id}", status_code=303)


@router.post("/orders/{order_id}/release")
def release(request: Request, order_id: RecordId, user: CurrentUser) -> Response:
    """Leaving the page (a beacon) or the release button: the order is free again."""
    service.release_lock(store_of(request), order_id, user.name)
    return RedirectResponse("/", status_code=303)


@router.post("/orders/{order_id}")
async def decide(request: Request, order_id: RecordId, user: CurrentUser) -> Response:
    """Save, approve, reject or mark as not an order; a stale or taken order is refused, not lost."""
    store = store_of(request)
    form = await request.form()
    fields = {k: str(v) for k, v in form.items()}
    lists = {k: [str(v) for v in form.getlist(k)] for k in form}
    edit, origins = edit_from_form(fields, lists)
    action = fields.get("action", "save")
    version = int(fields.get("version") or 0)
    order, _ = service.get_order(store, order_id)
    holder = _other_holder(order, user.name)
    if order.version != version or holder:
        return _refused(request, order_id, user, edit, origins, order, holder)
    try:
        return _apply(request, store, order_id, user, edit, origins, action, version, fields)
    except StaleEditError:
        order, _ = service.get_order(store, order_id)
        return _refused(request, order_id, user, edit, origins, order, None)


def _apply(
    request: Request,
    store: Store,
    order_id: int,
    user: SessionUser,
    edit: OrderEdit,
    origins: list[int | None],
    action: str,
    version: int,
    fields: dict[str, str],
) -> Response:
    if action in ("reject", "not_order"):
        reason = service.NOT_AN_ORDER if action == "not_order" else fields.get("reject_reason", "").strip()
        if not reason:
            return _page(
                request, order_id, user, submitted=edit, origins=origins, notice="reason_needed", status=400
            )
        service.reject_order(store, order_id, user=user.name, version=version, reason=reason)
        return RedirectResponse("/orders/next", status_code=303)
    values, problems = to_values(edit)
    if problems:
        return _page(
            request, order_id, user, submitted=edit, origins=origins, notice="fix_errors", status=400
        )
    if action == "approve":
        order, _ = service.get_order(store, order_id)
        checks = order_checks(store, request.app.state.settings, catalog(request), order, values)
        if not blocking(checks):
            service.approve_order(store, order_id, values, user=user.name, version=version, origins=origins)
            # The acknowledgement is queued after the commit; a mail problem is logged,
            # never a reason to lose the clerk's approval.
            acknowledge_accepted(store, [order_id], settings=request.app.state.settings)
            return RedirectResponse("/orders/next", status_code=303)
        service.save_order(store, order_id, values, user=user.name, version=version, origins=origins)
        return _page(request, order_id, user, notice="fix_errors", status=400)
    service.save_order(store, order_id, values, user=user.name, version=version, origins=origins)
    return RedirectResponse(f"/orders/{order_id}?notice=saved", status_code=303)


def _other_holder(order: Order, me: str) -> str | None:
    if order.locked_by and order.locked_by != me and order.locked_at is not None:
        fresh = utcnow() - service.as_utc(order.locked_at)
        if fresh.total_seconds() < service.LOCK_MINUTES * 60:
            return order.locked_by
    return None


def _refused(
    request: Request,
    order_id: int,
    user: SessionUser,
    edit: OrderEdit,
    origins: list[int | None],
    order: Order,
    holder: str | None,
) -> Response:
    """The clerk's form shown back as typed, over the current version, with why it was refused."""
    notice = "taken" if holder and order.status == OrderStatus.REVIEW else "stale"
    return _page(
        request, order_id, user, submitted=edit, origins=origins, notice=notice, holder=holder, status=409
    )


def _page(
    request: Request,
    order_id: int,
    user: SessionUser,
    *,
    holder: str | None = None,
    submitted: OrderEdit | None = None,
    origins: list[int | None] | None = None,
    notice: str | None = None,
    status: int = 200,
) -> Response:
    context = order_page(
        store_of(request),
        request.app.state.settings,
        catalog(request),
        order_id,
        me=user.name,
        holder=holder,
        submitted=submitted,
        origins=origins,
        notice=notice,
    )
    context["is_admin"] = user.is_admin
    return render(request, "review.html", context, status=status)


@router.get("/api/articles")
def articles(request: Request, q: str = "", customer: str = "") -> Response:
    found = service.search_articles(catalog(request), q, customer_id=customer or None)
    index = catalog(request)
    return JSONResponse(
        {
            "results": [
                {
                    "sku": c.key,
                    "name": c.label,
                    "score": c.score,
                    "unit": (index.products[c.key].unit or "") if c.key in index.products else "",
                    "price": index.products[c.key].unit_price if c.key in index.products else None,
                    "why": c.evidence[0].kind if c.evidence else "",
                }
                for c in found
            ]
        }
    )


@router.get("/api/customers")
def customers(request: Request, q: str = "") -> Response:
    t = translator(language(request))
    found = service.search_customers(catalog(request), q)
    index = catalog(request)
    return JSONResponse(
        {
            "results": [
                {
                    "id": c.key,
                    "name": c.label,
                    "score": c.score,
                    "ship_to": index.customers[c.key].ship_to or "",
                }
                for c in found
            ],
            "empty": t("search.none"),
        }
    )
