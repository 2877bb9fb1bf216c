"""`intake catalog import`: load or update the reference data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from intake.commands import load_settings, open_store


def register(sub: argparse._SubParsersAction) -> None:
    catalog = sub.add_parser("catalog", help="reference data")
    catalog_sub = catalog.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    imp = catalog_sub.add_parser(
        "import", help="load or update products, customers, customer refs and past order lines"
    )
    imp.add_argument("--products", type=Path, help="products.csv")
    imp.add_argument("--customers", type=Path, help="customers.csv")
    imp.add_argument("--customer-refs", type=Path, help="customer_refs.csv")
    imp.add_argument("--history", type=Path, help="past order lines exported from the ERP (docs/history.md)")
    imp.set_defaults(handler=import_catalog)


def import_catalog(args: argparse.Namespace) -> int:
    from models import CustomerRefRow, CustomerRow, HistoryRow, ProductRow, read_reference_csv

    if not any((args.products, args.customers, args.customer_refs, args.history)):
        print(
            "intake: catalog import needs at least one file (--products, --customers, ...)", file=sys.stderr
        )
        return 2
    store = open_store(load_settings())
    bad_rows = 0
    for path, model, upsert, label in (
        (args.products, ProductRow, store.upsert_products, "products"),
        (args.customers, CustomerRow, store.upsert_customers, "customers"),
        (args.customer_refs, CustomerRefRow, store.upsert_customer_refs, "customer refs"),
        (args.history, HistoryRow, store.upsert_history, "history lines"),
    ):
        if path is None:
            continue
        rows, errors = read_reference_csv(
            path,
            model,
            on_progress=lambda n, label=label: print(f"  {label}: {n} rows read", file=sys.stderr),
        )
        for error in errors:
            print(f"intake: bad row: {error}", file=sys.stderr)
        bad_rows += len(errors)
        count = upsert(rows)
        print(
            f"{label}: {count} loaded from {path}" + (f", {len(errors)} bad rows skipped" if errors else "")
        )
    return 1 if bad_rows else 0
