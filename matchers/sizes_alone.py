"""A line naming a size alone ('1 carton XL', '12 pairs size 9') beside a line of the same sentence that
names an article sold in sizes ('2 cartons of the blue nitrile gloves large, 1 carton XL'; '12 pairs
size 9 and 12 pairs size 10 of the level D'): the size is a variant of that article, never an article
of its own. Its twin in the size said is proposed, for a clerk to confirm."""

from __future__ import annotations

from matchers.index import CatalogIndex
from matchers.normalize import read_wording
from matchers.scoring import exact_match
from matchers.twins import siblings
from models import Evidence, ExtractedLine, LineMatch
from parsers.values.units import normalise_unit

# A twin found by the sentence's other line is a guess a clerk confirms (matchers.articles.GUESS_SCORE).
_GUESS = 0.6


def in_the_size_said(found: list[LineMatch], text: str, index: CatalogIndex) -> list[LineMatch]:
    """`found` with each line naming a size alone matched to the twin, in that size, of the article its
    neighbour in the same sentence names (the one before it first)."""
    out = list(found)
    for at, match in enumerate(found):
        size = _size_alone(match.line)
        if size is None or match.sku is not None:
            continue
        for near in (at - 1, at + 1):
            other = found[near] if 0 <= near < len(found) else None
            if other is None or other.sku is None or not _same_sentence(match.line, other.line, text):
                continue
            twin = size_twin(other.sku, size, index)
            if twin is not None:
                evidence = Evidence(kind="designation", detail=f"the size said of {other.sku}", weight=_GUESS)
                out[at] = exact_match(match.line, index, twin, evidence, "")
                break
    return out


def size_twin(sku: str, size: str, index: CatalogIndex) -> str | None:
    """The one article named as `sku` but for its garment size, which is `size` ('size:xl')."""
    position = index.positions.get(sku)
    if position is None:
        return None
    names = index.designations
    own = names.wordings[position]
    sizes = {f for f in own.features if f.startswith("size:")}
    if len(sizes) != 1 or size in sizes:
        return None
    wanted = (own.features - sizes) | {size}
    twins = {
        index.name_skus[near]
        for near in siblings(set(own.words), index, position)
        if names.wordings[near].words == own.words and names.wordings[near].features == wanted
    }
    return twins.pop() if len(twins) == 1 else None


def _size_alone(line: ExtractedLine) -> str | None:
    """The one garment size a line's words say when they say nothing else but units ('XL', 'size 9')."""
    said = read_wording(line.description.value if line.description else "")
    sizes = [f for f in said.features if f.startswith("size:")]
    others = [f for f in said.features if not f.startswith(("size:", "num:"))]
    if len(sizes) != 1 or others or any(normalise_unit(word) is None for word in said.words):
        return None
    return sizes[0]


def _same_sentence(line: ExtractedLine, other: ExtractedLine, text: str) -> bool:
    one, two = _span(line), _span(other)
    if one is None or two is None:
        return False
    first, second = sorted((one, two))
    between = text[first[1] : second[0]]
    return not any(mark in between for mark in ("\n", ". ", "? ", "! "))


def _span(line: ExtractedLine) -> tuple[int, int] | None:
    where = line.description.provenance if line.description else None
    if where is None or where.part != "body" or where.span is None:
        return None
    return where.span
