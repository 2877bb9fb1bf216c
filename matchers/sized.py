"""The article a line's written sizes name in the catalogue, when its words hardly do: '400x400x400',
'the 800x600x400' (bundles), '35 L', 'mailing bag black 250x350' against a catalogue naming each in words
of its own. The sizes a customer writes are the catalogue's own figures; of the articles printing all of
them, the words written (a colour) and the unit counted tell twins apart, and when they do not the line
stays blank for a clerk."""

from __future__ import annotations

from matchers.denied import denials_lacking
from matchers.designation import compare_sizes
from matchers.index import CatalogIndex
from matchers.normalize import Wording
from matchers.shortened import shortened_from
from models import Candidate

# Features that say no measure of the article: a bare number, the count of a pack, a letter size.
_NO_MEASURE = ("num", "pack", "size")


def named_by_sizes(query: Wording, ranked: list[Candidate], index: CatalogIndex) -> Candidate | None:
    """The one candidate printing every size the wording states, at least one of them a measure, once the
    words and the unit the line counts in have told the others apart; None when none or several are left.
    A candidate printing none of the wording's words the catalogue knows is none of its when the wording
    has such words ('layer pads 1200x800' against a pallet of 1200x800)."""
    stated = [f for f in query.features if f.partition(":")[0] != "num"]
    if not any(f.partition(":")[0] not in _NO_MEASURE for f in stated):
        return None
    # 'pas de sacs 110 L': a wording that denies a word of the article names it not.
    fits = [
        c
        for c in ranked
        if _prints_all(query, c.key, len(stated), index)
        and not set(query.excluded) & set(_wording(c.key, index).words)
    ]
    words = {c.key: set(_wording(c.key, index).words) for c in fits}
    known = {w for w in query.words if index.designations.idf_of(w) > 0.0}
    # A rival printing a written word this one lacks ('noir' against 'transparent') is the better told.
    fits = [c for c in fits if not any((known & words[o.key]) - words[c.key] for o in fits)]
    # So is one whose words the customer shortened ('DC' for 'double cannelure').
    short = [w for w in query.words if w not in known]
    fits = [c for c in fits if all(shortened_from(w, _wording(c.key, index)) for w in short)] or fits
    # A rival saying it is free of what the wording denies ('acid-free') is the better told too.
    denied = index.designations.denied
    fits = [c for c in fits if not denials_lacking(query, _wording(c.key, index), denied)] or fits
    counted = [c for c in fits if any(e.kind == "unit_agrees" for e in c.evidence)]
    if len(fits) > 1 and counted:
        fits = counted
    # A plain name beside the same name qualified is the plain one, as for twins (matchers.twins.untold_twins):
    # 'T55 25 kg' is 'Farine T55 sac 25 kg', not its '... bio' twin the customer would have said.
    plain = [c for c in fits if all(words[c.key] < words[o.key] for o in fits if o is not c)]
    if len(fits) > 1 and len(plain) == 1:
        fits = plain
    if len(fits) != 1 or (known and not known & words[fits[0].key]):
        return None
    return fits[0]


def _prints_all(query: Wording, sku: str, stated: int, index: CatalogIndex) -> bool:
    """Every size stated, a pack printed as a pack: '50 cm, packs of 50' is not the drip line of 50 cm
    spacing in a 25 m coil, which prints 50 twice and no pack."""
    own = _wording(sku, index)
    agree, disagree, _ = compare_sizes(query, own)
    # The count of a pack the article prints as another figure is none of its packs.
    elsewhere = [f for f in query.features if f.startswith("pack:") and f not in own.features]
    return (
        not disagree
        and sum(1 for f in agree if not f.startswith("num:")) >= stated
        and not any(f.partition(":")[2] in own.numbers for f in elsewhere)
    )


def _wording(sku: str, index: CatalogIndex) -> Wording:
    return index.designations.wordings[index.positions[sku]]
