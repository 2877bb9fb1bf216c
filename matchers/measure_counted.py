"""A line counted in a measure of what it orders ('1 L de sirop de menthe', '5 kg of basmati rice'): when the
words name twins that differ by what each holds, the measure counted names the one holding it, as the same
measure written in the name would."""

from __future__ import annotations

from decimal import Decimal

from matchers.after_measure import Designate
from matchers.habits import Habit
from matchers.index import CatalogIndex
from matchers.normalize import read_wording
from matchers.scoring import CLEAR_MARGIN
from models import ExtractedLine, LineMatch
from parsers.values.units import unit_kind

# The least score of the name read with the measure: a name that then says which article for sure.
SURE_SCORE = 0.75


def measure_named(
    line: ExtractedLine,
    wording: str,
    index: CatalogIndex,
    habits: dict[str, Habit] | None,
    found: LineMatch,
    *,
    designate: Designate,
) -> LineMatch:
    """The twin holding the measure the line counts in, when the words alone leave twins tied: one of it,
    when one of its packs holds just that measure."""
    if found.sku is not None and found.margin >= CLEAR_MARGIN:
        return found
    unit = line.unit.value if line.unit and line.unit.value else None
    quantity = line.quantity.value if line.quantity else None
    if unit is None or quantity is None or unit_kind(unit) != "measure":
        return found
    measured = f"{wording} {quantity.normalize():f} {unit}"
    said, with_measure = read_wording(wording), read_wording(measured)
    if not with_measure.features - said.features or any(f[:4] != "num:" for f in said.features):
        return found  # the measure reads as no size, or the name already writes one
    # The measure counted is what one of the article's packs holds: one pack of it, in the article's unit.
    one = line.model_copy(
        update={"quantity": line.quantity.model_copy(update={"value": Decimal(1)}), "unit": None}
    )
    named = designate(one, measured, index, habits)
    if named.sku is None or named.score < SURE_SCORE or named.margin < CLEAR_MARGIN:
        return found
    holds = index.designations.wordings[index.positions[named.sku]].features
    if not with_measure.features - said.features <= holds:
        return found  # named despite the measure, not by it
    one.notes.append(f"{quantity.normalize():f} {unit} ordered: one pack holding it")
    return named
