"""What the review page shows: the order as editable rows, its doubts, its source and its trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from intake.pipeline import PipelineDeps
from matchers import CatalogIndex
from models import OrderStatus, ReviewReason, Settings, Store, audit_trail
from models.tables import Message, Order, OrderLine
from parsers import DocumentLimits
from review_ui import service
from review_ui.approval import approval_reasons, blocking, form_notes
from review_ui.edits import LineEdit, OrderEdit, OrderValues, to_values
from review_ui.source import build_source, reason_mark

DOUBT_SCORE = 0.9
DOUBT_READ = 0.8


def edit_of(order: Order, lines: list[OrderLine]) -> OrderEdit:
    """The stored order as the form shows it."""

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            # A decimal comma, as the form reads it back: "1.125" would be read as 1125.
            return f"{value:g}".replace(".", ",")
        return str(value)

    return OrderEdit(
        customer_id=text(order.customer_id),
        po_number=text(order.po_number),
        order_date=text(order.order_date),
        requested_delivery_date=text(order.requested_delivery_date),
        ship_to=text(order.ship_to),
        lines=[
            LineEdit(
                sku=text(line.sku),
                customer_ref=text(line.customer_ref),
                description=text(line.description),
                quantity=text(line.quantity),
                unit=text(line.unit),
                unit_price=text(line.unit_price),
            )
            for line in lines
        ],
    )


def with_read_values(edit: OrderEdit, detail: dict[str, Any], origins: list[int | None]) -> OrderEdit:
    """Fill an empty quantity or unit with what Intake read, when matching left it out."""
    matched = detail.get("lines") or []
    for line, origin in zip(edit.lines, origins, strict=False):
        read = (matched[origin - 1].get("line") or {}) if origin and 0 < origin <= len(matched) else {}
        for name in ("quantity", "unit"):
            value = (read.get(name) or {}).get("value")
            if not getattr(line, name) and value not in (None, ""):
                setattr(line, name, f"{float(value):g}" if name == "quantity" else str(value))
    return edit


# Names the routing checks give fields, as the review form names them.
FIELD_ALIASES = {
    "customer": "customer_id",
    "sender": "customer_id",
    "po": "po_number",
    "delivery_date": "requested_delivery_date",
}


def field_doubts(detail: dict[str, Any], reasons: list[dict[str, Any]] = ()) -> dict[str, str]:
    """Header fields Intake was unsure of: 'error' (not found) or 'warning' (low confidence),
    and those a routing reason names."""
    doubts: dict[str, str] = {}
    for reason in reasons:
        name = reason.get("field")
        if name and reason.get("line_no") is None and reason.get("severity") in ("error", "warning"):
            doubts[FIELD_ALIASES.get(name, name)] = reason["severity"]
    customer = detail.get("customer") or {}
    if detail and not customer.get("customer_id"):
        doubts["customer_id"] = "error"
    elif customer and customer.get("score", 1.0) < DOUBT_SCORE:
        doubts["customer_id"] = "warning"
    read = detail.get("order") or {}
    for name in ("po_number", "order_date", "requested_delivery_date", "ship_to"):
        value = read.get(name)
        if value and value.get("confidence", 1.0) < DOUBT_READ:
            doubts[name] = "warning"
    if detail and not read.get("po_number"):
        doubts["po_number"] = "warning"
    return doubts


def line_rows(
    edit: OrderEdit, detail: dict[str, Any], origins: list[int | None], reasons: list[dict[str, Any]] = ()
) -> list[dict[str, Any]]:
    """Each line with what Intake proposed for it: candidates, score and doubt level."""
    matched = detail.get("lines") or []
    flagged = {
        r["line_no"]: r.get("severity")
        for r in reasons
        if r.get("line_no") and r.get("severity") in ("error", "warning")
    }
    rows = []
    for position, line in enumerate(edit.lines):
        origin = origins[position] if position < len(origins) else None
        proposal = matched[origin - 1] if origin and 0 < origin <= len(matched) else {}
        score = proposal.get("score")
        doubt = None
        if proposal and not proposal.get("sku"):
            doubt = "error"
        elif proposal and (score or 0) < DOUBT_SCORE:
            doubt = "warning"
        if doubt is None and origin in flagged:  # a check held this line (price, quantity, stock...)
            doubt = flagged[origin]
        rows.append(
            {
                "edit": line,
                "origin": origin or "",
                "mark": f"l-{origin}" if origin else "",
                "doubt": doubt,
                "score": score,
                "read": ((proposal.get("line") or {}).get("description") or {}).get("value"),
                "candidates": (proposal.get("candidates") or [])[:3],
            }
        )
    return rows


def line_origins(order: Order, count: int) -> list[int | None]:
    """Which line Intake read each stored line from (kept across the clerk's edits)."""
    kept = (order.detail or {}).get("line_origins")
    if isinstance(kept, list):
        return [int(o) if o else None for o in kept]
    matched = len((order.detail or {}).get("lines") or [])
    return [n if n <= matched else None for n in range(1, count + 1)]


def order_checks(
    store: Store, settings: Settings, index: CatalogIndex, order: Order, values: OrderValues
) -> list[ReviewReason]:
    """The pipeline's checks on the clerk's values (this order left out of its history), then the form's notes."""
    deps = PipelineDeps.for_store(store, index, settings)
    found = approval_reasons(values, deps, message_id=order.message_id, order_id=order.id)
    return [*found, *form_notes(values, today=dt.date.today())]


def order_page(
    store: Store,
    settings: Settings,
    index: CatalogIndex,
    order_id: int,
    *,
    me: str,
    holder: str | None,
    submitted: OrderEdit | None = None,
    origins: list[int | None] | None = None,
    notice: str | None = None,
    problems: list | None = None,
) -> dict[str, Any]:
    """The review page's context; `submitted` shows a refused form back as it was typed."""
    order, lines = service.get_order(store, order_id)
    origins = origins if origins is not None else line_origins(order, len(lines))
    edit = submitted or with_read_values(edit_of(order, lines), order.detail or {}, origins)
    values, parse_problems = to_values(edit)
    reasons = order_checks(store, settings, index, order, values)
    blocked = [*parse_problems, *blocking(reasons), *(problems or [])]
    told = [r for r in reasons if r not in blocked]
    message = store.get_message(order.message_pk) if order.message_pk else None
    customer = index.customers.get(edit.customer_id)
    return {
        "order": order,
        "edit": edit,
        "rows": line_rows(edit, order.detail or {}, origins, order.reasons or []),
        "doubts": field_doubts(order.detail or {}, order.reasons or []),
        "errors": [r.model_dump(mode="json") for r in blocked],
        "warnings": [r.model_dump(mode="json") for r in told],
        "doubts_of_intake": [
            {**r, "mark": reason_mark(i) if r.get("provenance") else None}
            for i, r in enumerate(order.reasons or [])
            if r.get("severity") != "info"
        ],
        "customer_name": customer.name if customer else "",
        "customer_candidates": ((order.detail or {}).get("customer") or {}).get("candidates") or [],
        "totals": order_totals(edit, order.detail or {}, order.currency or "EUR"),
        "source": build_source(
            _raw(message),
            order.detail or {},
            limits=DocumentLimits.from_settings(settings),
            reasons=order.reasons or [],
        ),
        "message": message,
        "trail": audit_trail(store, order_id),
        "holder": holder,
        "readonly": order.status != OrderStatus.REVIEW or holder is not None,
        "notice": notice,
        "me": me,
    }


def _raw(message: Message | None) -> bytes | None:
    return message.raw if message else None


def order_totals(edit: OrderEdit, detail: dict[str, Any], currency: str) -> dict[str, Any]:
    """The sum of the lines as typed, beside the total the document printed (when it has one)."""
    total = 0.0
    for line in edit.lines:
        quantity, price = _number(line.quantity), _number(line.unit_price)
        if quantity is not None and price is not None:
            total += quantity * price
    printed_value = ((detail.get("order") or {}).get("total_excl_vat") or {}).get("value")
    printed = _number(str(printed_value)) if printed_value is not None else None
    return {
        "lines": round(total, 2),
        "lines_text": money_text(total, currency),
        "printed": printed,
        "printed_text": money_text(printed, currency) if printed is not None else "",
        "differs": printed is not None and abs(printed - total) > 0.01,
    }


def _number(text: str) -> float | None:
    try:
        return float(text.replace(" ", "").replace(",", "."))
    except (AttributeError, ValueError):
        return None


def money_text(value: float, currency: str) -> str:
    """12 345,60 EUR: the French way, which the clerks read."""
    whole = f"{value:,.2f}".replace(",", " ").replace(".", ",")
    return f"{whole} {currency}"
