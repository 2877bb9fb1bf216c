"""Is this message an order? Rules on headers and words."""

from __future__ import annotations

import re

from models import Classification, MessageKind, ParsedMessage

_AUTO_SUBJECT = re.compile(r"r[ée]ponse automatique|absen(t|ce)|out of office|automatic reply", re.I)
_QUOTE = re.compile(r"\bdevis\b|demande de prix|\bquot(e|ation)\b|chiffrer", re.I)
_INVOICE = re.compile(r"\bfacture\b|\binvoice\b|\bavoir\b", re.I)


def classify(parsed: ParsedMessage) -> Classification:
    """The kind of message, from its headers first and its words second."""
    headers = {k.lower(): v.lower() for k, v in parsed.headers.items()}
    auto = headers.get("auto-submitted", "no")
    if auto not in ("", "no") or "x-autoreply" in headers or "x-autorespond" in headers:
        return Classification(kind=MessageKind.AUTO_REPLY, confidence=0.99, reasons=["auto-reply header"])
    if "list-unsubscribe" in headers or headers.get("precedence") in {"bulk", "list"}:
        return Classification(kind=MessageKind.NEWSLETTER, confidence=0.95, reasons=["bulk mail headers"])
    if _AUTO_SUBJECT.search(parsed.subject):
        return Classification(kind=MessageKind.AUTO_REPLY, confidence=0.9, reasons=["auto-reply subject"])
    words = f"{parsed.subject}\n{parsed.text}"
    if _QUOTE.search(words):
        return Classification(kind=MessageKind.QUOTE_REQUEST, confidence=0.6, reasons=["asks for a quote"])
    if _INVOICE.search(parsed.subject):
        return Classification(kind=MessageKind.INVOICE, confidence=0.6, reasons=["invoice in the subject"])
    return Classification(kind=MessageKind.ORDER, confidence=0.6, reasons=["no sign of another kind"])
