"""Readers: MIME, bodies, HTML, PDF, spreadsheets; each turns a part into orders."""

from models import ExtractedOrder, ParsedMessage
from parsers.classify import classify
from parsers.mime import parse_message
from parsers.text import extract_from_text


def extract_orders(parsed: ParsedMessage) -> list[ExtractedOrder]:
    """Every order the message carries: one per purchase-order document, or its body."""
    body = extract_from_text(parsed)
    return [body] if body.lines else []


__all__ = ["classify", "extract_orders", "parse_message"]
