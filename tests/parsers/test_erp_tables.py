"""A purchase order an ERP prints into a mail's body: its headings as the ERP names them and its counts
to three decimals (parsers/text/fixed_decimals.py, parsers/text/table_roles.split_joined_headings)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import ParsedMessage
from parsers import extract_orders
from parsers.text.reader import read_lines
from parsers.text.tables import read_header


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pos. Material     Short text                         Qty    UoM\n"
            "1    LAB-PIP-10   Pipette tips 10 ul rack of 96      6.000  PC\n"
            "2    LAB-TUB-15   Centrifuge tubes 15 ml             4.000  PC\n"
            "3                 Nitrile gloves M box of 100        2.000  PC\n",
            [("LAB-PIP-10", Decimal(6)), ("LAB-TUB-15", Decimal(4)), (None, Decimal(2))],
        ),
        (
            "Item  Vendor mat.  Description                      Qty       UoM  Deliv.\n"
            "10    ST-A4-80     COPY PAPER A4 80G REAM           12.000    EA   10.12.2026\n"
            "20    ST-ENV-C4    ENVELOPES C4 BOX 250              1.500    BX   11.12.2026\n",
            [("ST-A4-80", Decimal(12)), ("ST-ENV-C4", Decimal("1.5"))],
        ),
        (
            "Line Part no.     Description                  Quantity  UoM\n"
            "1   PLB-CU-22     Copper pipe 22 mm 3 m          20.000  EA\n"
            "2   PLB-ELB-22    Elbow 90 22 mm                 50.000  EA\n",
            [("PLB-CU-22", Decimal(20)), ("PLB-ELB-22", Decimal(50))],
        ),
    ],
    ids=["lab-pos-material", "stationery-vendor-material", "plumbing-no-code"],
)
def test_an_erps_english_table_counts_to_three_decimals_and_names_its_material_column(
    text: str, expected: list[tuple[str | None, Decimal]]
) -> None:
    lines = read_lines(text, part="body")
    assert [(ln.code.value if ln.code else None, ln.quantity.value) for ln in lines] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pos   Réf.        Désignation                 Qté\n"
        "1     VIS-4X40    Vis inox 4x40              1.000\n"
        "2     CHEV-6      Chevilles nylon 6 mm       2.000\n",
        "Code        Description                 Qty\n"
        "VIS-4X40    Stainless screws 4x40       1.000\n"
        "CHEV-6      Nylon plugs 6 mm            12\n",
    ],
    ids=["french-heading", "not-every-count"],
)
def test_a_dot_and_three_digits_group_thousands_unless_an_english_column_writes_every_count_so(
    text: str,
) -> None:
    assert read_lines(text, part="body")[0].quantity.value == Decimal(1000)


def test_a_line_number_heading_one_space_from_another_heading_is_cut_from_it() -> None:
    header = read_header("Pos. Material     Short text      Qty    UoM")
    assert header is not None
    assert header.roles == {"line": 0, "code": 1, "description": 2, "quantity": 3, "unit": 4}
    kept = read_header("No. off   Description")  # 'No. off' names the count as a whole
    assert kept is not None and kept.roles == {"quantity": 0, "description": 1}


SENT = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "Item  Material      Description               Qty      UoM  Deliv.\n"
            "10    LAB-PIP-10    PIPETTE TIPS 10 UL        6.000    PC   11.12.2026\n"
            "20    LAB-TUB-15    CENTRIFUGE TUBES 15 ML    4.000    PC   10.12.2026\n",
            None,
        ),
        (
            "Réf.        Désignation              Qté   Date de livraison\n"
            "ST-A4-80    Ramette A4 80 g          12    14/12/2026\n"
            "ST-ENV-C4   Enveloppes C4 x 250      2     14/12/2026\n",
            dt.date(2026, 12, 14),
        ),
        (
            "Code        Description                 Qty\nPLB-CU-22   Copper pipe 22 mm 3 m       20\n",
            None,
        ),
    ],
    ids=["rows-dated-apart", "date-de-livraison-column", "no-delivery-column"],
)
def test_the_date_every_row_of_a_body_tables_delivery_column_gives_is_the_orders_delivery(
    table: str, expected: dt.date | None
) -> None:
    parsed = ParsedMessage(
        message_id="<t@x>", text=f"Please find our order below.\n\n{table}", subject="PO", date=SENT
    )
    [order] = extract_orders(parsed)
    assert (order.requested_delivery_date.value if order.requested_delivery_date else None) == expected


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "Item  Vendor code  Description               Qty    UoM\n"
            "10    ST-A4-80     COPY PAPER A4 80G REAM     12.00  EA\n"
            "20    ST-ENV-C4    ENVELOPES C4 BOX 250        2.00  BX\n"
            "\n"
            "Order total (GBP equiv. for reference only): 1,140.00\n",
            ["ST-A4-80", "ST-ENV-C4"],
        ),
        (
            "Réf.        Désignation                  Qté\n"
            "PLB-CU-22   Tube cuivre 22 mm 3 m         20\n"
            "PLB-ELB-22  Coude 90 22 mm                50\n"
            "\n"
            "Total de la commande : 412,50\n",
            ["PLB-CU-22", "PLB-ELB-22"],
        ),
        (
            "Code        Description                 Qty\n"
            "LAB-TIP-10  Filter tips 10 ul rack      6\n"
            "PO total: 318.00\n",
            ["LAB-TIP-10"],
        ),
    ],
    ids=["order-total-en-office", "total-de-la-commande-fr-plumbing", "po-total-en-lab"],
)
def test_the_whole_orders_amount_under_a_pasted_order_is_no_line(text: str, codes: list[str]) -> None:
    lines = read_lines(text, part="body")
    assert [ln.code.value if ln.code else None for ln in lines] == codes
