"""`intake export`: order records on standard output."""

from __future__ import annotations

import argparse
import csv
import sys

from intake.commands import load_settings, open_store

CSV_COLUMNS = [
    "order_id",
    "message_id",
    "source",
    "status",
    "customer_id",
    "po_number",
    "order_date",
    "requested_delivery_date",
    "ship_to",
    "currency",
    "confidence",
    "line_no",
    "sku",
    "customer_ref",
    "description",
    "quantity",
    "unit",
    "unit_price",
]


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser("export", help="write order records to standard output")
    export.add_argument("--format", choices=["jsonl", "csv"], required=True)
    export.add_argument(
        "--status",
        choices=["accepted", "review", "rejected", "all"],
        default="accepted",
        help="which orders (default: accepted, the clean table an ERP imports)",
    )
    export.set_defaults(handler=export_orders)


def export_orders(args: argparse.Namespace) -> int:
    store = open_store(load_settings())
    numbered = store.numbered_records(None if args.status == "all" else args.status)
    if args.format == "jsonl":
        for _, record in numbered:
            sys.stdout.write(record.model_dump_json() + "\n")
        return 0
    # CSV: one row per order line, the order's fields repeated (what ERPs import).
    # RFC 4180 line ends: the writer then quotes a field holding a bare carriage return.
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for order_id, record in numbered:
        head = {"order_id": order_id, **record.model_dump(mode="json", exclude={"lines"})}
        for line in record.lines or [None]:
            row = {**head, **(line.model_dump(mode="json") if line else {})}
            writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return 0


# A cell starting with one of these is a formula to Excel or LibreOffice (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Customer text made inert for a spreadsheet: a leading formula character gets a quote.

    Numbers stay numbers (a negative quantity is not a formula); any other text that
    a spreadsheet would evaluate is prefixed with `'`, which it shows but never runs.
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS) or _is_number(value):
        return value
    return "'" + value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text
