"""Arithmetic checks that raise or lower the confidence of a document's order."""

from __future__ import annotations

from decimal import Decimal

from models import ExtractedOrder

# Printed amounts are rounded to the cent; a line may round each product.
TOLERANCE = Decimal("0.02")
BONUS = 0.05
PENALTY = 0.25


def check_order(order: ExtractedOrder) -> ExtractedOrder:
    """Quantity x unit price against each line's amount; the lines' sum against the total excl. VAT."""
    for line in order.lines:
        if not (line.quantity and line.unit_price and line.amount):
            continue
        product = line.quantity.value * line.unit_price.value
        if abs(product - line.amount.value) <= TOLERANCE * max(1, line.quantity.value):
            line.confidence = min(1.0, line.confidence + BONUS)
        else:
            line.confidence = max(0.0, line.confidence - PENALTY)
            line.notes.append(
                f"quantity x unit price = {product:.2f}, but the line amount is {line.amount.value:.2f}"
            )
    amounts = [line.amount.value for line in order.lines if line.amount]
    if order.total_excl_vat is None or not amounts:
        return order
    total = sum(amounts, Decimal(0))
    printed = order.total_excl_vat.value
    if len(amounts) == len(order.lines) and abs(total - printed) <= TOLERANCE:
        order.confidence = min(1.0, order.confidence + BONUS)
        order.notes.append(f"the lines add up to the total excl. VAT ({printed:.2f})")
    else:
        order.confidence = max(0.0, order.confidence - PENALTY)
        order.notes.append(
            f"the lines add up to {total:.2f}, the document's total excl. VAT is {printed:.2f}: a line may be missing or misread"
        )
    return order
