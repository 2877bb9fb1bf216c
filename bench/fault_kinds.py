"""The reader faults the fault bench injects: small pure functions over a matched order.

Each kind takes a matched order (what the readers and the matcher gave, before routing)
and yields `(where, faulted)` pairs, one per place it can strike, each on a deep copy:
the order handed in is never changed. A fault keeps the provenance the reader gave, as
a reader that misread a value still points at the text it read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from matchers import CatalogIndex
from models import LineMatch, MatchedOrder

Faulted = Iterator[tuple[str, MatchedOrder]]


@dataclass
class Twins:
    """The nearest catalogue twin of an article: the same words but one (another size, colour, pack)."""

    index: CatalogIndex
    found: dict[str, str | None] = field(default_factory=dict)

    def of(self, sku: str) -> str | None:
        if sku not in self.found:
            self.found[sku] = _nearest_twin(self.index, sku)
        return self.found[sku]


def _nearest_twin(index: CatalogIndex, sku: str) -> str | None:
    """The article whose designation shares most of this one's words and differs by at least one."""
    names = index.designations
    position = index.positions.get(sku)
    if position is None:
        return None
    words = set(names.wordings[position].words)
    ids = [names.token_ids[w] for w in words if w in names.token_ids]
    if not ids:
        return None
    counts = np.bincount(np.concatenate([names.postings[i] for i in ids]), minlength=len(index.names))
    counts[position] = 0
    best, best_share = None, 0.5
    for other in np.flatnonzero(counts >= max(1, len(words) - 2)):
        theirs = set(names.wordings[other].words)
        share = len(words & theirs) / len(words | theirs)
        if share > best_share and index.names[other] != index.names[position]:
            best, best_share = int(other), share
    return index.name_skus[best] if best is not None else None


def sampled(count: int, most: int) -> list[int]:
    """Up to `most` places among `count`, spread evenly, the first and the last among them."""
    if count <= most:
        return list(range(count))
    return sorted({round(i * (count - 1) / (most - 1)) for i in range(most)})


def _renumbered(order: MatchedOrder) -> MatchedOrder:
    for number, line in enumerate(order.order.lines, start=1):
        line.line_no = number
    return order


def without_line(order: MatchedOrder, place: int) -> MatchedOrder:
    """The order as a reader that skipped one line gives it."""
    copy = order.model_copy(deep=True)
    dropped = copy.lines.pop(place).line
    copy.order.lines = [line for line in copy.order.lines if line is not dropped]
    return _renumbered(copy)


def drop_line(order: MatchedOrder, most: int) -> Faulted:
    if len(order.lines) < 2:
        return
    for place in sampled(len(order.lines), most):
        yield f"line {place + 1}", without_line(order, place)


def drop_last_line(order: MatchedOrder, most: int) -> Faulted:
    if len(order.lines) >= 2:
        yield f"line {len(order.lines)}", without_line(order, len(order.lines) - 1)


def requantified(
    order: MatchedOrder, place: int, change: Callable[[Decimal], Decimal | None]
) -> MatchedOrder | None:
    """The order with one line's quantity misread (`change` of the quantity read); None when it cannot apply."""
    line = order.lines[place]
    read = line.line.quantity.value if line.line.quantity else None
    if read is None or not read.is_finite() or read <= 0:
        return None
    wrong = change(read)
    if wrong is None or wrong == read or wrong <= 0:
        return None
    copy = order.model_copy(deep=True)
    faulted = copy.lines[place]
    assert faulted.line.quantity is not None
    faulted.line.quantity.value = wrong
    if faulted.quantity is not None:
        faulted.quantity = faulted.quantity * wrong / read
    return copy


def times_ten(read: Decimal) -> Decimal:
    return read * 10


def plus_one(read: Decimal) -> Decimal:
    return read + 1


def digit_dropped(read: Decimal) -> Decimal | None:
    """'120' read as '12': the last digit of a whole count of two digits or more lost."""
    digits = f"{read.normalize():f}"
    if not digits.isdigit() or len(digits) < 2:
        return None
    return Decimal(digits[:-1])


def _quantity_fault(change: Callable[[Decimal], Decimal | None]) -> Callable[[MatchedOrder, int], Faulted]:
    def fault(order: MatchedOrder, most: int) -> Faulted:
        for place in sampled(len(order.lines), most):
            faulted = requantified(order, place, change)
            if faulted is not None:
                yield f"line {place + 1}", faulted

    return fault


