"""Classification: ParsedMessage -> Classification (order, reply, invoice, ...)."""

from parsers.classify.signals import awaits_catalogue, by_catalogue, classify

__all__ = ["awaits_catalogue", "by_catalogue", "classify"]
