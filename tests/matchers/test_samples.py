"""Every labelled line of the public samples, matched from its wording and the customer's code."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from matchers import CatalogIndex, match_article
from tests.factories.pipeline import make_extracted_line
from tests.paths import find_samples


def sample_lines() -> list[tuple[str, dict[str, object], str | None]]:
    found = []
    for path in sorted((find_samples() / "emails").glob("*.expected.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            found += [(path.name.split(".")[0], line, record["customer_id"]) for line in record["lines"]]
    return found


LINES = sample_lines()


def _match(line: dict[str, object], customer: str | None, index: CatalogIndex):
    extracted = make_extracted_line(
        str(line["description"] or ""),
        code=str(line["customer_ref"]) if line["customer_ref"] else None,
        quantity=str(line["quantity"]),
        unit=str(line["unit"]) if line["unit"] else None,
    )
    return match_article(extracted, index, customer_id=customer)


def test_sample_lines_top1_accuracy(samples_index: CatalogIndex) -> None:
    right = sum(_match(line, customer, samples_index).sku == line["sku"] for _, line, customer in LINES)
    assert right / len(LINES) >= 0.97


@pytest.mark.parametrize(
    ("line", "customer"),
    [(line, customer) for _, line, customer in LINES],
    ids=[f"{name}-{line['line_no']}" for name, line, _ in LINES],
)
def test_sample_line_is_right_or_doubtful(
    samples_index: CatalogIndex, line: dict[str, object], customer: str
) -> None:
    """A wrong article is never proposed with the confidence that lets an order through."""
    match = _match(line, customer, samples_index)
    assert match.sku == line["sku"] or match.score < 0.9
    if match.sku == line["sku"] and match.sku is not None:
        assert match.quantity == Decimal(str(line["quantity"]))


def test_samples_are_found(samples_dir: Path) -> None:
    assert len(LINES) > 200
