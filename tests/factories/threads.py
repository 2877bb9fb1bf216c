"""Replies under one of our quoted messages, and what their orders' lines name, for the thread tests."""

from __future__ import annotations

from matchers import CatalogIndex, match_article
from models import ExtractedOrder, ParsedMessage
from tests.factories.pipeline import make_parsed


def reply_quoting(said: str, message: str, *, subject: str = "RE: rupture") -> ParsedMessage:
    """The customer's `said` above our `message`, quoted Gmail-style ('Le ... a écrit :', '> ')."""
    quoted = (
        "Le lun. 7 déc. 2026 à 09:20, Service commandes <commandes@garonne-pro.fr> a écrit :\n"
        + "\n".join(f"> {line}" for line in message.split("\n"))
    )
    return make_parsed(text=f"Bonjour,\n\n{said}\n").model_copy(update={"quoted": quoted, "subject": subject})


def skus_of(order: ExtractedOrder, index: CatalogIndex) -> list[tuple[str | None, int]]:
    """(sku matched, count) of each line of the order, in its order."""
    return [
        (match_article(line, index, customer_id=None).sku, int(line.quantity.value) if line.quantity else 0)
        for line in order.lines
    ]
