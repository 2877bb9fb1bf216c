"""Units as customers write them: "ctn", "bte", "rlx", "pces" mapped to the
catalogue vocabulary held in parsers/data/units.toml, the one unit table for
reading and matching.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, field_validator

from models.datafiles import load_toml
from parsers.vocabulary.phrases import unaccented

DATA = Path(__file__).parents[1] / "data"


class UnitSpec(BaseModel):
    """One canonical unit and its written forms."""

    kind: str
    forms: list[str]
    # A unit word that is also an article's name ("sacs poubelle"): a unit only before "de".
    noun: bool = False
    # The article's own closed package (box, pack, bag, set): one such word stands for another.
    package: bool = False
    # A unit that ships several of the article's own (carton, colis, palette).
    shipping: bool = False
    # The case the article ships in, whatever the seller calls it (carton, caisse, colis); a pallet is
    # no case.
    case: bool = False
    # A measure customers order by ("2,5 kg", "10 m"), not only a size in a designation.
    ordered_by: bool = False
    # A container of a liquid (bidon, fût): the customer's word for it names the seller's once matched.
    vessel: bool = False
    # What holds the goods (flacon, seau, tube, barquette): a size of its own, never another unit's word.
    container: bool = False

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in {"count", "measure"}:
            raise ValueError(f"unit kind must be 'count' or 'measure', not {value!r}")
        return value


class UnitVocabulary(BaseModel):
    """The units data file, validated at load."""

    units: dict[str, UnitSpec]
    # An English word for two units of a French catalogue ('box': boîte or carton, 'bag': sachet or sac):
    # the spelling -> the other unit it names where the catalogue, or the article's twins, sell nothing
    # by the first.
    elsewhere: dict[str, str] = {}

    def lookup(self) -> dict[str, str]:
        return {form.lower(): name for name, spec in self.units.items() for form in [name, *spec.forms]}


@lru_cache(maxsize=1)
def unit_vocabulary() -> UnitVocabulary:
    """The unit vocabulary from parsers/data/units.toml (validated)."""
    return load_toml(DATA / "units.toml", UnitVocabulary)


@lru_cache(maxsize=1)
def _unit_lookup() -> dict[str, str]:
    return unit_vocabulary().lookup()


@lru_cache(maxsize=2)
def quantity_words(*, nouns: bool = False) -> tuple[str, ...]:
    """The unit words that make "12 cartons" a quantity in running text, longest first:
    every spelling of the measures ordered by ("10 m", "5 l") and of the counted units
    but their lone letters ("2P" is two poles). Other measures are sizes in a
    designation ("80 g", "50 mm"). With `nouns`, the words of the units that also name
    articles, a quantity before "de" or at the end of a line ("3 sacs de ciment",
    "ciment : 3 sacs"), never after a code ("417228 Tube LED")."""
    forms = {
        form.lower()
        for name, spec in unit_vocabulary().units.items()
        if spec.noun == nouns
        for form in (name, *spec.forms)
        if form.isalpha() and (spec.ordered_by or (spec.kind == "count" and len(form) > 1))
    }
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


def unit_elsewhere(written: str | None) -> str | None:
    """The other unit an English word for two names ('boxes' -> carton), None for any other word."""
    return unit_vocabulary().elsewhere.get(_folded(written or ""))


def normalise_unit(token: str) -> str | None:
    """The catalogue unit for a written unit ("ctn" -> "carton"), or None if not a unit; a word cut
    short and closed by a dot ("cour.", "bouteil.") names the one unit whose spellings it begins."""
    written = token.strip().lower()
    key = written.rstrip(".").strip()
    found = _unit_lookup().get(key)
    if found is None and written.endswith(".") and len(key) >= _SHORTEST_CUT and key.isalpha():
        return _cut_short().get(key)
    return found


# 'rl.', 'bt.' are spelt out in the table; a shorter cut ('co.', 'pa.') would begin too many words.
_SHORTEST_CUT = 3


@lru_cache(maxsize=1)
def _cut_short() -> dict[str, str]:
    """Each beginning of a unit's spellings ('cour' of 'couronne') shared by no other unit's."""
    owners: dict[str, set[str]] = {}
    for form, unit in _unit_lookup().items():
        for end in range(_SHORTEST_CUT, len(form)):
            owners.setdefault(form[:end], set()).add(unit)
    return {cut: next(iter(units)) for cut, units in owners.items() if len(units) == 1}


def _folded(text: str) -> str:
    return unaccented(text.strip().lower().rstrip(".").strip())


@lru_cache(maxsize=1)
def _folded_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for form, unit in _unit_lookup().items():
        table.setdefault(_folded(form), unit)
    return table


@lru_cache(maxsize=4096)  # unit words, asked for again and again by the matcher and the checks
def unit_key(written: str | None) -> str:
    """A written unit as compared: its catalogue unit whatever the case, accents or plural ('Boîtes', 'BTE')."""
    text = _folded(written or "")
    lookup = _folded_lookup()
    if text not in lookup and len(text) > 3 and text[-1] in "sx":
        text = text[:-1]
    return lookup.get(text, text)


def same_unit(one: str | None, other: str | None) -> bool:
    """Do two written units name the same unit? Two words for the article's own package do."""
    first, second = unit_key(one), unit_key(other)
    if first == second:
        return True
    units = unit_vocabulary().units
    return all(key in units and units[key].package for key in (first, second))


