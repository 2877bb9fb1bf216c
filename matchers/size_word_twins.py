"""Which of two twins told apart by one measure alone the customer's word for the bigger or the smaller
size names ('colle en bâton grand modèle' between the 20 g and the 40 g stick, 'the small one')."""

from __future__ import annotations

import re

from matchers.index import CatalogIndex
from models import Candidate

# 'grand modèle', 'gros format', 'the big one' / 'petit modèle', 'the small one': which of two sizes;
# the size word alone after its article, naming no noun ('(les gros)', 'the large ones', 'la petite').
_BIG = "grand|grosse|gros|gd|big|large|larger|bigger"
_SMALL = "petit|pt|small|smaller"
_SIZE_WORD = re.compile(
    rf"\b(?:(?P<big>{_BIG})|(?P<small>{_SMALL}))\s+(?:modele|format|one|size)s?\b"
    rf"|\b(?:les?|la|the)\s+(?:(?P<big_alone>{_BIG})|(?P<small_alone>{_SMALL}))(?:es?|s)?"
    r"(?:\s+ones?)?\s*(?:$|[),;.])"
)


def twin_of_size_word(
    folded: str, candidates: list[Candidate], catalogue: CatalogIndex, lead: float
) -> tuple[str, str] | None:
    """(sku, the words said) when the customer's word for the bigger or the smaller size ('grand
    modèle', 'the small one') names one of two tied candidates of the same words told apart by one
    measure alone (20 g / 40 g); any other difference (a colour, a pack, a garment size) leaves it
    unsaid, and so does a third candidate as close."""
    said = _SIZE_WORD.search(folded)
    if said is None or len(candidates) < 2:
        return None
    first, second, *rest = candidates
    if first.score - second.score >= lead or any(first.score - c.score < lead for c in rest):
        return None
    one, other = (catalogue.designations.wordings[catalogue.positions[c.key]] for c in (first, second))
    apart = one.features ^ other.features
    kinds = {f.partition(":")[0] for f in apart}
    if (
        set(one.words) != set(other.words)
        or len(apart) != 2
        or len(kinds) != 1
        or kinds & {"pack", "size", "num"}
        or not all(_is_figure(f.partition(":")[2]) for f in apart)
    ):
        return None
    sizes = {
        c.key: float(next(iter(w.features & apart)).partition(":")[2])
        for c, w in ((first, one), (second, other))
    }
    chosen = (max if said["big"] or said["big_alone"] else min)(sizes, key=sizes.__getitem__)
    return chosen, said[0]


def _is_figure(value: str) -> bool:
    """A size of one figure, no dimension nor range to rank by size."""
    try:
        float(value)
    except ValueError:
        return False
    return True
