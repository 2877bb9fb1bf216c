"""`intake catalog import` of a large catalogue, whole process, into a fresh store.

Writes a catalogue of N articles (designations with sizes and packs, EANs, prices,
stock), N/100 customers and N/5 customer references as the CSVs `catalog import`
reads, imports them into an empty SQLite store (and, with --postgres, an empty
PostgreSQL database), then imports them again over the same store (every row an
update). Prints wall time, CPU time and peak memory of each run (PSS over the
process tree, as bench.throughput measures it), and articles per second.

Run from the repository root: python -m bench.import_bench [--articles 100000] [--postgres]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench.throughput import Run, watch


def write_catalogue(folder: Path, articles: int) -> dict[str, Path]:
    """products.csv, customers.csv and customer_refs.csv of `articles` articles."""
    paths = {name: folder / f"{name}.csv" for name in ("products", "customers", "customer_refs")}
    customers = max(1, articles // 100)
    with paths["products"].open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["sku", "name", "unit", "unit_price", "ean", "stock"])
        for n in range(articles):
            name = f"Vis inox A2 tête fraisée {n % 12 + 3}x{n % 90 + 10} mm - boîte de {(n % 7 + 1) * 50}"
            rows.writerow(
                [f"SK{n:07d}", name, "boite", f"{n % 997 / 10 + 1:.2f}", 3700000000000 + n * 7, n % 300]
            )
    with paths["customers"].open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["customer_id", "name", "email_domains", "contact_emails", "vat_number", "ship_to"])
        for n in range(customers):
            rows.writerow(
                [
                    f"C{n:05d}",
                    f"Client {n}",
                    f"client{n}.fr",
                    f"achats@client{n}.fr",
                    "",
                    f"{n} rue Neuve, Paris",
                ]
            )
    with paths["customer_refs"].open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["customer_id", "customer_ref", "sku"])
        for n in range(articles // 5):
            rows.writerow([f"C{n % customers:05d}", f"REF-{n}", f"SK{n * 5 % articles:07d}"])
    return paths


def import_once(url: str, paths: dict[str, Path]) -> Run:
    argv = [sys.executable, "-m", "intake", "--create-store", "catalog", "import"]
    for name, flag in (
        ("products", "--products"),
        ("customers", "--customers"),
        ("customer_refs", "--customer-refs"),
    ):
        argv += [flag, str(paths[name])]
    return watch(argv, {**os.environ, "INTAKE_DATABASE_URL": url})[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--postgres", action="store_true", help="also into a private PostgreSQL")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="intake-import-"))
    postgres = None
    try:
        paths = write_catalogue(tmp, args.articles)
        stores = [("sqlite", f"sqlite:///{tmp / 'intake.db'}")]
        if args.postgres:
            from bench.services import Postgres

            postgres = Postgres.start_new()
            stores.append(("postgresql", postgres.create_database(f"import_{os.getpid()}")))
        print(
            f"{args.articles} articles, {max(1, args.articles // 100)} customers, {args.articles // 5} refs"
        )
        header = f"{'store':<11} {'run':<7} {'wall s':>7} {'CPU s':>7} {'articles/s':>11} {'peak MiB':>9}"
        print(header + "\n" + "-" * len(header))
        for name, url in stores:
            for run in ("empty", "again"):
                result = import_once(url, paths)
                rate = args.articles / result.wall
                print(
                    f"{name:<11} {run:<7} {result.wall:7.2f} {result.cpu:7.2f} {rate:11.0f} {result.peak_mib:9.0f}"
                )
    finally:
        if postgres is not None:
            postgres.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
