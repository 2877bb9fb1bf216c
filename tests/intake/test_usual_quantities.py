"""A quantity far from what the customer usually orders of an article is flagged, counted in one unit."""

from __future__ import annotations

import pytest

from intake.routing.checks import CheckContext
from intake.routing.checks.lines import check_usual_quantities
from models import Settings
from tests.factories.pipeline import (
    PRODUCTS,
    make_history,
    make_line,
    make_matched_order,
    make_parsed,
    make_past_order,
)

SKU = "VIS-440-200"  # sold by the boite


def _reasons(quantity: str, *, unit: str | None, past: list[tuple[float, str | None]]) -> list[str]:
    orders = [make_past_order(lines=[(SKU, q)], units={SKU: u} if u else None) for q, u in past]
    ctx = CheckContext(
        parsed=make_parsed(),
        matched=make_matched_order([make_line(SKU, quantity, unit=unit)]),
        products=PRODUCTS,
        history=make_history(orders),
        settings=Settings(quantity_range_factor=5),
    )
    return [r.message for r in check_usual_quantities(ctx)]


BOXES = [(2.0, None), (4.0, "boite"), (6.0, "Boîtes")]


@pytest.mark.parametrize(
    ("quantity", "unit", "past", "flagged"),
    [
        pytest.param("400", None, BOXES, True, id="far-above-in-the-sales-unit"),
        pytest.param("31", "bte", BOXES, True, id="just-above-the-range-times-the-factor"),
        pytest.param("30", "boite", BOXES, False, id="at-the-range-times-the-factor"),
        pytest.param("4", None, BOXES, False, id="within-the-habit"),
        pytest.param("1", None, [(20.0, None), (30.0, None), (25.0, None)], True, id="far-below"),
        pytest.param("400", "carton", BOXES, False, id="another-unit-is-not-compared"),
        pytest.param(
            "400",
            "carton",
            [(2.0, "carton"), (3.0, "cartons"), (2.0, "ctn")],
            True,
            id="past-cartons-compared",
        ),
        pytest.param("400", None, BOXES[:2], False, id="too-few-past-orders-to-judge"),
        pytest.param(
            "400", None, [(2.0, "carton"), (3.0, "carton"), (2.0, None)], False, id="too-few-in-the-unit"
        ),
    ],
)
def test_a_quantity_is_judged_against_the_customer_s_quantities_in_its_unit(
    quantity: str, unit: str | None, past: list[tuple[float, str | None]], flagged: bool
) -> None:
    assert bool(_reasons(quantity, unit=unit, past=past)) is flagged


def test_the_reason_names_the_usual_range_and_its_unit() -> None:
    assert _reasons("400", unit=None, past=BOXES) == [
        f"line 1: 400 is far above what this customer usually orders of {SKU} (2 to 6 boite)"
    ]


def test_an_order_held_or_rejected_does_not_widen_the_usual_range() -> None:
    doubted = [
        make_past_order(lines=[(SKU, 400.0)]).model_copy(update={"status": s}) for s in ("review", "rejected")
    ]
    ctx = CheckContext(
        parsed=make_parsed(),
        matched=make_matched_order([make_line(SKU, "400")]),
        products=PRODUCTS,
        history=make_history([*doubted, *(make_past_order(lines=[(SKU, q)]) for q, _ in BOXES)]),
        settings=Settings(quantity_range_factor=5),
    )
    assert [r.code for r in check_usual_quantities(ctx)] == ["quantity_unusual"]


def test_without_history_nothing_is_judged() -> None:
    ctx = CheckContext(
        parsed=make_parsed(), matched=make_matched_order([make_line(SKU, "400")]), products=PRODUCTS
    )
    assert check_usual_quantities(ctx) == []
