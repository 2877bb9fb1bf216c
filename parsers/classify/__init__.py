"""Classification: ParsedMessage -> Classification (order, reply, invoice, ...)."""

from parsers.classify.followup import followup_sign
from parsers.classify.signals import awaits_catalogue, by_catalogue, classify, classify_ahead

__all__ = ["awaits_catalogue", "by_catalogue", "classify", "classify_ahead", "followup_sign"]
