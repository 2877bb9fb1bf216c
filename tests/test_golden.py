"""One test per labelled message (the public samples and our own fixtures).

Each message must go through the pipeline without failing, be classified as
the label says (order or not), and never reach the clean table wrong: an
order that is not exactly right may wait for a clerk, but is never accepted.
Overall accuracy is measured by `intake eval` and asserted in test_accuracy.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.ingest import ingest_file
from intake.reports.scoring import order_is_right, pair_orders
from matchers import CatalogIndex
from models import Settings, Store
from tests.paths import FIXTURES, SAMPLES

CASES = [(SAMPLES / "emails", SAMPLES / "ref"), (FIXTURES, FIXTURES.parent / "ref")]


def labelled_files() -> list:
    params = []
    for folder, ref in CASES:
        for path in sorted(folder.glob("*.eml")):
            if path.with_suffix(".expected.json").exists():
                params.append(pytest.param(path, ref, id=f"{folder.parent.name}/{path.stem}"))
    return params


@pytest.mark.parametrize(("path", "ref"), labelled_files())
def test_labelled_message(
    path: Path, ref: Path, tmp_path: Path, reference_index: Callable[[Path], CatalogIndex]
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/intake.db")
    store = Store.open(settings.database_url)
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))

    outcome = ingest_file(store, path, index=reference_index(ref), settings=settings)

    assert outcome.state == "processed", outcome.error
    assert outcome.result is not None
    predicted = [o.record.model_dump(mode="json") for o in outcome.result.orders]
    assert bool(predicted) == bool(expected), "classified as order" if predicted else "missed the order"
    for pred, exp in pair_orders(predicted, expected):
        if pred is not None and pred["status"] == "accepted":
            assert exp is not None and order_is_right(pred, exp), "accepted an order that is not right"
    if expected:
        assert {r["message_id"] for r in predicted} == {expected[0]["message_id"]}
