"""What a customer usually buys ranks the candidates its wording cannot tell apart.

Near twins (one size, colour or pack apart) often score alike when the customer
leaves out what tells them apart ('terreau universel, 10 sacs'). Among the
candidates within `WINDOW` of the best wording, the one this customer clearly
orders most, in the line's unit and about its quantity, gains `WEIGHT`: it wins
a near tie and never a clear textual match. When the wording alone does not
prefer it (a tie, or a rival ahead), the choice rests on the habit only and is
marked `habit_decides`: routing holds it for a clerk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from models import Candidate, Evidence, ExtractedLine, HabitRow, ProductRow

WINDOW = 0.1  # candidates this close to the best wording are a near tie
WEIGHT = 0.1  # what a clear habit adds: enough to win inside the window, never beyond it
# A lead of the wording smaller than this is no preference of its own: twins' names of other
# lengths ('blanc' and 'blanc cassé' for 'peinture façade 10 L') score a few hundredths apart.
WORDING_TIE = 0.05
MIN_ORDERS = 2  # a habit is an article ordered at least this often...
LEAD = 2  # ...and this many times as often as any near twin
QUANTITY_FACTOR = 5  # a quantity this far outside the usual ones is not the habit
DECIDES = "habit_decides"


@dataclass(frozen=True)
class Habit:
    """What one customer ordered of one article: how often, in which quantities and units."""

    orders: int
    low: float
    high: float
    units: frozenset[str]  # the catalogue units it was ordered in

    def fits(self, quantity: Decimal | None, unit: str | None) -> bool:
        """Does a line of this quantity and unit look like this habit?"""
        if unit is not None and unit not in self.units:
            return False
        if quantity is None or self.orders < 3:
            return True
        return self.low / QUANTITY_FACTOR <= float(quantity) <= self.high * QUANTITY_FACTOR


Habits = dict[str, dict[str, Habit]]  # customer_id -> sku -> habit


def build_habits(
    rows: Iterable[HabitRow], products: dict[str, ProductRow], sales_unit: Callable[[str], str]
) -> Habits:
    """The rows of every unit merged per customer and article; a row without a unit is in the sales unit."""
    habits: Habits = {}
    units: dict[str, str] = {}  # a history holds few spellings of units and many rows
    for row in rows:
        product = products.get(row.sku)
        if product is None:
            continue
        written = row.unit or product.unit or ""
        unit = units.get(written) or units.setdefault(written, sales_unit(written))
        known = habits.setdefault(row.customer_id, {}).get(row.sku)
        if known is None:
            habits[row.customer_id][row.sku] = Habit(row.orders, row.low, row.high, frozenset({unit}))
        else:
            habits[row.customer_id][row.sku] = Habit(
                known.orders + row.orders,
                min(known.low, row.low),
                max(known.high, row.high),
                known.units | {unit},
            )
    return habits


Ranked = list[tuple[float, Candidate]]


def by_habit(
    ranked: Ranked, line: ExtractedLine, habits: dict[str, Habit] | None, unit: str | None
) -> Ranked:
    """The candidates ranked again with the customer's habit (`unit`: the line's, in catalogue words)."""
    if not habits or len(ranked) < 2:
        return ranked
    best = ranked[0][0]
    near = [pair for pair in ranked if pair[0] >= best - WINDOW]
    if len(near) < 2:
        return ranked  # a clear textual match
    quantity = line.quantity.value if line.quantity else None
    orders = {c.key: habits[c.key].orders for _, c in near if c.key in habits}
    fitting = [c.key for _, c in near if c.key in habits and habits[c.key].fits(quantity, unit)]
    if not fitting:
        return ranked
    usual = max(fitting, key=lambda key: orders[key])
    others = max((n for key, n in orders.items() if key != usual), default=0)
    if orders[usual] < MIN_ORDERS or orders[usual] < LEAD * others:
        return ranked
    return sorted((_lifted(pair, near, usual, orders[usual]) for pair in ranked), key=lambda pair: -pair[0])


def _lifted(pair: tuple[float, Candidate], near: Ranked, usual: str, orders: int) -> tuple[float, Candidate]:
    """The usual article's candidate with the habit's weight and the evidence a clerk reads."""
    raw, candidate = pair
    if candidate.key != usual:
        return pair
    rival = max(score for score, c in near if c.key != usual)
    kind = "habit" if raw - rival >= WORDING_TIE else DECIDES
    evidence = Evidence(kind=kind, detail=f"ordered {orders} times by this customer", weight=WEIGHT)
    score = round(max(0.0, min(raw + WEIGHT, 1.0)), 4)
    return raw + WEIGHT, candidate.model_copy(
        update={"score": score, "evidence": [*candidate.evidence, evidence]}
    )


def decided_by_habit(candidate: Candidate) -> bool:
    """Was this candidate chosen over a near twin by the customer's habit alone?"""
    return any(e.kind == DECIDES for e in candidate.evidence)
