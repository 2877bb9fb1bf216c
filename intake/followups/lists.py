"""A change written as the whole corrected order: its diff against the order taken."""

from __future__ import annotations

from collections.abc import Sequence

from intake.followups.order_article import OrderLines
from models.followups import OrderChange, SkuQuantity

# A list written in a change is the whole corrected order when it repeats this many of its articles.
FULL_LIST_SHARED = 2
FULL_LIST_SHARE = 0.6


def list_change(listed: Sequence[tuple[str, float]], order: OrderLines) -> OrderChange:
    """The change a full corrected list makes to the order: lines added, gone, requantified.

    Never certain: a line the reader missed would read as a removal, so a clerk confirms it.
    """
    held = dict(order.lines)
    new = dict(listed)
    return OrderChange(
        add=[SkuQuantity(sku=sku, quantity=q) for sku, q in new.items() if sku not in held],
        remove=[sku for sku in held if sku not in new],
        set_quantity=[
            SkuQuantity(sku=sku, quantity=q) for sku, q in new.items() if sku in held and q != held[sku]
        ],
        certain=False,
    )


def is_full_list(listed: Sequence[tuple[str, float]], order: OrderLines) -> bool:
    """Most of the order's articles are listed again: the list stands for the whole order."""
    shared = len({sku for sku, _ in listed} & order.skus)
    return shared >= max(FULL_LIST_SHARED, FULL_LIST_SHARE * len(order.skus))
