"""The catalogue's designations indexed by word and by size feature into posting arrays, so a
line is scored against the few hundred articles that share its words and sizes."""

from __future__ import annotations

import math
import re
from collections.abc import Container
from dataclasses import dataclass, field

import numpy as np

from matchers.normalize import Wording, read_wording

# The token under which a designation is found by the first figure of a size it prints ('lead:26' of '26x1.75').
LEAD = "lead:"


def leading_figures(wording: Wording) -> set[str]:
    """The first figure of each dimension and diameter the designation prints: a customer names the size by
    it alone ('26 pouces' of '26x1.75/2.125', 'multicouche 20' of 'Ø 20 mm'), as a bare number."""
    sizes = [*wording.by_kind.get("dim", ()), *wording.by_kind.get("diam", ())]
    return {f"{LEAD}{size.lstrip('~').split('x')[0]}" for size in sizes}


# The letters a code opens with before its first separator or figure ('PARP' of 'PARP-15-CR'): four at
# least, as three ('VIS', 'PVC') are as often a word's initials.
_CODE_HEAD = re.compile(r"([^\W\d_]{4,})(?=[-_./ ]|\d)")


def code_heads(
    skus: list[str], wordings: list[Wording], printed: Container[str]
) -> dict[str, tuple[str, ...]]:
    """The head of each family of two codes or more whose designations never print it, with the words they
    all print: a customer may name the family by the word its code cuts short ('parpaings' of 'PARP-...'
    printed 'Bloc béton ...')."""
    families: dict[str, list[int]] = {}
    for position, sku in enumerate(skus):
        found = _CODE_HEAD.match(sku)
        if found:
            families.setdefault(found[1].lower(), []).append(position)
    heads: dict[str, tuple[str, ...]] = {}
    for head, positions in families.items():
        shared = set.intersection(*(set(wordings[p].words) for p in positions))
        if len(positions) > 1 and head not in printed and shared:
            heads[head] = tuple(sorted(shared))
    return heads


@dataclass
class DesignationIndex:
    """Inverted index of the catalogue's designations (words and size features)."""

    wordings: list[Wording] = field(default_factory=list)
    token_ids: dict[str, int] = field(default_factory=dict)
    postings: list[np.ndarray] = field(default_factory=list)
    idf: list[float] = field(default_factory=list)
    deletes: dict[str, list[str]] = field(default_factory=dict)  # word with one letter removed -> words
    prefixes: dict[str, list[str]] = field(default_factory=dict)  # first letters -> words
    texts: list[str] = field(default_factory=list)  # each designation's words, joined
    sorted_words: list[list[str]] = field(default_factory=list)
    own_weight: list[float] = field(default_factory=list)  # the rarity of each designation's words
    mean_idf: float = 1.0
    denied: frozenset[str] = frozenset()  # the words some designation says its article is free of
    # The letters heading a family of codes that no designation prints as a word -> the words every
    # designation of that family prints ('parp' of 'PARP-15-CR' -> 'bloc'): see `code_heads`.
    code_words: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, names: list[str], skus: list[str] | None = None) -> DesignationIndex:
        index = cls(wordings=[read_wording(n) for n in names])
        lists: dict[str, list[int]] = {}
        for position, wording in enumerate(index.wordings):
            for token in set(wording.words) | wording.features | leading_figures(wording):
                lists.setdefault(token, []).append(position)
        total = max(len(names), 1)
        for token, positions in lists.items():
            index.token_ids[token] = len(index.postings)
            index.postings.append(np.asarray(positions, dtype=np.int32))
            index.idf.append(math.log(1 + total / len(positions)))
        index.mean_idf = math.fsum(index.idf) / len(index.idf) if index.idf else 1.0
        index.denied = frozenset(word for wording in index.wordings for word in wording.excluded)
        for wording in index.wordings:
            index.texts.append(" ".join(wording.words))
            index.sorted_words.append(sorted(wording.words))
            index.own_weight.append(math.fsum(index.idf_of(w) for w in set(wording.words)))
        for word in lists:
            if ":" not in word and len(word) >= 4 and not word[0].isdigit():
                index._add_spellings(word)
        index.code_words = code_heads(skus or [], index.wordings, index.token_ids)
        return index

    def _add_spellings(self, word: str) -> None:
        for i in range(len(word)):
            self.deletes.setdefault(word[:i] + word[i + 1 :], []).append(word)
        for end in range(3, min(len(word), 8)):
            self.prefixes.setdefault(word[:end], []).append(word)

    def idf_of(self, token: str) -> float:
        token_id = self.token_ids.get(token)
        return self.idf[token_id] if token_id is not None else 0.0
