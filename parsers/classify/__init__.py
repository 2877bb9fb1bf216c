"""Classification: ParsedMessage -> Classification (order, reply, invoice, ...)."""

from parsers.classify.signals import classify

__all__ = ["classify"]
