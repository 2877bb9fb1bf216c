"""Matching customers and articles against the reference data."""

from matchers.aliases import learn_alias
from matchers.articles import match_article
from matchers.customers import match_customer
from matchers.index import CatalogIndex, IndexCache
from models import ExtractedOrder, MatchedOrder, ParsedMessage


def match_order(parsed: ParsedMessage, order: ExtractedOrder, index: CatalogIndex) -> MatchedOrder:
    """The customer first, then each line with that customer's own codes."""
    customer = match_customer(parsed, order, index)
    lines = [match_article(line, index, customer_id=customer.customer_id) for line in order.lines]
    ship_to = order.ship_to.value if order.ship_to else None
    if ship_to is None and customer.customer_id:
        ship_to = index.customers[customer.customer_id].ship_to
    return MatchedOrder(order=order, customer=customer, lines=lines, ship_to=ship_to)


__all__ = ["CatalogIndex", "IndexCache", "learn_alias", "match_article", "match_customer", "match_order"]
