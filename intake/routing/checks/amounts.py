"""Checks on money and stock: printed prices, totals, what can be shipped now."""

from __future__ import annotations

from decimal import Decimal

from intake.routing.checks.context import (
    CheckContext,
    finite,
    line_reason,
    money,
    numbered,
    quantity_of,
    quantity_text,
)
from intake.routing.checks.reading import default_reading_rules
from models import LineMatch, ProductRow, ReviewReason, Severity
from parsers.values.units import same_unit

# Rounding on printed documents: a cent per line, or 1 % of a large total.
CENT = Decimal("0.01")
TOTAL_SLACK = Decimal("0.01")


def _same_unit(line: LineMatch, product: ProductRow) -> bool:
    """Prices and stock are per sales unit: comparable only in that unit."""
    if line.unit is None or product.unit is None:
        return True
    return same_unit(line.unit, product.unit)


def check_prices(ctx: CheckContext) -> list[ReviewReason]:
    """A unit price printed on the order far from the catalogue price."""
    tolerance = Decimal(str(ctx.settings.price_tolerance))
    reasons = []
    for number, line in numbered(ctx.matched):
        printed = finite(line.line.unit_price.value) if line.line.unit_price else None
        product = ctx.products.get(line.sku or "")
        if not printed or product is None or not product.unit_price or not _same_unit(line, product):
            continue
        catalogue = Decimal(str(product.unit_price))
        gap = printed / catalogue - 1
        if abs(gap) > tolerance:
            side = "above" if gap > 0 else "below"
            # On a scan a digit of the code or the designation misread names the near twin
            # ('FOR-HSS-065' for 'FOR-HSS-085'), whose price is another: held in every mode.
            scanned = _read_by_ocr(line)
            reasons.append(
                line_reason(
                    "price_off",
                    number,
                    f"price {abs(gap):.0%} {side} the catalogue ({money(printed)} for {money(catalogue)})"
                    + (", read from a scan: the article or the price may be misread" if scanned else ""),
                    severity=Severity.ERROR if scanned else Severity.WARNING,
                    field="unit_price",
                )
            )
    return reasons


def _read_by_ocr(line: LineMatch) -> bool:
    price = line.line.unit_price
    return price is not None and price.provenance is not None and price.provenance.rule == "pdf-ocr"


def check_totals(ctx: CheckContext) -> list[ReviewReason]:
    """Printed line amounts and the printed total must agree with quantity × price."""
    reasons = []
    amounts: list[Decimal] = []
    discounted = offers_discounts(ctx)
    for number, line in numbered(ctx.matched):
        price = finite(line.line.unit_price.value if line.line.unit_price else line.unit_price)
        quantity = quantity_of(line)
        amount = quantity * price if quantity is not None and price is not None else None
        printed = finite(line.line.amount.value) if line.line.amount else None
        if amount is not None and printed is not None and abs(amount - printed) > CENT:
            # Printed beside a printed price with no discount to explain it: a figure was misread.
            misread = (
                line.line.unit_price is not None
                and not discounted
                and not is_discount(amount, printed, quantity)
            )
            reasons.append(
                line_reason(
                    "line_amount_mismatch",
                    number,
                    f"amount {money(printed)} is not {quantity_text(quantity or 0)} × {money(price or 0)}"
                    + ("" if not misread else ", and no discount explains it: a figure was misread"),
                    severity=Severity.ERROR if misread else Severity.WARNING,
                    field="amount",
                )
            )
        amounts.append(printed if printed is not None else amount if amount is not None else Decimal("NaN"))
    total = finite(ctx.matched.order.total_excl_vat.value) if ctx.matched.order.total_excl_vat else None
    if total is None or not amounts or any(a.is_nan() for a in amounts):
        return reasons
    computed = sum(amounts, Decimal(0))
    if abs(computed - total) > max(CENT * len(amounts), abs(total) * TOTAL_SLACK):
        # A printed total the lines miss is most often a line not read: held in every mode.
        reasons.append(
            ReviewReason(
                code="total_mismatch",
                message=f"the order's total {money(total)} is not the sum of its lines ({money(computed)}): "
                f"{money(total - computed)} {'missing' if total > computed else 'too much'}",
                field="total_excl_vat",
                provenance=ctx.matched.order.total_excl_vat.provenance,
                quoted=f"{money(total)} / {money(computed)} ({money(total - computed)})",
            )
        )
    return reasons


