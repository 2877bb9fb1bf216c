"""A line amount that is not quantity × price: a discount (a warning) or a misread figure (held in every mode)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from intake.routing import decide
from intake.routing.checks.amounts import is_discount
from models import OrderStatus, RoutingMode, Settings, Severity, SourceRow
from tests.factories.pipeline import CUSTOMERS, PRODUCTS, make_line, make_matched_order, make_parsed

HEADINGS = {
    "fr": "Réf. | Désignation | Qté | PU HT | Remise | Montant HT",
    "fr-short": "Référence | Désignation | Qté | U | P.U. HT | Rem.% | Montant HT",
    "merged": "Code | Désignation | Quantité | Unité | P.U. HT Remise | Montant HT TVA",
    "en": "Item | Description | Qty | Unit price | Disc. | Amount",
    "de": "Pos. | Artikel | Menge | Preis | Rabatt | Betrag",
    "percent": "Measure | Cost Excl. VAT | % | Excl. VAT",
}


def amount_reason(*, price: str | None, amount: str, rows: list[SourceRow] = (), text: str = ""):
    """The line_amount_mismatch reason of a 4-unit line and the decision in automatic mode."""
    matched = make_matched_order([make_line("VIS-440-200", "4", printed_price=price, amount=amount)])
    matched = matched.model_copy(update={"order": matched.order.model_copy(update={"rows": list(rows)})})
    decision = decide(
        make_parsed(text=text),
        matched,
        settings=Settings(routing_mode=RoutingMode.AUTOMATIC, new_customer_orders=0),
        products=PRODUCTS,
        customers=CUSTOMERS,
    )
    [reason] = [r for r in decision.reasons if r.code == "line_amount_mismatch"]
    return reason, decision


@pytest.mark.parametrize(
    "amount", ["20.00", "30.00", "2.40", "23.00"], ids=["below", "above", "a-tenth", "a-euro-off"]
)
def test_an_amount_no_discount_explains_holds_the_order_as_a_misread(amount):
    reason, decision = amount_reason(price="6.00", amount=amount)
    assert reason.severity == Severity.ERROR and "misread" in reason.message
    assert decision.status == OrderStatus.REVIEW


@pytest.mark.parametrize("amount", ["21.60", "18.00", "22.80", "21.00"], ids=["10%", "25%", "5%", "12.5%"])
def test_a_round_discount_without_a_column_stays_a_warning(amount):
    reason, _ = amount_reason(price="6.00", amount=amount)
    assert reason.severity == Severity.WARNING


@pytest.mark.parametrize("heading", HEADINGS.values(), ids=HEADINGS.keys())
def test_under_a_discount_column_any_difference_stays_a_warning(heading):
    reason, decision = amount_reason(
        price="6.00", amount="20.00", rows=[SourceRow(text=heading, region="header")]
    )
    assert reason.severity == Severity.WARNING
    assert all(r.severity != Severity.ERROR for r in decision.reasons)


def test_a_discount_spoken_of_in_the_body_stays_a_warning():
    reason, _ = amount_reason(
        price="6.00", amount="20.00", text="Remise négociée appliquée.\n- 4 x VIS-440-200\n"
    )
    assert reason.severity == Severity.WARNING


def test_a_heading_that_only_resembles_a_discount_does_not_excuse_a_misread():
    rows = [SourceRow(text="Réf. | Désignation | Qté | PU HT | Montant HT | Remarques", region="header")]
    reason, _ = amount_reason(price="6.00", amount="20.00", rows=rows)
    assert reason.severity == Severity.ERROR


def test_against_the_catalogue_price_a_difference_stays_a_warning():
    # No price printed: the customer's own price may differ from the catalogue's.
    reason, _ = amount_reason(price=None, amount="20.00")
    assert reason.severity == Severity.WARNING


@pytest.mark.parametrize(
    ("gross", "printed", "quantity", "discount"),
    [
        ("5.37", "5.10", "3", True),  # 5 %, rounded on the line
        ("161.00", "152.95", "20", True),  # 5 %
        ("2.58", "2.26", "1", True),  # 12.5 %
        ("1131.00", "989.63", "50", True),  # 12.5 %
        ("16.8498", "12.64", "3", True),  # 25 % of a four-decimal price
        ("24.00", "20.00", "4", False),  # 16.67 %
        ("100.00", "10.00", "10", False),  # 90 %: no discount, a quantity or a price misread
        ("24.00", "30.00", "4", False),  # above: never a discount
    ],
)
def test_a_discount_is_a_round_share_of_the_line(gross, printed, quantity, discount):
    assert is_discount(Decimal(gross), Decimal(printed), Decimal(quantity)) is discount
