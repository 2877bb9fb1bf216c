"""Which order a follow-up refers to: by its PO, our delivery note or order number, the thread,
the lines it names, or the day.

Pure: the orders to choose from are given (`LinkInputs`), the store is asked by
the caller. A link is `certain` only when a number (PO, delivery note, ours) or the thread
names one order and nothing contradicts it; anything else goes to a clerk with the candidates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from models import PastOrder
from models.datafiles import read_toml
from models.followups import FollowupLink, FollowupSign, LinkBy
from parsers.values.dates import find_dates

VOCABULARY_FILE = Path(__file__).parents[2] / "parsers" / "data" / "followup_vocabulary.toml"
# Shown to a clerk when nothing names the order: the customer's latest ones.
CANDIDATES = 5
# Digits alone identify a PO only when there are enough of them ("BC 4512" for "BC-4512").
DIGITS_ALONE = 4
_NON_ALNUM = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True)
class LinkInputs:
    """What linking looks at: the message's facts and the orders they may name."""

    day: dt.date | None  # the follow-up's date, for "yesterday"
    text: str  # subject and own text
    customer_orders: Sequence[PastOrder] = ()  # the sender's orders, most recent first
    thread_orders: Sequence[PastOrder] = ()  # orders its In-Reply-To/References name
    reference_orders: Sequence[PastOrder] = ()  # orders whose PO it writes (any customer)
    note_orders: Sequence[PastOrder] = ()  # orders whose delivery note (ours) it writes
    named_skus: frozenset[str] = field(default_factory=frozenset)  # articles it names in the order
    naming: Sequence[str] = ()  # Message-IDs of the orders whose articles its words name surely


def link_followup(sign: FollowupSign, inputs: LinkInputs) -> FollowupLink:
    """The order referred to, how, and the candidates when it is not clear."""
    by_po = _unique(_by_reference(sign.references, [*inputs.reference_orders, *inputs.customer_orders]))
    named = [
        (LinkBy.PO, by_po),
        (LinkBy.DELIVERY_NOTE, _unique(list(inputs.note_orders))),
        (
            LinkBy.OUR_NUMBER,
            _unique(by_our_number(inputs.text, [*inputs.customer_orders, *inputs.thread_orders])),
        ),
        (LinkBy.THREAD, _unique(list(inputs.thread_orders))),
    ]
    found = [(by, orders) for by, orders in named if orders]
    if not found:
        return _by_content(inputs)
    # Two ways that name different orders: a clerk tells which (the first of each as candidates).
    if len({_key(orders[0]) for _, orders in found}) > 1:
        return _ambiguous([o for _, orders in found for o in orders])
    by, orders = found[0]
    return _linked(orders[0], by, certain=len(orders) == 1)


def _by_content(inputs: LinkInputs) -> FollowupLink:
    """Lines named among the customer's orders, then the day written; none: the latest as candidates."""
    orders = list(inputs.customer_orders)
    day = recent_day(inputs.text, inputs.day, [o.day for o in orders if o.day])
    on_day = [o for o in orders if day is not None and o.day == day]
    if inputs.named_skus or inputs.naming:
        holding = [
            o
            for o in orders
            if (inputs.named_skus and inputs.named_skus <= {sku for sku, _ in o.lines})
            or o.message_id in inputs.naming
        ]
        if on_day and holding and not any(o in on_day for o in holding):
            return _ambiguous([*holding, *on_day])  # the day written and the lines named disagree
        if len(holding) > 1 and on_day:
            holding = [o for o in holding if o in on_day]
        if len(holding) == 1:
            return _linked(holding[0], LinkBy.LINES)
        if holding:
            return _ambiguous(holding)
    if len(on_day) == 1:
        return _linked(on_day[0], LinkBy.RECENT)
    return _ambiguous(on_day or orders[:CANDIDATES])


def _linked(order: PastOrder, by: LinkBy, *, certain: bool = False) -> FollowupLink:
    return FollowupLink(
        refers_to=order.message_id,
        po_number=order.po_number,
        link_by=by,
        candidates=[order.message_id],
        certain=certain,
    )


