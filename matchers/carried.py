"""A line that writes only what tells an article from its twins names the twin of the line above.

Customers write the article once and then only what changes: '5 couronnes de fil 2,5 bleu, 5 de
rouge, 3 de vert/jaune', '6 x 50W floodlights, black / 4 x 30W', 'tee-shirts blancs taille M x 10,
XL x 4'. Alone, 'rouge' or '30W' names nothing (or any red article); after the line above it names
that article's twin which differs by just what it says.
"""

from __future__ import annotations

from matchers.index import CatalogIndex
from matchers.normalize import Wording, read_wording
from matchers.scoring import exact_match
from matchers.twins import siblings
from models import Evidence, LineMatch

# A colour, a size, a rating, two at most: more words are a designation of their own.
MAX_SAID = 2
WEIGHT = 0.8  # the line above's name and the twin's own words: as sure as a close reading


def said_alone(wording: Wording) -> frozenset[str]:
    """What a line writes, as words and sizes; bare numbers are counts, not what tells twins apart."""
    return frozenset(wording.words) | {f for f in wording.features if not f.startswith("num:")}


def carried_twin(said: str, above_sku: str | None, index: CatalogIndex) -> str | None:
    """The one twin of `above_sku` whose name adds to the words the two share just what `said` writes,
    when `said` writes nothing but that: the closest twin, and none when two are as close."""
    tokens = said_alone(read_wording(said))
    if not tokens or len(tokens) > MAX_SAID or above_sku not in index.positions:
        return None
    names = index.designations.wordings
    position = index.positions[above_sku]
    above = said_alone(names[position])
    if tokens & above:
        return None  # it repeats a word of the article above: a designation of its own
    fits = sorted(
        (len(above - said_alone(names[p])), p)
        for p in siblings(set(names[position].words), index, position)
        if said_alone(names[p]) - above == tokens
    )
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
        return None
    return index.name_skus[fits[0][1]]


def with_carried_twins(matches: list[LineMatch], index: CatalogIndex) -> list[LineMatch]:
    """Each line that writes only a twin's telling words, read as that twin of the line above."""
    found = list(matches)
    for number in range(1, len(found)):
        line = found[number].line
        if line.code is not None or line.description is None:
            continue
        said = line.description.value
        twin = carried_twin(said, found[number - 1].sku, index)
        if twin is not None:
            detail = f"the article of the line above ({found[number - 1].sku}) with '{said}'"
            found[number] = exact_match(
                line, index, twin, Evidence(kind="carried", detail=detail, weight=WEIGHT), said
            )
    return found
