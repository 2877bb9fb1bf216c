"""A document's totals carried over page breaks hold the order when the lines read above them fall short.

The PDFs are drawn over two and three pages, with "A reporter" at each page's
end and "Report" at the next page's head and no grand total, so the carried
totals are the only printed sums the lines can be checked against.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

import pytest

from intake.pipeline import PipelineDeps
from intake.reading import process
from intake.routing import decide
from intake.routing.checks.carried import carried_amount
from matchers import CatalogIndex
from models import (
    MatchedOrder,
    OrderStatus,
    ProcessResult,
    RawMessage,
    RoutingMode,
    Settings,
    Severity,
    SourceRow,
)
from tests.factories.documents import Item, Layout, make_po_pdf
from tests.paths import FIXTURES

# Catalogue articles of fixtures/ref with their prices: (code, designation, price).
ARTICLES = [
    ("VIS-440-200", "Vis agglo inox A2 4x40 boîte de 200", Decimal("5.91")),
    ("VIS-550-200", "Vis agglo inox A2 5x50 boîte de 200", Decimal("7.55")),
    ("VIS-320-200", "Vis agglo inox A2 3x20 boîte de 200", Decimal("4.09")),
    ("VIS-450-200", "Vis agglo inox A2 4x50 boîte de 200", Decimal("6.64")),
]
REPORT_ROWS = ("À reporter", "Report")


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES.parent / "ref")


def fr(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def items(count: int, *, quantity_in_designation: int | None = None) -> list[Item]:
    """`count` rows over the catalogue; one may print its quantity in its designation, its cell empty."""
    made = []
    for i in range(count):
        code, text, price = ARTICLES[i % len(ARTICLES)]
        quantity = i % 7 + 2
        empty = i == quantity_in_designation
        made.append(
            Item(
                code,
                f"{text} - qté {quantity} boîtes" if empty else text,
                "" if empty else str(quantity),
                "boite",
                fr(price),
                fr(price * quantity),
            )
        )
    return made


def message(pdf: bytes) -> RawMessage:
    mail = EmailMessage()
    mail["From"] = "achats@martin-btp.fr"
    mail["To"] = "commandes@garonne-pro.fr"
    mail["Subject"] = "Commande MB-26-1301"
    mail["Message-ID"] = "<carried-1301@martin-btp.fr>"
    mail["Date"] = "Tue, 01 Dec 2026 10:15:00 +0100"
    mail.set_content(
        "Bonjour,\n\nVeuillez trouver notre commande en pièce jointe.\n\nCordialement,\nMartin BTP\n"
    )
    mail.add_attachment(pdf, maintype="application", subtype="pdf", filename="MB-26-1301.pdf")
    return RawMessage(data=mail.as_bytes())


def run(rows: list[Item], index: CatalogIndex, pages_of: int = 12) -> ProcessResult:
    layout = Layout(rows_per_page=pages_of, carried=True, fields=(("Commande n° :", "MB-26-1301"),))
    raw = message(make_po_pdf(rows, layout))
    settings = Settings(new_customer_orders=0, routing_mode=RoutingMode.AUTOMATIC)
    return process(raw, PipelineDeps(index=index, settings=settings))


def carried_reasons(reasons) -> list:
    return [r for r in reasons if r.code == "carried_total_mismatch"]


def dropping(matched: MatchedOrder, number: int) -> MatchedOrder:
    """The order as a reader that never saw its line `number` would give it: no line, no printed row."""
    line = matched.lines[number - 1].line
    order = matched.order.model_copy(
        update={
            "rows": [
                r for r in matched.order.rows if r.provenance != line.provenance and not _same_row(r, line)
            ]
        }
    )
    return matched.model_copy(
        update={"lines": [m for i, m in enumerate(matched.lines, 1) if i != number], "order": order}
    )


def _same_row(row: SourceRow, line) -> bool:
    where = line.provenance
    return bool(
        row.provenance
        and where
        and row.provenance.page == where.page
        and abs(row.provenance.bbox[1] - where.bbox[1]) < 2
    )


@pytest.mark.parametrize("count", [20, 30], ids=["two-pages", "three-pages"])
def test_carried_totals_every_line_reaches_hold_nothing(count, index):
    [order] = run(items(count), index).orders
    assert len(order.matched.lines) == count
    assert [r.text.split(" | ")[0] for r in order.matched.order.rows if carried_amount(r)] == (
        ["À reporter", "Report"] * ((count - 1) // 12)
    )
    assert carried_reasons(order.decision.reasons) == []


@pytest.mark.parametrize(
    ("count", "dropped", "pages"),
    [(20, 5, [1, 2]), (30, 16, [2, 3]), (30, 3, [1, 2, 2, 3])],
    ids=["two-pages", "three-pages-page-2", "three-pages-page-1"],
)
def test_a_line_missing_above_a_carried_total_holds_the_order_with_the_page_and_the_gap(
    count, dropped, pages, index
):
    result = run(items(count), index)
    [order] = result.orders
    missing = order.matched.lines[dropped - 1].line.amount.value
    matched = dropping(order.matched, dropped)
    decision = decide(
        result.parsed,
        matched,
        settings=Settings(new_customer_orders=0, routing_mode=RoutingMode.AUTOMATIC),
        products=index.products,
        customers=index.customers,
    )
    found = carried_reasons(decision.reasons)
    assert decision.status == OrderStatus.REVIEW
    assert [r.provenance.page for r in found] == pages
    assert all(r.severity == Severity.ERROR for r in found)
    assert all(f"{missing:.2f} € missing" in r.message for r in found)


def test_a_row_the_reader_cannot_read_shows_in_the_carried_totals(index):
    [order] = run(items(20, quantity_in_designation=4), index).orders
    assert len(order.matched.lines) == 19
    assert order.decision.status == OrderStatus.REVIEW
    assert [r.provenance.page for r in carried_reasons(order.decision.reasons)] == [1, 2]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("À reporter | 1 234,56", Decimal("1234.56")),
        ("A REPORTER : 980,00 €", Decimal("980.00")),
        ("Report | 137,50", Decimal("137.50")),
        ("Carried forward | 1,234.56", Decimal("1234.56")),
        ("Brought forward | EUR 12.345,60", Decimal("12345.60")),
        ("Sous-total page 2 | 410,20", Decimal("410.20")),
        ("Übertrag 1.234,56", Decimal("1234.56")),
    ],
)
def test_the_amount_a_carried_row_prints(text, amount):
    assert carried_amount(SourceRow(text=text)) == amount


@pytest.mark.parametrize(
    "text",
    ["Report page 1", "Transport | 25,00", "Reporting period 2026", "Total HT | 1 234,56", "Report | 12"],
)
def test_rows_that_carry_no_total(text):
    assert carried_amount(SourceRow(text=text)) is None
