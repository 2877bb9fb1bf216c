"""A line whose article the text does not decide between near twins names none.

The scores may put one twin a hair ahead (a shorter name, a word order), but when what tells the
twins apart is a value of one kind on either side (a tip size, a rating, a pack count) and the
customer wrote neither, the lead is no choice: the line goes to a clerk with no article rather
than with a guess that could be accepted.
"""

from __future__ import annotations

from matchers.habits import decided_by_habit
from matchers.index import CatalogIndex
from matchers.normalize import read_wording
from matchers.twins import parallel_twins, told_by_unit
from models import LineMatch

# Rivals closer than this to the chosen article are twins its lead does not choose between
# (intake.routing.checks.lines.TWIN_LEAD).
TWIN_LEAD = 0.1


def untold_names_none(found: LineMatch, index: CatalogIndex, row: str = "") -> LineMatch:
    """`found` without its article when a close rival is its twin that neither its words nor the
    `row` it was read from tell apart (`twins.parallel_twins`); the candidates stay for the clerk.
    A twin the customer's habit or the message's other words rank first is left to their own hold."""
    best = found.candidates[0] if found.candidates else None
    if found.sku is None or best is None or best.key != found.sku or found.margin >= TWIN_LEAD:
        return found
    if decided_by_habit(best) or any(e.kind in ("context", "habit") for e in best.evidence):
        return found
    line = found.line
    written = " ".join([line.description.value if line.description else "", row])
    if line.pack_size and line.pack_size.value:
        written += f" {line.pack_size.value}"
    said = read_wording(written)
    # The unit counted, as stated or in the article's words ('Ramettes Copy A4'): twins sold in two
    # units are told apart by it.
    stated = found.unit
    names = index.designations.wordings
    chosen = names[index.positions[best.key]]
    close = [
        c.key
        for c in found.candidates[1:]
        if best.score - c.score < TWIN_LEAD
        and c.key in index.positions
        and not told_by_unit(stated, best.key, c.key, index)
    ]
    if not any(parallel_twins(said, written, chosen, names[index.positions[key]]) for key in close):
        return found
    return found.model_copy(update={"sku": None, "score": 0.0})
