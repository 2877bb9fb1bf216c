import pytest

from models import CustomerRefRow, CustomerRow, ProductRow, ReferenceDataError
from models.reference import parse_reference_csv


def test_customer_lists_are_split_and_lowered():
    rows, errors = parse_reference_csv(
        "customer_id,name,email_domains,contact_emails\nC1,Acme,Acme.fr; acme.com,Buyer@Acme.fr\n",
        CustomerRow,
        source="customers.csv",
    )
    assert errors == []
    assert rows[0].email_domains == ["acme.fr", "acme.com"]
    assert rows[0].contact_emails == ["buyer@acme.fr"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param("sku,name\nA,Thing\nA,Again\n", "line 3: duplicate key A", id="duplicate"),
        pytest.param("sku,name,stock\nA,Thing,many\n", "line 2, column 'stock'", id="bad-integer"),
        pytest.param("sku,name\n,Thing\n", "line 2, column 'sku'", id="empty-key"),
    ],
)
def test_bad_rows_are_named_by_line_and_column(text, where):
    _rows, errors = parse_reference_csv(text, ProductRow, source="products.csv")
    assert [where in str(e) for e in errors] == [True]


def test_an_empty_file_is_an_error():
    with pytest.raises(ReferenceDataError, match="empty"):
        parse_reference_csv("", CustomerRefRow, source="refs.csv")


def test_customer_refs_are_unique_per_customer_not_globally():
    rows, errors = parse_reference_csv(
        "customer_id,customer_ref,sku\nC1,X-1,A\nC2,X-1,B\nC1,X-1,C\n", CustomerRefRow, source="refs.csv"
    )
    assert len(rows) == 2 and "line 4" in str(errors[0])
