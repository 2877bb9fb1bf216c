"""Follow-ups read against the linked order: English wording against French designations,
quantities set, added and removed, and the lines of a return."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intake.followups import OrderLines, compute_change
from intake.followups.diff import english_to_catalogue, order_index
from matchers import CatalogIndex
from models import Store, load_reference_dir

REF = Path(__file__).parents[2] / "fixtures" / "followups" / "ref"
TODAY = dt.date(2026, 11, 20)
# A valve, an elbow, a PTFE tape and a circulator (plumbing catalogue, French designations).
LINES = [("PLB-34771", 3.0), ("PLB-37699", 10.0), ("PLB-23554", 10.0), ("PLB-37498", 10.0)]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CatalogIndex:
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('ref')}/ref.db")
    load_reference_dir(store, REF)
    return CatalogIndex.build(store.load_reference())


@pytest.fixture(scope="module")
def order(index: CatalogIndex) -> OrderLines:
    return OrderLines(lines=LINES, index=order_index(index, [sku for sku, _ in LINES]))


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ('the 3/4" ball valves', 'the 3/4" vanne sphere'),
        ("brass elbows", "laiton coude"),
        ("PTFE tape", "PTFE ruban"),
        ("robinet d'arrêt", "robinet d'arrêt"),
    ],
    ids=["two-words-plural", "plural", "singular", "french-untouched"],
)
def test_english_trade_words_read_as_the_catalogues(english: str, french: str) -> None:
    assert english_to_catalogue(english) == french


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "please increase the ball valves to 16 pcs and drop the PTFE tape",
            {"set_quantity": [{"sku": "PLB-37699", "quantity": 16.0}], "remove": ["PLB-37498"]},
        ),
        ("Please add 2 more brass elbows.", {"set_quantity": [{"sku": "PLB-23554", "quantity": 12.0}]}),
    ],
    ids=["increase-and-drop", "more"],
)
def test_an_english_change_names_the_orders_french_articles(
    index: CatalogIndex, order: OrderLines, text: str, expected: dict
) -> None:
    change = compute_change(text, order, index, customer_id=None, today=TODAY)
    assert change.labelled() == expected
