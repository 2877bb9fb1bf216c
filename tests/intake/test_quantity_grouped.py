"""A quantity read as thousands from '2.000' or '4,000' holds the order: an ERP print writes every count to
three decimals, so the customer may have meant 2. A figure of its order that cannot be thousands ('0.500')
settles the reading, and a count written plainly raises nothing."""

from __future__ import annotations

from intake.routing.checks import ALL_CHECKS, CheckContext
from intake.routing.checks.grouped import check_quantity_grouped
from models import SourceRow
from tests.factories.pipeline import make_line, make_matched_order, make_parsed


def _codes(text: str, read: list[tuple[str, str]]) -> list[str]:
    """The check's codes for lines whose quantities were read from the figures `read` of the text."""
    parsed = make_parsed(text=text)
    lines = []
    for number, (figure, quantity) in enumerate(read, start=1):
        start = text.index(figure)
        lines.append(make_line(None, quantity, number=number, span=(start, start + len(figure))))
    ctx = CheckContext(parsed=parsed, matched=make_matched_order(lines))
    return [r.code for r in check_quantity_grouped(ctx)]


def test_an_erp_print_pasted_in_a_mail_holds_its_thousands():
    # lab supplies, a Dutch buyer's ERP: every count printed to three decimals
    text = "10  LV-2201  Pipettes Pasteur 3 ml   2.000  EA\n20  LV-3140  Gants nitrile M   12.000  BX\n"
    assert _codes(text, [("2.000", "2000"), ("12.000", "12000")]) == ["quantity_grouped"] * 2


def test_a_comma_grouping_holds_too():
    text = "Item 4471 garden hose reel ... 4,000\n"
    assert _codes(text, [("4,000", "4000")]) == ["quantity_grouped"]


def test_the_reading_as_a_count_raises_nothing():
    text = "10  PAP-A4  Ramette A4 80 g   5.000  PCE\n"
    assert _codes(text, [("5.000", "5")]) == []


def test_a_figure_that_cannot_be_thousands_settles_the_order():
    text = "10  GAZ-13  Gaine ICTA 20 mm   1.000  RL\n20  CAB-25  Câble R2V 3G2,5   0.500  KM\n"
    assert _codes(text, [("1.000", "1000"), ("0.500", "0.5")]) == []


def test_plain_counts_and_spaced_thousands_raise_nothing():
    text = "Étiquettes 100x50 : 1 500\nRubans transfert : 12\n"
    assert _codes(text, [("1 500", "1500"), ("12", "12")]) == []


def test_a_documents_quantity_cell_is_what_the_customer_wrote():
    matched = make_matched_order([make_line("VIS-440-200", "3000"), make_line("CIM-25", "10", number=2)])
    matched.order.rows = [
        SourceRow(text="Vis 4x40 | 3.000 | pce", quantity="3.000"),
        SourceRow(text="Ciment 25 kg | 10 | sac", quantity="10"),
    ]
    ctx = CheckContext(parsed=make_parsed(text="ci-joint notre commande"), matched=matched)
    reasons = check_quantity_grouped(ctx)
    assert [(r.code, r.line_no) for r in reasons] == [("quantity_grouped", 1)]
    assert '"3.000"' in reasons[0].message and " 3 printed to three decimals" in reasons[0].message


def test_the_check_is_run_with_the_others():
    assert check_quantity_grouped in ALL_CHECKS