# A discount is a round share of the line: a multiple of half a percent, at most this much.
DISCOUNT_STEP = Decimal("0.005")
DISCOUNT_MAX = Decimal("0.6")


def offers_discounts(ctx: CheckContext) -> bool:
    """The document heads a discount column, or the message speaks of a discount.

    Read in the rows above the line table (its header row among them) and in the body.
    """
    pattern = default_reading_rules().discount_pattern
    order = ctx.matched.order
    if order.rows:
        return any(pattern.search(row.text) for row in order.rows if row.region == "header")
    return bool(pattern.search(ctx.parsed.text))


def is_discount(gross: Decimal, printed: Decimal, quantity: Decimal | None) -> bool:
    """The printed amount is the gross one less a round percentage, within the rounding of the net price."""
    if gross <= 0 or not 0 < printed < gross:
        return False
    share = ((1 - printed / gross) / DISCOUNT_STEP).to_integral_value() * DISCOUNT_STEP
    if not 0 < share <= DISCOUNT_MAX:
        return False
    slack = CENT + abs(quantity or 0) * CENT / 2
    return abs(gross * (1 - share) - printed) <= slack


def check_line_count(ctx: CheckContext) -> list[ReviewReason]:
    """A document that prints its number of lines must have given that many."""
    printed = ctx.matched.order.printed_line_count
    read = len(ctx.matched.lines)
    if printed is None or printed.value == read:
        return []
    return [
        ReviewReason(
            code="line_count_mismatch",
            message=f"the document says {printed.value} lines, {read} were read "
            f"({abs(printed.value - read)} {'missing' if printed.value > read else 'too many'})",
            provenance=printed.provenance,
            quoted=f"{printed.value} / {read}",
        )
    ]


# A discount or rounding moves a line's amount by less than this factor of quantity × price.
AMOUNT_FACTOR = Decimal(2)


def check_quantity_against_amount(ctx: CheckContext) -> list[ReviewReason]:
    """The line's printed amount and price make another quantity than the one read: misread.

    A discount keeps quantity x price within a factor of 2 of the amount. Past it the
    quantity or the price was misread ('3,00' read as 300 on a scan): when amount /
    price is a whole number it is the quantity meant, else the line is far off.
    """
    reasons = []
    for number, line in numbered(ctx.matched):
        read = line.line
        printed = finite(read.amount.value) if read.amount else None
        price = finite(read.unit_price.value) if read.unit_price else None
        quantity = quantity_of(line)
        if not printed or not price or not quantity or price <= 0 or printed <= 0:
            continue
        said = printed / price
        if 1 / AMOUNT_FACTOR <= quantity / said <= AMOUNT_FACTOR:
            continue
        whole = said.to_integral_value()
        if whole >= 1 and abs(said - whole) <= CENT:
            makes, other = f"makes {quantity_text(whole)}", quantity_text(whole)
        else:
            makes = f"is far from {quantity_text(quantity)} × {money(price)}"
            other = f"{money(printed)} ÷ {money(price)}"
        reasons.append(
            line_reason(
                "quantity_against_amount",
                number,
                f"{quantity_text(quantity)} was read, but {money(printed)} at {money(price)} {makes}",
                field="quantity",
            ).model_copy(update={"quoted": f"{quantity_text(quantity)} / {other}"})
        )
    return reasons


def check_stock(ctx: CheckContext) -> list[ReviewReason]:
    """A line beyond the stock is a backorder: flagged, never a reason to hold the order."""
    reasons = []
    for number, line in numbered(ctx.matched):
        product = ctx.products.get(line.sku or "")
        quantity = quantity_of(line)
        if product is None or product.stock is None or quantity is None or not _same_unit(line, product):
            continue
        if quantity > product.stock:
            short = quantity - max(product.stock, 0)
            reasons.append(
                line_reason(
                    "backorder",
                    number,
                    f"{quantity_text(quantity)} ordered, {max(product.stock, 0)} in stock: "
                    f"{quantity_text(short)} on backorder",
                    severity=Severity.INFO,
                    field="quantity",
                )
            )
    return reasons
