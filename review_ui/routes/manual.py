"""Manual entry of an order taken by phone."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from models import OrderStatus
from review_ui.edits import LineEdit, OrderEdit, edit_from_form, to_values
from review_ui.manual import create_manual_order
from review_ui.security import CurrentUser, check_csrf, session_user
from review_ui.web import catalog, render, store_of

router = APIRouter(dependencies=[Depends(session_user), Depends(check_csrf)])


@router.get("/orders/new")
def new_order(request: Request) -> Response:
    return _form(request, OrderEdit(lines=[LineEdit()]), [], status=200)


@router.post("/orders/new")
async def create(request: Request, user: CurrentUser) -> Response:
    form = await request.form()
    fields = {k: str(v) for k, v in form.items()}
    lists = {k: [str(v) for v in form.getlist(k)] for k in form}
    edit, _ = edit_from_form(fields, lists)
    values, problems = to_values(edit)
    if problems or not values.lines:
        return _form(request, edit, [p.model_dump(mode="json") for p in problems], status=400)
    settings = request.app.state.settings
    order_id, status = create_manual_order(
        store_of(request), values, user=user.name, index=catalog(request), settings=settings
    )
    if status == OrderStatus.ACCEPTED:
        return RedirectResponse(f"/orders/{order_id}?notice=created", status_code=303)
    return RedirectResponse(f"/orders/{order_id}?notice=created_review", status_code=303)


def typed_row(line: LineEdit) -> dict:
    """A line as the form shows it when nothing was read from a document."""
    return {
        "edit": line,
        "origin": "",
        "mark": "",
        "doubt": None,
        "score": None,
        "read": None,
        "candidates": [],
    }


def _form(request: Request, edit: OrderEdit, errors: list[dict], *, status: int) -> Response:
    rows = [typed_row(line) for line in edit.lines or [LineEdit()]]
    index = catalog(request)
    customer = index.customers.get(edit.customer_id)
    context = {
        "edit": edit,
        "rows": rows,
        "errors": errors,
        "customer_name": customer.name if customer else "",
        "doubts": {},
    }
    return render(request, "manual.html", context, status=status)
