"""Whatever the readers hand over, routing answers: never an exception, never a wrong status."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from intake.routing.decision import decide
from models import Candidate, Extracted, OrderStatus, Settings
from tests.factories.pipeline import (
    CUSTOMERS,
    PRODUCTS,
    make_history,
    make_line,
    make_matched_order,
    make_parsed,
)

# The models refuse NaN and infinite decimals; scores are floats and may be anything.
numbers = (
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9)
    | st.none()
)
scores = st.floats(allow_nan=True, allow_infinity=True, min_value=None, max_value=None)
skus = st.sampled_from([*PRODUCTS, None, "NOT-IN-CATALOGUE"])


@st.composite
def lines(draw: st.DrawFn):
    quantity = draw(numbers)
    line = make_line(
        draw(skus),
        None,
        score=draw(scores),
        margin=draw(scores),
        unit=draw(st.sampled_from([None, "boite", "Boîtes", "kg", "carton", ""])),
        candidates=[
            Candidate(key=k, score=draw(st.floats(0, 2)))
            for k in draw(st.lists(skus.filter(bool), max_size=3))
        ],
    )
    price = draw(numbers)
    return line.model_copy(update={"quantity": quantity, "unit_price": price})


@settings(max_examples=150, deadline=None)
@given(st.lists(lines(), max_size=4), numbers, st.floats(0, 1))
def test_routing_never_fails_on_odd_numbers(order_lines, total, threshold: float):
    matched = make_matched_order(order_lines, total=None)
    if total is not None:
        matched.order.total_excl_vat = Extracted[Decimal](value=total)
    decision = decide(
        make_parsed(),
        matched,
        settings=Settings(accept_threshold=threshold),
        products=PRODUCTS,
        customers=CUSTOMERS,
        history=make_history(),
    )
    assert decision.status in (OrderStatus.ACCEPTED, OrderStatus.REVIEW)
    assert 0.0 <= decision.confidence <= 1.0
    unusable = [
        line for line in order_lines if line.quantity is None or line.quantity <= 0 or line.sku is None
    ]
    if unusable or not order_lines:
        assert decision.status == OrderStatus.REVIEW