def cut_short_of(written: str | None, unit: str | None) -> bool:
    """'BAR' of an article sold by the 'barre': a word that is no unit's spelling and begins the
    article's own unit, cut short as order systems print units in three letters or four."""
    text, own = _folded(written or ""), unit_key(unit)
    return len(text) >= 3 and text.isalpha() and text not in _folded_lookup() and own.startswith(text)


def abbreviates(sold: str | None, stated: str | None) -> bool:
    """Is the catalogue's unit written as the consonants of a word ('btl', 'ctn') that word as the customer
    spells their unit ('bottles')? A short form may stand for other words in other languages ('Btl',
    a German bag): the customer's word tells which one the catalogue means."""
    short = _folded(sold or "")
    if not (3 <= len(short) <= 4 and short.isalpha() and not set(short) & _VOWELS):
        return False
    key = unit_key(stated)
    spec = unit_vocabulary().units.get(key)
    spellings = {_folded(form) for form in (key, *(spec.forms if spec else ()))}
    return any(form[:1] == short[0] and _in_order(short, form) for form in spellings)


_VOWELS = set("aeiouy")


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def same_case(one: str | None, other: str | None) -> bool:
    """Do two written units name the case an article ships in, each by its own name ('3 cases' of an
    article sold by the 'colis')? A catalogue selling twins by both names tells them apart by the
    name itself (`same_unit` does not join them)."""
    units = unit_vocabulary().units
    return all(key in units and units[key].case for key in (unit_key(one), unit_key(other)))


def same_vessel(one: str | None, other: str | None) -> bool:
    """Do two written units name a liquid's container, each by its own word ('4 drums' of a liquid sold
    by the 'bidon 20 L')? The size in the article's name tells a can from a barrel, not the word."""
    units = unit_vocabulary().units
    return all(key in units and units[key].vessel for key in (unit_key(one), unit_key(other)))


def unit_is_noun(unit: str) -> bool:
    """True for unit words that also name articles ("sac"): read as a unit only before "de"."""
    spec = unit_vocabulary().units.get(unit)
    return bool(spec and spec.noun)


def unit_ordered_by(unit: str) -> bool:
    """True for the measures customers order by ("15 kg", "10 m"), not only sizes ("20 cl")."""
    spec = unit_vocabulary().units.get(unit)
    return bool(spec and spec.ordered_by)


def unit_kind(unit: str) -> str | None:
    """'count' or 'measure' for a canonical unit."""
    spec = unit_vocabulary().units.get(unit)
    return spec.kind if spec else None


# What a can, a bottle or a bag holds: a length ('2 x 5 m') may be cut from a reel sold by the metre.
_FILLED = frozenset({"l", "ml", "cl", "kg", "g"})
# 'N x 5 L' in a quantity cell: N of the article that measures 5 L, the measure naming which one.
_TIMES_MEASURE = re.compile(
    r"^\s*(?P<count>\d{1,4})\s*[x×*]\s*(?P<measure>\d+(?:[.,]\d+)?\s*(?P<unit>[^\W\d_]+))\s*$"
)


def count_of_measures(text: str) -> tuple[int, str] | None:
    """'2 x 5 L', '4 × 20 kg' as a quantity cell writes them: the count, and the measure ('5 L') that names
    which article of a product sold in several sizes is ordered; None when the unit after the figure is no
    content ('2 x 10 pcs' counts packs)."""
    found = _TIMES_MEASURE.match(text)
    if found is None or normalise_unit(found["unit"]) not in _FILLED:
        return None
    return int(found["count"]), found["measure"]
