"""A line whose article the text does not decide between near twins names none.

The scores may put one twin a hair ahead (a shorter name, a word order), but when what tells the
twins apart is a value of one kind on either side (a tip size, a rating, a pack count) and the
customer wrote neither, the lead is no choice: the line goes to a clerk with no article rather
than with a guess that could be accepted.
"""

from __future__ import annotations

from functools import lru_cache

from matchers.habits import decided_by_habit
from matchers.index import CatalogIndex
from matchers.normalize import Wording, read_wording, stem, unit_of
from matchers.twins import answered_for, parallel_twins, stem_twins, suffixed_twins, told_by_unit
from models import Evidence, LineMatch

# Rivals closer than this to the chosen article are twins its lead does not choose between
# (intake.routing.checks.lines.TWIN_LEAD).
TWIN_LEAD = 0.1
# The evidence kind that marks the article a line was about to name when its twin left it untold.
TWIN_UNTOLD = "twin_untold"


def untold_names_none(found: LineMatch, index: CatalogIndex, row: str = "", answer: str = "") -> LineMatch:
    """`found` without its article when a close rival is its twin that neither its words nor the
    `row` it was read from tell apart (`twins.parallel_twins`); the candidates stay for the clerk.
    A twin the customer's habit or the message's other words rank first is left to their own hold; a
    value of the chosen twin's alone in the customer's `answer` (the rows of their own words naming the
    line's article elsewhere: 'Et la crème en carton de 6') tells it, one of the rival's leaves it open."""
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
    twin = next(
        (
            k
            for k in close
            if (
                parallel_twins(said, written, chosen, names[index.positions[k]])
                or stem_twins(said, chosen, names[index.positions[k]])
                or suffixed_twins(said, chosen, names[index.positions[k]])
                or negated_twins(said, chosen, names[index.positions[k]])
            )
            and answered_for(answer, chosen, names[index.positions[k]]) is not True
        ),
        None,
    )
    if twin is None:
        return found
    # The twin is named on the chosen candidate so a clerk is told which two the text leaves open.
    marked = best.model_copy(update={"evidence": [*best.evidence, Evidence(kind=TWIN_UNTOLD, detail=twin)]})
    return found.model_copy(update={"sku": None, "score": 0.0, "candidates": [marked, *found.candidates[1:]]})


def negated_twins(query: Wording, chosen: Wording, other: Wording) -> bool:
    """Two designations alike but for a word one says and the other denies ('Gant latex poudré' and 'Gant
    latex non poudré', 'with lid' and 'sans couvercle'), neither of which the customer wrote ('Latex gloves
    M box of 100'): which one is a guess; 'powder free' or 'poudrés' tells."""
    said = set(query.words) | set(query.excluded)
    if not (said - _unit_words()) & set(chosen.words):
        return False  # 'Carton S' under our quoted option: the article is named elsewhere, in its words
    for one, two in ((chosen, other), (other, chosen)):
        denied = set(one.excluded) & set(two.words)
        if (
            denied
            and not denied & said
            and set(one.words) | denied == set(two.words)
            and one.features == two.features
        ):
            return True
    return False


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Every spelling of a unit, as designations' words are folded."""
    return frozenset(unit_of()) | frozenset(stem(w) for w in unit_of())


def left_untold(found: LineMatch) -> tuple[str, str] | None:
    """The article a line was about to name and the twin that left it untold, when
    `untold_names_none` took its article away."""
    best = found.candidates[0] if found.sku is None and found.candidates else None
    mark = next((e for e in best.evidence if e.kind == TWIN_UNTOLD), None) if best else None
    return (best.key, mark.detail) if best and mark else None
