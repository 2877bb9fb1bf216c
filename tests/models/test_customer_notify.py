"""customers.csv's optional `notify` column: the acknowledgement opt-out."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import CustomerRow, Store, read_reference_csv
from models.tables import Customer


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param("non", False, id="non"),
        pytest.param("No", False, id="no"),
        pytest.param("0", False, id="zero"),
        pytest.param("oui", True, id="oui"),
        pytest.param("", True, id="blank-means-yes"),
    ],
)
def test_notify_column(tmp_path: Path, store: Store, cell: str, expected: bool) -> None:
    csv_path = tmp_path / "customers.csv"
    csv_path.write_text(f"customer_id,name,language,notify\nC1,Martin BTP,en,{cell}\n", encoding="utf-8")
    rows, errors = read_reference_csv(csv_path, CustomerRow)
    assert errors == []
    store.upsert_customers(rows)
    with store.session() as session:
        customer = session.get(Customer, "C1")
    assert customer is not None and (customer.notify, customer.language) == (expected, "en")


def test_a_word_that_is_no_answer_is_a_bad_row(tmp_path: Path) -> None:
    csv_path = tmp_path / "customers.csv"
    csv_path.write_text("customer_id,name,notify\nC1,Martin BTP,peut-être\n", encoding="utf-8")
    rows, errors = read_reference_csv(csv_path, CustomerRow)
    assert rows == [] and "notify" in str(errors[0])
