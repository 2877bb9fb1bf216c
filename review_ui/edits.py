"""What a clerk submits: an order's fields and lines, read leniently from a form.

A form is kept as typed (strings) so that a refused save can be shown back
exactly; `to_values` turns it into typed values and says which fields are wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from models import ReviewReason, Severity
from parsers import parse_number as read_number

LINE_FIELDS = ("sku", "customer_ref", "description", "quantity", "unit", "unit_price")


class LineEdit(BaseModel):
    """One order line as the clerk typed it."""

    sku: str = ""
    customer_ref: str = ""
    description: str = ""
    quantity: str = ""
    unit: str = ""
    unit_price: str = ""


class OrderEdit(BaseModel):
    """An order's editable fields as the clerk typed them."""

    customer_id: str = ""
    po_number: str = ""
    order_date: str = ""
    requested_delivery_date: str = ""
    ship_to: str = ""
    lines: list[LineEdit] = Field(default_factory=list)


class OrderValues(BaseModel):
    """The typed values of an `OrderEdit`, ready for the store."""

    customer_id: str | None
    po_number: str | None
    order_date: dt.date | None
    requested_delivery_date: dt.date | None
    ship_to: str | None
    lines: list[dict[str, object]]


def edit_from_form(
    form: Mapping[str, str], lists: Mapping[str, Sequence[str]]
) -> tuple[OrderEdit, list[int | None]]:
    """Read the order form: header fields by name, lines as parallel `line_*` lists.

    Also returns, for each kept line, the number of the line Intake read it
    from (`line_origin`), so its source mark survives edits; blank rows are dropped.
    """
    columns = {name: list(lists.get(f"line_{name}", [])) for name in LINE_FIELDS}
    from_lines = list(lists.get("line_origin", []))
    count = max((len(v) for v in columns.values()), default=0)
    lines, origins = [], []
    for i in range(count):
        values = {name: (columns[name][i] if i < len(columns[name]) else "").strip() for name in LINE_FIELDS}
        if any(values.values()):
            lines.append(LineEdit(**values))
            origin = from_lines[i] if i < len(from_lines) else ""
            origins.append(int(origin) if origin.isdigit() else None)
    edit = OrderEdit(
        customer_id=form.get("customer_id", "").strip(),
        po_number=form.get("po_number", "").strip(),
        order_date=form.get("order_date", "").strip(),
        requested_delivery_date=form.get("requested_delivery_date", "").strip(),
        ship_to=form.get("ship_to", "").strip(),
        lines=lines,
    )
    return edit, origins


def parse_number(text: str) -> Decimal | None:
    """A number as a clerk types it, read like any other (`parsers.parse_number`); None when empty.

    Raises ValueError when the text is not a number, so the form can say which field.
    """
    if not text.strip():
        return None
    value = read_number(text)
    if value is None:
        raise ValueError(text)
    return value


def parse_date(text: str) -> dt.date | None:
    """An ISO date (`2026-11-27`, what date inputs send) or `27/11/2026`; raises ValueError."""
    if not text:
        return None
    if "/" in text:
        day, month, year = text.split("/")
        return dt.date(int(year), int(month), int(day))
    return dt.date.fromisoformat(text)


def to_values(edit: OrderEdit) -> tuple[OrderValues, list[ReviewReason]]:
    """Typed values, and an error for each field that is not a valid date or number."""
    problems: list[ReviewReason] = []
    dates: dict[str, dt.date | None] = {}
    for name in ("order_date", "requested_delivery_date"):
        try:
            dates[name] = parse_date(getattr(edit, name))
        except ValueError:
            dates[name] = None
            problems.append(_problem("bad_date", name, None, getattr(edit, name)))
    lines = []
    for number, line in enumerate(edit.lines, start=1):
        numbers: dict[str, float | None] = {}
        for name in ("quantity", "unit_price"):
            try:
                value = parse_number(getattr(line, name))
                numbers[name] = float(value) if value is not None else None
            except ValueError:
                numbers[name] = None
                problems.append(_problem("bad_number", name, number, getattr(line, name)))
        lines.append(
            {
                "line_no": number,
                "sku": line.sku or None,
                "customer_ref": line.customer_ref or None,
                "description": line.description or None,
                "unit": line.unit or None,
                **numbers,
            }
        )
    values = OrderValues(
        customer_id=edit.customer_id or None,
        po_number=edit.po_number or None,
        ship_to=edit.ship_to or None,
        lines=lines,
        **dates,
    )
    return values, problems


def _problem(code: str, field: str, line_no: int | None, typed: str) -> ReviewReason:
    return ReviewReason(code=code, message=typed, severity=Severity.ERROR, field=field, line_no=line_no)