def _ambiguous(orders: Sequence[PastOrder]) -> FollowupLink:
    return FollowupLink(candidates=list(dict.fromkeys(o.message_id for o in orders))[:CANDIDATES])


def _key(order: PastOrder) -> tuple[str, str | None]:
    return order.message_id, order.po_number


def _unique(orders: list[PastOrder]) -> list[PastOrder]:
    return list({_key(o): o for o in orders}.values())


def normal_reference(text: str) -> str:
    return _NON_ALNUM.sub("", text.upper())


def _by_reference(references: Sequence[str], orders: Sequence[PastOrder]) -> list[PastOrder]:
    """Orders whose PO is written: whole, or its digits when they are enough to tell."""
    written = {normal_reference(r) for r in references} - {""}
    digits = {re.sub(r"\D", "", w) for w in written}
    found = []
    for order in orders:
        po = normal_reference(order.po_number or "")
        if not po:
            continue
        po_digits = re.sub(r"\D", "", po)
        if po in written or (len(po_digits) >= DIGITS_ALONE and po_digits in digits):
            found.append(order)
    return found


@lru_cache(maxsize=2)
def delivery_note_pattern(path: Path = VOCABULARY_FILE) -> re.Pattern[str]:
    return re.compile(read_toml(path)["delivery_note"]["pattern"], re.I)


def delivery_notes(text: str) -> list[str]:
    """The delivery note numbers a text writes ("BL n° 45872", "delivery note DN-10233"), once each."""
    return list(dict.fromkeys(m.group(1) for m in delivery_note_pattern().finditer(text)))


@lru_cache(maxsize=2)
def our_number_pattern(path: Path = VOCABULARY_FILE) -> re.Pattern[str]:
    return re.compile(read_toml(path)["our_number"]["pattern"], re.I)


def by_our_number(text: str, orders: Sequence[PastOrder]) -> list[PastOrder]:
    """The customer's orders whose number (ours, from our acknowledgement) the text writes.
    A number that is also the digits of one of their POs says nothing: it may be that PO."""
    written = {int(n) for n in our_number_pattern().findall(text)}
    po_digits = {int(d) for o in orders if (d := re.sub(r"\D", "", o.po_number or ""))}
    return [o for o in orders if o.order_id is not None and o.order_id in written - po_digits]


@dataclass(frozen=True)
class RecentWords:
    days_back: dict[str, int]
    weekdays: dict[str, int]
    last_order: re.Pattern[str]


@lru_cache(maxsize=2)
def load_recent_words(path: Path = VOCABULARY_FILE) -> RecentWords:
    table = read_toml(path)["recent"]
    return RecentWords(
        days_back={k: int(v) for k, v in table["days_back"].items()},
        weekdays={k: int(v) for k, v in table["weekdays"].items()},
        last_order=re.compile(table["last_order"], re.I),
    )


def recent_day(text: str, today: dt.date | None, known_days: Sequence[dt.date]) -> dt.date | None:
    """The day of the order the text names: 'd'hier', 'last Tuesday', 'ma dernière commande'."""
    if today is None:
        return None
    words = load_recent_words()
    lowered = text.lower()
    for word, back in sorted(words.days_back.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            return today - dt.timedelta(days=back)
    for word, weekday in words.weekdays.items():
        # A weekday names the order's day only beside the order ("ma commande de lundi") or
        # as a past day ("mardi dernier"): "livrer lundi" is a delivery day.
        beside = rf"\b(commande|cde|order|po)\b[^.\n]{{0,20}}\b{word}\b"
        if re.search(rf"{beside}|\b{word} dernier\b|\blast {word}\b", lowered):
            back = (today.weekday() - weekday) % 7 or 7
            return today - dt.timedelta(days=back)
    if words.last_order.search(text):
        earlier = [d for d in known_days if d <= today]
        return max(earlier) if earlier else None
    # "notre commande du 3 novembre": a date written that is the day of one of the orders.
    written = [hit.value for hit in find_dates(text, today) if hit.value in set(known_days)]
    return written[0] if written else None
