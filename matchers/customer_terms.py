"""Customers' names and delivery addresses indexed by their telling words.

A word's weight is its rarity among customers, so "Terrasses" or "Estuaire"
count and "avenue" or "Bordeaux" barely do. A text names a customer when it
covers most of the weight of that customer's name (or address).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from matchers.normalize import fold
from matchers.vocabulary import load_vocabulary
from models import CustomerRow

_TOKEN = re.compile(r"[a-z0-9]+")
TYPO_RATIO = 86
TOUCH_LIMIT = 50  # rapidfuzz ratio for a misspelt word of a name


def terms(text: str) -> set[str]:
    """The words of a text that can tell customers apart."""
    generic = _generic()
    return {t for t in _TOKEN.findall(fold(text)) if t not in generic and len(t) >= 2}


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(load_vocabulary().company_words.words)


@dataclass
class TermIndex:
    """Inverted index of one field (names or addresses) over all customers."""

    terms: dict[str, set[str]] = field(default_factory=dict)  # customer id -> its words
    owners: dict[str, list[str]] = field(default_factory=dict)  # word -> customer ids
    idf: dict[str, float] = field(default_factory=dict)
    # Each customer's words in order and their weight: a text is compared with many customers.
    ordered: dict[str, list[str]] = field(default_factory=dict)
    totals: dict[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, texts: dict[str, str]) -> TermIndex:
        index = cls()
        for cid, text in texts.items():
            index.terms[cid] = terms(text)
            for term in index.terms[cid]:
                index.owners.setdefault(term, []).append(cid)
        total = max(len(texts), 1)
        index.idf = {t: math.log(1 + total / len(o)) for t, o in index.owners.items()}
        index.ordered = {cid: sorted(own) for cid, own in index.terms.items()}
        index.totals = {cid: sum(index.idf[t] for t in own) for cid, own in index.ordered.items()}
        return index

    def coverage(self, words: set[str], *, among: list[str] | None = None) -> dict[str, float]:
        """For each customer the text touches (or each of `among`), the share of its words present."""
        touched = set(among or [])
        # Only telling words lead to customers: "rue" or "Bordeaux" would touch thousands.
        limit = max(TOUCH_LIMIT, len(self.terms) // 100)
        for word in words:
            owners = self.owners.get(word, ())
            if len(owners) <= limit:
                touched.update(owners)
        found = {}
        # Sorted: sums of floats and the order of the customers found must not follow the hash seed.
        for cid in sorted(touched):
            own = self.ordered.get(cid, [])
            total = self.totals.get(cid, 0)
            if not total:
                continue
            seen = [t for t in own if t in words]
            if sum(self.idf[t] for t in seen) >= 0.3 * total:  # a misspelt word only completes a name
                seen = [t for t in own if t in words or _misspelt(t, words)]
            # One common word ("table", "port") is not a name: two are needed when it has two.
            if len(seen) >= min(2, len(own)):
                found[cid] = sum(self.idf[t] for t in seen) / total
        return found


def _misspelt(term: str, words: set[str]) -> bool:
    if len(term) < 5 or term.isdigit():
        return False
    return any(w[:2] == term[:2] and fuzz.ratio(term, w) >= TYPO_RATIO for w in words if len(w) >= 4)


@dataclass
class CustomerTerms:
    names: TermIndex
    addresses: TermIndex

    @classmethod
    def build(cls, customers: list[CustomerRow]) -> CustomerTerms:
        return cls(
            names=TermIndex.build({c.customer_id: c.name for c in customers}),
            addresses=TermIndex.build({c.customer_id: c.ship_to or "" for c in customers}),
        )
