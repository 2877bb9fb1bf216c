"""Matching customers and articles against the reference data."""

from matchers.aliases import learn_alias
from matchers.articles import match_article
from matchers.carried import with_carried_twins
from matchers.context import line_headings, message_words
from matchers.customers import match_customer
from matchers.habits import decided_by_habit
from matchers.index import CatalogIndex, IndexCache
from matchers.twins import twin_left_untold
from models import ExtractedOrder, MatchedOrder, ParsedMessage


def match_order(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> MatchedOrder:
    """The customer first, then each line with that customer's own codes."""
    customer = match_customer(parsed, order, index)
    customer_id = customer.customer_id
    habits = index.habits.get(customer_id) if customer_id else None
    context = message_words(parsed, order.lines)
    headings = line_headings(parsed, order.lines)
    lines = with_carried_twins(
        [
            match_article(
                line, index, customer_id=customer_id, habits=habits, context=context, heading=heading
            )
            for line, heading in zip(order.lines, headings, strict=True)
        ],
        index,
    )
    ship_to = order.ship_to.value if order.ship_to else None
    if ship_to is None and customer.customer_id:
        ship_to = index.customers[customer.customer_id].ship_to
    return MatchedOrder(order=order, customer=customer, lines=lines, ship_to=ship_to)


__all__ = [
    "CatalogIndex",
    "IndexCache",
    "decided_by_habit",
    "learn_alias",
    "match_article",
    "match_customer",
    "match_order",
    "twin_left_untold",
]
