"""How right the orders are, counted as CONTRACT.md says. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from parsers.values.places import same_place
from parsers.vocabulary.phrases import normalize

Record = dict[str, Any]


def _text(value: Any) -> str | None:
    return None if value is None else str(value).strip()


def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 6)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _address(value: Any) -> str | None:
    """An address as compared: a ship-to has no single spelling (case, accents, commas, line breaks joined)."""
    return None if value is None else normalize(str(value)) or None


def ship_to_wrong(predicted: Record, expected: Record | None) -> bool:
    """The order goes to another place than the expected one, however either is spelt (a ship-to is not
    part of 'right': a clerk who accepts the order does not see it either unless a check points at it).
    Where the expected record names no address, nothing says the order goes elsewhere."""
    wanted = _address(expected.get("ship_to")) if expected is not None else None
    if wanted is None or expected is None:
        return False
    chosen = predicted.get("ship_to")
    return not chosen or not same_place(str(chosen), str(expected["ship_to"]))


def line_keys(record: Record) -> Counter[tuple[str | None, float | None]]:
    return Counter(
        (_text(line.get("sku")), _number(line.get("quantity"))) for line in record.get("lines", [])
    )


def order_is_right(predicted: Record, expected: Record) -> bool:
    return (
        _text(predicted.get("customer_id")) == _text(expected.get("customer_id"))
        and _text(predicted.get("po_number")) == _text(expected.get("po_number"))
        and line_keys(predicted) == line_keys(expected)
    )


def differences(predicted: Record, expected: Record | None) -> list[str]:
    """What makes a predicted order wrong, in the words a report counts.

    A missing and an extra line of the same article are one wrong quantity; of
    the same quantity, one wrong article; the rest are lines missing or extra.
    """
    if expected is None:
        return ["not an order"]
    kinds = [
        name
        for name, key in (("customer", "customer_id"), ("PO", "po_number"))
        if _text(predicted.get(key)) != _text(expected.get(key))
    ]
    missing = line_keys(expected) - line_keys(predicted)
    extra = line_keys(predicted) - line_keys(expected)
    for sku, quantity in missing.elements():
        twin = next((k for k in extra if k[0] == sku), None)
        kind = "quantity"
        if twin is None:
            twin, kind = next((k for k in extra if k[1] == quantity), None), "article"
        if twin is None:
            kinds.append("line missing")
            continue
        kinds.append(kind)
        extra -= Counter([twin])
    return kinds + ["line extra"] * sum(extra.values())


def pair_orders(predicted: list[Record], expected: list[Record]) -> list[tuple[Record | None, Record | None]]:
    """Pair a message's predicted and expected orders: by PO number, then by lines shared."""
    left, right = list(predicted), list(expected)
    pairs: list[tuple[Record | None, Record | None]] = []
    for exp in list(right):
        same_po = [p for p in left if _text(p.get("po_number")) == _text(exp.get("po_number"))]
        if len(same_po) == 1:
            pairs.append((same_po[0], exp))
            left.remove(same_po[0])
            right.remove(exp)
    while left and right:
        best = max(
            ((p, e) for p in left for e in right),
            key=lambda pe: (
                sum((line_keys(pe[0]) & line_keys(pe[1])).values()),
                pe[0].get("customer_id") == pe[1].get("customer_id"),
            ),
        )
        pairs.append(best)
        left.remove(best[0])
        right.remove(best[1])
    pairs += [(p, None) for p in left] + [(None, e) for e in right]
    return pairs


@dataclass
class Tally:
    """Counts over a set of messages, from which the figures are read."""

    messages: int = 0
    classified_right: int = 0
    exact: int = 0
    expected_orders: int = 0
    customer_right: int = 0
    po_right: int = 0
    delivery_right: int = 0
    ship_to_right: int = 0
    lines_true_positive: int = 0
    lines_predicted: int = 0
    lines_expected: int = 0
    predicted_orders: int = 0
    accepted: int = 0
    accepted_wrong: int = 0
    accepted_wrong_kinds: Counter[str] = field(default_factory=Counter)
    accepted_ship_to_wrong: int = 0
    failed: int = 0
    wrong_files: list[str] = field(default_factory=list)

    def add_message(
        self, name: str, predicted: list[Record], expected: list[Record], *, failed: bool = False
    ) -> bool:
        self.messages += 1
        self.failed += failed
        classified = bool(predicted) == bool(expected)
        self.classified_right += classified
        all_right = classified
        for pred, exp in pair_orders(predicted, expected):
            right = pred is not None and exp is not None and order_is_right(pred, exp)
            all_right = all_right and right
            if pred is not None:
                self.predicted_orders += 1
                self.lines_predicted += sum(line_keys(pred).values())
                if pred.get("status") == "accepted":
                    self.accepted += 1
                    self.accepted_wrong += not right
                    if not right:
                        self.accepted_wrong_kinds.update(differences(pred, exp))
                    self.accepted_ship_to_wrong += ship_to_wrong(pred, exp)
            if exp is not None:
                self.expected_orders += 1
                self.lines_expected += sum(line_keys(exp).values())
            if pred is not None and exp is not None:
                self.customer_right += _text(pred.get("customer_id")) == _text(exp.get("customer_id"))
                self.po_right += _text(pred.get("po_number")) == _text(exp.get("po_number"))
                self.delivery_right += _date(pred.get("requested_delivery_date")) == _date(
                    exp.get("requested_delivery_date")
                )
                self.ship_to_right += _address(pred.get("ship_to")) == _address(exp.get("ship_to"))
                self.lines_true_positive += sum((line_keys(pred) & line_keys(exp)).values())
        self.exact += all_right
        if not all_right:
            self.wrong_files.append(name)
        return all_right

    def figures(self) -> dict[str, float | int]:
        precision = _ratio(self.lines_true_positive, self.lines_predicted)
        recall = _ratio(self.lines_true_positive, self.lines_expected)
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        return {
            "messages": self.messages,
            "failed": self.failed,
            "order_detection": _ratio(self.classified_right, self.messages),
            "customer": _ratio(self.customer_right, self.expected_orders),
            "po_number": _ratio(self.po_right, self.expected_orders),
            "delivery_date": _ratio(self.delivery_right, self.expected_orders),
            "ship_to": _ratio(self.ship_to_right, self.expected_orders),
            "line_precision": precision,
            "line_recall": recall,
            "line_f1": f1,
            "exact_messages": _ratio(self.exact, self.messages),
            "touchless": self.accepted / self.predicted_orders if self.predicted_orders else 0.0,
            "accepted_orders": self.accepted,
            "accepted_wrong": self.accepted_wrong,
            "accepted_wrong_kinds": dict(self.accepted_wrong_kinds),
            "accepted_ship_to_wrong": self.accepted_ship_to_wrong,
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0
