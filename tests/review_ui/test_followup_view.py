"""One follow-up on the desk: a change not read surely says so, with what was not understood."""

from __future__ import annotations

import pytest

from models.followup_desk import FollowupRows
from models.followups import OrderChange, SkuQuantity
from models.tables import Followup, Order, OrderLine
from review_ui.followups import FollowupView, _fill_diff


def _view(change: OrderChange) -> FollowupView:
    row = Followup(message_pk=1, message_id="<f@x>", kind="change", change=change.model_dump(mode="json"))
    order = Order(id=7, message_pk=2, status="review")
    line = OrderLine(order_id=7, line_no=1, sku="A-1", description="Article un", quantity=4)
    rows = FollowupRows(
        row=row, message=None, order=order, customer=None, lines=[line], candidates=[], products={}
    )
    view = FollowupView(row=row, order=order)
    _fill_diff(rows, view)
    return view


@pytest.mark.parametrize("certain", [True, False])
def test_the_view_says_whether_the_change_was_read_surely(certain: bool):
    change = OrderChange(set_quantity=[SkuQuantity(sku="A-1", quantity=6)], certain=certain, unread=[])
    view = _view(change)
    assert view.unsure is not certain
    assert [(d.sku, d.before, d.after, d.state) for d in view.diff] == [("A-1", 4, 6, "changed")]


def test_what_was_not_understood_is_shown_to_the_clerk():
    view = _view(OrderChange(unread=["et remplacez le reste par du plus grand"], certain=False))
    assert view.unsure and view.unread == ["et remplacez le reste par du plus grand"]
