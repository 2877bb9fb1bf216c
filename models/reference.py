"""The company's reference data (CONTRACT.md): reading the CSVs into rows.

A bad row is reported with its file and line and skipped; the good rows
still load. A missing required column makes the whole file unusable.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TypeVar

from pydantic import BaseModel, Field, ValidationError, field_validator

from models.errors import ReferenceDataError


def _split_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value or "").split(";") if v.strip()]


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


class ProductRow(BaseModel):
    sku: str = Field(min_length=1)
    name: str = Field(min_length=1)
    unit: str | None = None
    unit_price: float | None = None
    ean: str | None = None
    stock: int | None = None

    _blank = field_validator("unit", "unit_price", "ean", "stock", mode="before")(_blank_to_none)

    @field_validator("sku", "name", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value


class CustomerRow(BaseModel):
    customer_id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    email_domains: list[str] = Field(default_factory=list)
    contact_emails: list[str] = Field(default_factory=list)
    vat_number: str | None = None
    ship_to: str | None = None
    language: str = "fr"
    notify: bool = True  # optional column: "no"/"non"/"0" turns acknowledgements off

    _lists = field_validator("email_domains", "contact_emails", mode="before")(_split_list)
    _blank = field_validator("vat_number", "ship_to", mode="before")(_blank_to_none)

    @field_validator("email_domains", "contact_emails")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [v.lower() for v in value]

    @field_validator("language", mode="before")
    @classmethod
    def _default_language(cls, value: object) -> object:
        return value if isinstance(value, str) and value.strip() else "fr"

    @field_validator("notify", mode="before")
    @classmethod
    def _notify_words(cls, value: object) -> object:
        if isinstance(value, str):
            word = value.strip().lower()
            if not word:
                return True
            if word in {"oui", "o", "yes", "y", "1", "true", "vrai"}:
                return True
            if word in {"non", "n", "no", "0", "false", "faux"}:
                return False
        return value


class CustomerRefRow(BaseModel):
    customer_id: str = Field(min_length=1)
    customer_ref: str = Field(min_length=1)
    sku: str = Field(min_length=1)


class HistoryRow(BaseModel):
    """One line of an order the customer placed before Intake (exported from the ERP)."""

    customer_id: str = Field(min_length=1)
    order_date: dt.date
    po_number: str | None = None
    sku: str = Field(min_length=1)
    quantity: float = Field(gt=0)
    unit: str | None = None

    _blank = field_validator("po_number", "unit", mode="before")(_blank_to_none)

    @field_validator("customer_id", "sku", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("quantity", mode="before")
    @classmethod
    def _decimal_comma(cls, value: object) -> object:
        return value.strip().replace(",", ".") if isinstance(value, str) else value


class AliasRow(BaseModel):
    customer_id: str = ""  # "" = learned for every customer
    wording: str
    sku: str


class HabitRow(BaseModel):
    """What one customer ordered of one article in one unit (None: the article's sales unit)."""

    customer_id: str
    sku: str
    unit: str | None = None
    orders: int
    low: float
    high: float


class ReferenceData(BaseModel):
    """Everything the matchers need to know, loaded once per run."""

    products: list[ProductRow] = Field(default_factory=list)
    customers: list[CustomerRow] = Field(default_factory=list)
    customer_refs: list[CustomerRefRow] = Field(default_factory=list)
    aliases: list[AliasRow] = Field(default_factory=list)
    habits: list[HabitRow] = Field(default_factory=list)  # what each customer usually buys


Row = TypeVar("Row", bound=BaseModel)

REQUIRED_COLUMNS: dict[type[BaseModel], tuple[str, ...]] = {
    ProductRow: ("sku", "name"),
    CustomerRow: ("customer_id", "name"),
    CustomerRefRow: ("customer_id", "customer_ref", "sku"),
    HistoryRow: ("customer_id", "order_date", "sku", "quantity"),
}
# The columns that make a row unique (a repeated key is a bad row); history lines repeat freely.
KEY_COLUMNS: dict[type[BaseModel], tuple[str, ...]] = {
    CustomerRefRow: ("customer_id", "customer_ref"),
    HistoryRow: (),
}


def read_reference_csv(
    path: Path, model: type[Row], *, on_progress: Callable[[int], None] | None = None
) -> tuple[list[Row], list[ReferenceDataError]]:
    """Read one reference CSV: the valid rows, and an error for each bad row."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ReferenceDataError(str(path), f"cannot read the file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ReferenceDataError(str(path), f"not UTF-8 text (byte {exc.start})") from exc
    return parse_reference_csv(text, model, source=str(path), on_progress=on_progress)


def parse_reference_csv(
    text: str,
    model: type[Row],
    *,
    source: str,
    on_progress: Callable[[int], None] | None = None,
) -> tuple[list[Row], list[ReferenceDataError]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    if not header:
        raise ReferenceDataError(source, "the file is empty: a header row is required")
    reader.fieldnames = header
    for column in REQUIRED_COLUMNS[model]:
        if column not in header:
            raise ReferenceDataError(source, "required column is missing", row=1, column=column)
    rows: list[Row] = []
    errors: list[ReferenceDataError] = []
    seen: set[tuple[str, ...]] = set()
    key_columns = KEY_COLUMNS.get(model, REQUIRED_COLUMNS[model][:1])
    for index, raw in enumerate(reader):
        line = reader.line_num
        values = {k: (v if v is not None else "") for k, v in raw.items() if k and k in model.model_fields}
        try:
            row = model.model_validate(values)
        except ValidationError as exc:
            errors.append(_row_error(source, line, exc))
            continue
        key = tuple(str(getattr(row, c)) for c in key_columns)
        if key and key in seen:
            errors.append(ReferenceDataError(source, f"duplicate key {'/'.join(key)}", row=line))
            continue
        seen.add(key)
        rows.append(row)
        if on_progress and index % 1000 == 999:
            on_progress(index + 1)
    return rows, errors


def _row_error(source: str, line: int, exc: ValidationError) -> ReferenceDataError:
    first = exc.errors()[0]
    column = ".".join(str(p) for p in first["loc"]) or None
    value = first.get("input")
    shown = f" (got {value!r})" if isinstance(value, str | int | float) else ""
    return ReferenceDataError(source, f"{first['msg']}{shown}", row=line, column=column)


def customers_by_id(customers: Iterable[CustomerRow]) -> dict[str, CustomerRow]:
    return {c.customer_id: c for c in customers}


class ReferenceSink(Protocol):
    """Where reference rows go (the Store): one upsert per file."""

    def upsert_products(self, rows: Iterable[ProductRow]) -> int: ...
    def upsert_customers(self, rows: Iterable[CustomerRow]) -> int: ...
    def upsert_customer_refs(self, rows: Iterable[CustomerRefRow]) -> int: ...
    def upsert_history(self, rows: Iterable[HistoryRow]) -> int: ...


def load_reference_dir(store: ReferenceSink, ref_dir: Path) -> list[str]:
    """Load the products, customers, customer_refs and history CSVs of a folder; returns the row errors."""
    problems: list[str] = []
    for name, model, upsert in (
        ("products.csv", ProductRow, store.upsert_products),
        ("customers.csv", CustomerRow, store.upsert_customers),
        ("customer_refs.csv", CustomerRefRow, store.upsert_customer_refs),
        ("history.csv", HistoryRow, store.upsert_history),
    ):
        path = ref_dir / name
        if not path.exists():
            if name == "products.csv":
                raise ReferenceDataError(str(ref_dir), "no products.csv in the reference folder")
            continue
        rows, errors = read_reference_csv(path, model)
        upsert(rows)
        problems += [str(e) for e in errors]
    return problems
