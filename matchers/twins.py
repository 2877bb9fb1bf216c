"""Near twins: the articles whose designations share all of one's words but one or two.

A code names one article and the customer's words beside it may name its twin ('104724
disjoncteur 1P+N 16A' where 104724 is the 2P one): the matcher and the checks ask the
same question of the same family.
"""

from __future__ import annotations

import numpy as np

from matchers.index import CatalogIndex
from matchers.normalize import read_wording

# Twins looked at per line: a family of sizes and colours is rarely larger.
SIBLINGS = 40


def siblings(words: set[str], catalogue: CatalogIndex, position: int) -> list[int]:
    """The designations that share all the article's words but one or two, the closest first."""
    names = catalogue.designations
    ids = [names.token_ids[w] for w in words if w in names.token_ids]
    if len(ids) < 2:
        return []
    counts = np.bincount(np.concatenate([names.postings[i] for i in ids]), minlength=len(catalogue.names))
    counts[position] = 0
    near = np.flatnonzero(counts >= max(1, len(ids) - 2))
    return [int(p) for p in near[np.argsort(-counts[near], kind="stable")][:SIBLINGS]]


def coded_twin(sku: str, said: str, catalogue: CatalogIndex) -> str | None:
    """With the article's code written, a twin that carries every rating the customer wrote
    beside it and the article does not ('104724 disjoncteur 1P+N 16A' where 104724 is the 2P
    one): the code and the words name two articles. Only coded words count (letters and
    digits: 1P+N, 16A, 3G2.5): plain words may be the customer's own."""
    if not said.strip() or sku not in catalogue.positions:
        return None
    names = catalogue.designations
    written = {w for w in read_wording(said).words if _coded(w)}
    chosen = set(names.wordings[catalogue.positions[sku]].words)
    if not written or written <= chosen:
        return None
    for other in siblings(chosen, catalogue, catalogue.positions[sku]):
        if written <= set(names.wordings[other].words):
            return catalogue.name_skus[other]
    return None


def _coded(word: str) -> bool:
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
