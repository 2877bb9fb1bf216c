"""The matchers alone on a labelled folder: customers from the parsed messages, articles from the labels.

Customers: each message is parsed and its orders extracted by the current
readers, then matched; a miss can come from the readers (e.g. a PDF ship-to
not read). Articles: every labelled line's wording, customer code and unit are
matched with the labelled customer, so the figure is the matcher's own.

    python -m bench.match_samples SAMPLES_DIR/emails --ref SAMPLES_DIR/ref
"""

from __future__ import annotations

import argparse
import json
import tempfile
from decimal import Decimal
from pathlib import Path

from matchers import CatalogIndex, match_article, match_customer
from models import Extracted, ExtractedLine, ExtractedOrder, Store, load_reference_dir
from parsers import extract_orders, parse_message


def build_index(ref: Path) -> CatalogIndex:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/ref.db")
        load_reference_dir(store, ref)
        return CatalogIndex.build(store.load_reference())


def customers(folder: Path, index: CatalogIndex) -> tuple[int, int, list[str]]:
    right = total = 0
    misses = []
    for path in sorted(folder.glob("*.expected.json")):
        records = json.loads(path.read_text(encoding="utf-8"))
        if not records:
            continue
        parsed = parse_message(path.with_name(path.name.replace(".expected.json", ".eml")).read_bytes())
        orders = extract_orders(parsed) or [ExtractedOrder()]
        for number, record in enumerate(records):
            order = orders[min(number, len(orders) - 1)]
            found = match_customer(parsed, order, index)
            total += 1
            right += found.customer_id == record["customer_id"]
            if found.customer_id != record["customer_id"]:
                misses.append(f"{path.name}: want {record['customer_id']}, got {found.customer_id}")
    return right, total, misses


def lines(folder: Path, index: CatalogIndex) -> tuple[int, int, int, list[str]]:
    right = total = sure_wrong = 0
    misses = []
    for path in sorted(folder.glob("*.expected.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            for line in record["lines"]:
                extracted = ExtractedLine(
                    line_no=line["line_no"],
                    code=Extracted(value=line["customer_ref"]) if line["customer_ref"] else None,
                    description=Extracted(value=line["description"] or ""),
                    quantity=Extracted(value=Decimal(str(line["quantity"]))),
                    unit=Extracted(value=line["unit"]) if line["unit"] else None,
                )
                match = match_article(extracted, index, customer_id=record["customer_id"])
                total += 1
                right += match.sku == line["sku"]
                if match.sku != line["sku"]:
                    sure_wrong += match.score >= 0.9
                    misses.append(f"{path.name} {line['description']!r}: want {line['sku']}, got {match.sku}")
    return right, total, sure_wrong, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--ref", type=Path, required=True)
    args = parser.parse_args()
    index = build_index(args.ref)
    right, total, misses = customers(args.folder, index)
    print(f"customers  {right}/{total}  {right / total:.1%}")
    for miss in misses:
        print("   ", miss)
    right, total, sure_wrong, misses = lines(args.folder, index)
    print(f"lines      {right}/{total}  {right / total:.1%}  (wrong with confidence >= 0.9: {sure_wrong})")
    for miss in misses:
        print("   ", miss)


if __name__ == "__main__":
    main()
