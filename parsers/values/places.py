"""Whether two addresses name one place, however each is spelt.

A ship-to has no single spelling: a site's name may lead it or not ('Hangar de la CUMA, chemin du
Crêt' and 'Chemin du Crêt'), a word may be translated ('bâtiment 7', 'building 7'), the country may
follow the town. Two addresses are one place unless what pins a place down differs: the postcode,
the house numbers, or every word of the street part.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from parsers.vocabulary.phrases import normalize

# '69007 Lyon', '2030 Antwerpen', '1196 Gland': the postcode opens the town's part, the town follows.
_POSTCODE_FIRST = re.compile(r"(?:^|\s)(\d{4,5})\s+(?=[^\W\d_])")
# 'Southampton SO14 3FJ' (UK), 'Cork T45 XK82' (an Irish Eircode): the town, then the postcode.
_POSTCODE_LAST = re.compile(
    r"\b([A-Z]{1,2}\d{1,2}[A-Z]?\s+\d[A-Z]{2}|[AC-FHKNPRTV-Y](?:\d{2}|6W)\s?[0-9AC-FHKNPRTV-Y]{4})\s*$"
)
# Words any street or site may carry: sharing one of them says nothing of the place.
_COMMON = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "sur",
        "the",
        "of",
        "and",
        "at",
        "on",
        "to",
        "for",
        "rue",
        "avenue",
        "av",
        "bd",
        "boulevard",
        "chemin",
        "route",
        "rte",
        "rd",
        "place",
        "pl",
        "allee",
        "impasse",
        "quai",
        "cours",
        "square",
        "voie",
        "street",
        "st",
        "road",
        "lane",
        "way",
        "drive",
        "close",
        "court",
        "park",
        "zone",
        "za",
        "zi",
        "zac",
        "zae",
        "parc",
        "lieu",
        "dit",
        "lieudit",
        "site",
        "chantier",
        "depot",
        "entrepot",
        "magasin",
        "atelier",
        "usine",
        "batiment",
        "bat",
        "building",
        "bldg",
        "unit",
        "units",
        "hall",
        "porte",
        "gate",
        "dock",
        "quay",
        "entree",
        "entrance",
        "acces",
        "access",
        "livraison",
        "delivery",
        "sa",
        "sas",
        "sarl",
        "eurl",
        "ltd",
        "limited",
        "gmbh",
        "bv",
        "inc",
        "llc",
        "co",
    ]
)
_NUMBER = re.compile(r"\d+[a-z]?")


class Place(NamedTuple):
    postcode: str | None
    numbers: frozenset[str]  # house, unit or building numbers
    words: frozenset[str]  # the street's and the site's own words
    common: frozenset[str]  # its words any place may carry


def place_of(address: str) -> Place:
    """What pins an address down. The town's part (from its postcode) and what follows it (a country,
    a gate) are left out: two sites of one town share them."""
    parts = [p.strip() for p in re.split(r"[,\n;]", address) if p.strip()]
    postcode, kept = None, parts
    # From the end: the town comes last but for a country, and a house number may have four digits.
    for number, part in reversed(list(enumerate(parts))):
        first = next(reversed(list(_POSTCODE_FIRST.finditer(part))), None)
        last = _POSTCODE_LAST.search(part)
        if first is not None:
            postcode, kept = first.group(1), [*parts[:number], part[: first.start()]]
            break
        if last is not None:
            postcode, kept = normalize(last.group(1)).replace(" ", ""), parts[:number]
            break
    if postcode is None and len(parts) > 1:
        kept = parts[:-1]  # no postcode: the last part is the town or the country
    tokens = normalize(" ".join(kept)).split()
    numbers = frozenset(t for t in tokens if _NUMBER.fullmatch(t))
    words = [t for t in tokens if t not in numbers and len(t) > 1]
    return Place(
        postcode,
        numbers,
        frozenset(w for w in words if w not in _COMMON),
        frozenset(w for w in words if w in _COMMON),
    )


def same_place(one: str, other: str) -> bool:
    """Could the two addresses be one place? Different postcodes, house numbers with none in common,
    or street words with none in common say they are not."""
    a, b = place_of(one), place_of(other)
    if a.postcode and b.postcode and a.postcode != b.postcode:
        return False
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return False
    if a.words and b.words:
        return bool(a.words & b.words)
    # One is all common words ('RD 1083', 'Zone portuaire'): its words are all there is to compare.
    mine, theirs = a.words | a.common, b.words | b.common
    if mine and theirs and not mine & theirs:
        return False
    return bool(a.postcode and a.postcode == b.postcode) or bool(mine & theirs)