def swapped(order: MatchedOrder, place: int, twin: str, index: CatalogIndex) -> MatchedOrder:
    """The order with one line's article read as its catalogue twin, as surely as the right one was.

    A code the customer wrote (ours or theirs) is read as the twin's: the reader misread it.
    """
    copy = order.model_copy(deep=True)
    line = copy.lines[place]
    right = line.sku or ""
    _rename_candidates(line, right, twin, index)
    twin_ref = _customer_ref(index, copy.customer.customer_id, twin) if line.customer_ref else None
    code = line.line.code
    if code is not None and code.value.strip().upper() in {right.upper(), (line.customer_ref or "").upper()}:
        code.value = twin_ref or twin
    line.customer_ref = twin_ref
    product, was = index.products.get(twin), index.products.get(right)
    catalogue_price = (
        was is not None and was.unit_price is not None and line.unit_price == Decimal(str(was.unit_price))
    )
    if catalogue_price and product is not None and product.unit_price is not None:
        line.unit_price = Decimal(str(product.unit_price))
    line.sku = twin
    return copy


def _rename_candidates(line: LineMatch, right: str, twin: str, index: CatalogIndex) -> None:
    """The twin takes the chosen candidate's score and evidence; the right article, if listed, the twin's."""
    for candidate in line.candidates:
        if candidate.key == right:
            candidate.key, candidate.label = twin, index.products[twin].name
        elif candidate.key == twin:
            candidate.key, candidate.label = (
                right,
                index.products[right].name if right in index.products else "",
            )


def _customer_ref(index: CatalogIndex, customer_id: str | None, sku: str) -> str | None:
    if customer_id is None:
        return None
    return next(
        (ref for (cid, ref), target in index.refs.items() if cid == customer_id and target == sku), None
    )


def swap_twin(twins: Twins) -> Callable[[MatchedOrder, int], Faulted]:
    def fault(order: MatchedOrder, most: int) -> Faulted:
        for place in sampled(len(order.lines), most):
            sku = order.lines[place].sku
            twin = twins.of(sku) if sku else None
            if twin is not None:
                yield f"line {place + 1}: {sku} -> {twin}", swapped(order, place, twin, twins.index)

    return fault


def drop_po(order: MatchedOrder, most: int) -> Faulted:
    if order.order.po_number is not None:
        copy = order.model_copy(deep=True)
        copy.order.po_number = None
        yield "PO", copy


def one_char_off(value: str) -> str | None:
    """The reference with its last letter or digit read as the next one ('4471' -> '4472')."""
    for place in range(len(value) - 1, -1, -1):
        char = value[place]
        if char.isdigit():
            return value[:place] + str((int(char) + 1) % 10) + value[place + 1 :]
        if char.isascii() and char.isalpha():
            after = "a" if char in "zZ" else chr(ord(char) + 1)
            return value[:place] + (after.upper() if char.isupper() else after) + value[place + 1 :]
    return None


def change_po(order: MatchedOrder, most: int) -> Faulted:
    po = order.order.po_number
    wrong = one_char_off(po.value) if po is not None else None
    if wrong is not None:
        copy = order.model_copy(deep=True)
        assert copy.order.po_number is not None
        copy.order.po_number.value = wrong
        yield f"PO {po.value} -> {wrong}" if po else "PO", copy


def drop_ship_to(index: CatalogIndex) -> Callable[[MatchedOrder, int], Faulted]:
    def fault(order: MatchedOrder, most: int) -> Faulted:
        if order.order.ship_to is not None:
            copy = order.model_copy(deep=True)
            copy.order.ship_to = None
            customer = index.customers.get(copy.customer.customer_id or "")
            copy.ship_to = customer.ship_to if customer else None
            yield "ship-to", copy

    return fault


def drop_delivery_date(order: MatchedOrder, most: int) -> Faulted:
    if order.order.requested_delivery_date is not None:
        copy = order.model_copy(deep=True)
        copy.order.requested_delivery_date = None
        yield "delivery date", copy


def fault_kinds(index: CatalogIndex) -> dict[str, Callable[[MatchedOrder, int], Faulted]]:
    """Every fault kind by name, in the order the report lists them."""
    return {
        "drop_line": drop_line,
        "drop_last_line": drop_last_line,
        "quantity_x10": _quantity_fault(times_ten),
        "quantity_plus_one": _quantity_fault(plus_one),
        "quantity_digit_dropped": _quantity_fault(digit_dropped),
        "article_twin": swap_twin(Twins(index)),
        "drop_po": drop_po,
        "po_one_char": change_po,
        "drop_ship_to": drop_ship_to(index),
        "drop_delivery_date": drop_delivery_date,
    }
