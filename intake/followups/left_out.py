"""Which quoted lines a reply's words name: one removal naming several things ('pas de XL ni de
semelles', 'no XXL nor the caps' take out the lines written in that size and the insoles alike), and a
count set on the one line the customer's own words write ('2 bidons de lave-vaisselle au lieu d'un' is
the quoted 'bidon lave-vaisselle eau douce', never the 'bidon rinçage' whose catalogue name says
'lave-vaisselle' too)."""

from __future__ import annotations

import re
from functools import lru_cache

from matchers.normalize import fold
from models.followups import OrderChange
from parsers.values.units import quantity_words
from parsers.vocabulary.sizes import size_words

# "pas de XL ni de semelles", "no caps or gloves": one removal naming several things.
_ALTERNATIVES = re.compile(r"\s+(?:ni|nor|or|ou)\s+", re.I)
# A letter size named alone: 'XL', 'les L', 'the XXL', 'en taille M'; never the 'l' of "l'huile".
_LETTER = re.compile(
    r"^\W*(?:(?:les?|la|des|de|du|the|en|in|size|taille)\s+)*(?P<size>\d?X{0,3}[SL]|M)(?![\w'’/-])", re.I
)


def removed_things(rest: str) -> list[str]:
    """What follows a word of removal, one thing each: 'XL ni de semelles' gives 'XL' and 'de semelles'."""
    return _ALTERNATIVES.split(rest)


def size_said_in_words(clause: str) -> str | None:
    """The one letter size a clause says in words ('the large': 'l'; 'extra large' is said, not 'large'
    inside it), else None."""
    said = []
    for word, letter in sorted(size_words().spelled.items(), key=lambda item: -len(item[0])):
        found = re.search(rf"\b{re.escape(word)}\b", clause, re.I)
        if found:
            said.append(letter)
            clause = clause[: found.start()] + " " * len(found.group(0)) + clause[found.end() :]
    return said[0] if len(said) == 1 else None


def lines_in_size(thing: str, descriptions: list[str]) -> set[int]:
    """The places of the lines written in the letter size the removed thing is ('XL': 'Blouse taille XL')."""
    found = _LETTER.match(thing)
    if found is None:
        return set()
    letter = re.compile(rf"(?<![\w/]){re.escape(found['size'])}(?![\w/])", re.I)
    return {i for i, text in enumerate(descriptions) if letter.search(text)}


# A reply's clauses: 'sauf les tampons, et mettez 2 bidons ...' is two.
PARTS = re.compile(r"[.;:?!\n]|,\s*|\s+(?:et|and|mais|but)\s+", re.I)
_STEM = 5


# Three-letter words name goods too ('no tea', 'pas de gel'); these name none.
_SHORT_WORDS_OF_NOTHING = frozenset(
    [
        "the",
        "and",
        "for",
        "per",
        "but",
        "not",
        "our",
        "you",
        "any",
        "all",
        "its",
        "one",
        "two",
        "les",
        "des",
        "une",
        "pas",
        "par",
        "sur",
        "que",
        "qui",
        "est",
        "aux",
        "nos",
        "vos",
        "mes",
        "ses",
        "son",
        "ton",
        "mon",
        "lui",
        "eux",
    ]
)


def stems(text: str) -> set[str]:
    words = [fold(word).lower() for word in re.findall(r"[^\W\d_]{3,}", text)]
    return {word[:_STEM] for word in words if len(word) > 3 or word not in _SHORT_WORDS_OF_NOTHING}


@lru_cache(maxsize=1)
def _unit_stems() -> frozenset[str]:
    return frozenset(stems(" ".join(quantity_words())))


def to_the_line_worded(change: OrderChange, requests: str, quoted: list[str], skus: list[str]) -> None:
    """Each count the change sets goes to the one quoted line carrying every word of the clause writing
    that count which the quoted lines use, when the line read does not carry them all."""
    names = [stems(text) for text in quoted]
    used = set().union(*names) if names else set()
    for item in change.set_quantity:
        if not item.quantity.is_integer() or item.sku not in skus:
            continue
        count = re.compile(rf"(?<![\w.,]){int(item.quantity)}(?!\w|[.,]\d)")
        clauses = [part for part in PARTS.split(requests) if part and count.search(part)]
        # A unit counts, it names no line: '6 cartons of buns' is no more the 'Frites ... carton' line.
        words = (stems(clauses[0]) - _unit_stems()) & used if len(clauses) == 1 else set()
        carrying = [i for i, name in enumerate(names) if words and words <= name]
        if len(carrying) == 1 and skus[carrying[0]] and not words <= names[skus.index(item.sku)]:
            item.sku = skus[carrying[0]]
