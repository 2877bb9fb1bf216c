"""Near twins: the articles whose designations share all of one's words but one or two.

A code names one article and the customer's words beside it may name its twin ('104724
disjoncteur 1P+N 16A' where 104724 is the 2P one): the matcher and the checks ask the
same question of the same family.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import numpy as np

from matchers.elided import shade_words
from matchers.index import CatalogIndex
from matchers.normalize import Wording, read_wording, stem, unit_of
from matchers.packs import is_pack_word
from parsers.values.units import unit_elsewhere
from parsers.vocabulary.sizes import variant_words

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
    return not word.isalpha() and any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def untold_twins(query: Wording, chosen: Wording, other: Wording) -> bool:
    """Two designations the customer's words cannot tell apart: each has a qualifier of its own (a
    word, a bare number, a garment size), and the customer wrote none of them ('harnais antichute
    taille XL' between the '2 points' and the '3 points avec ceinture' one). A plain name beside a
    qualified one ('sucre' and 'sucre roux') is the plain one; a pack or a measure the customer may
    not know is no qualifier."""
    heads = [w.words[0] if w.words else "" for w in (query, chosen, other)]
    if heads[0] == heads[1] != heads[2]:
        return False  # 'lames cutter' heads as the blades do, not as the cutter with its blade
    said = (
        set(query.words) | set(query.excluded) | {f.partition(":")[2] for f in query.features} | query.numbers
    )
    if any(_said(word.partition(":")[2] or word, said) for word in _told(chosen) ^ _told(other)):
        return False  # a size is said in any notation: '8' for 'taille 8'
    mine, theirs = _told(chosen, _QUALIFIERS), _told(other, _QUALIFIERS)
    return bool(mine - theirs) and bool(theirs - mine)


_QUALIFIERS = ("num", "size")


def _told(wording: Wording, kinds: tuple[str, ...] | None = None) -> set[str]:
    """The words and sizes that may tell a designation from its twins, packaging aside."""
    sizes = {
        f for f in wording.features if f[:5] != "pack:" and (kinds is None or f.partition(":")[0] in kinds)
    }
    return sizes | {w for w in wording.words if w not in unit_of()}


def _said(word: str, said: set[str]) -> bool:
    """A word or size written, or a word abbreviated ('ceint.' for ceinture) or written in full for a short one."""
    if word in said:
        return True
    if not word.isalpha():
        return False
    return any(
        s.isalpha() and min(len(s), len(word)) >= 3 and (word.startswith(s) or s.startswith(word))
        for s in said
    )


def twin_left_untold(
    said: str, sku: str, rivals: list[str], catalogue: CatalogIndex, unit: str | None = None
) -> str | None:
    """The first of the close `rivals` that is the twin of `sku` the customer's words `said` cannot
    tell apart from it (`untold_twins`), else None. A stated `unit` that is the sales unit of one of
    the two and not the other's tells them apart ('2 colis de serviettes' for the one sold by the colis)."""
    positions = catalogue.positions
    if not said.strip() or sku not in positions:
        return None
    names = catalogue.designations.wordings
    query, chosen = read_wording(said), names[positions[sku]]
    return next(
        (
            r
            for r in rivals
            if r in positions
            and not told_by_unit(unit, sku, r, catalogue)
            and untold_twins(query, chosen, names[positions[r]])
        ),
        None,
    )


def told_by_unit(unit: str | None, sku: str, rival: str, catalogue: CatalogIndex) -> bool:
    if not unit:
        return False
    units = [catalogue.sales_unit(catalogue.products[k].unit or "") for k in (sku, rival)]
    return units[0] != units[1] and catalogue.sales_unit(unit) in units


def pack_twin(sku: str, pack: Decimal | None, catalogue: CatalogIndex) -> str | None:
    """The article of `sku`'s very name sold in the pack a line's packaging states ('Frange microfibre
    40 cm' with 'Qté colis 10', sold by the piece and by the 'lot de 10'; 'Gants nitrile M (boîtes de
    100)' by the 'colis' of 10, the 'carton de 10 boîtes'), when `sku`'s own name states no such pack:
    the one twin whose name adds just that pack to its words and sizes."""
    if not pack:
        return None
    wanted = f"pack:{pack.normalize():f}"
    position = catalogue.positions[sku]
    names = catalogue.designations.wordings
    own = names[position]
    if wanted in own.features:
        return None
    words = set(own.words)
    found = [
        p
        for p in siblings(words, catalogue, position)
        if names[p].features == own.features | {wanted} and words <= set(names[p].words)
    ]
    return catalogue.name_skus[found[0]] if len(found) == 1 else None


def unit_twin(sku: str, stated: str | None, catalogue: CatalogIndex) -> str | None:
    """The article of `sku`'s very name sold in the unit the line counts in, when `sku` is not:
    '1 carton de désodorisant vanille' for the aerosol sold by the piece beside its 'carton de 12',
    '6 rouleaux de sacs 50 L' for the bags sold by the carton beside their 'rouleau de 25'. The one
    twin whose words and sizes are `sku`'s but for its packaging, and whose sales unit is the stated one."""
    if not stated or sku not in catalogue.positions:
        return None
    own = catalogue.sales_unit(catalogue.products[sku].unit or "")
    if catalogue.sales_unit(stated) == own:
        return None
    position = catalogue.positions[sku]
    names = catalogue.designations.wordings
    core = _unpacked(names[position])
    twins = [
        p for p in siblings(set(names[position].words), catalogue, position) if _unpacked(names[p]) == core
    ]
    # '3 boxes' of pots sold by the carton and by the lot, none by the boîte: the English word's other unit.
    for wanted in (catalogue.sales_unit(stated), unit_elsewhere(stated)):
        if wanted is None or wanted == own:
            return None
        found = [
            p
            for p in twins
            if catalogue.sales_unit(catalogue.products[catalogue.name_skus[p]].unit or "") == wanted
        ]
        if found:
            return catalogue.name_skus[found[0]] if len(found) == 1 else None
    return None


def _unpacked(wording: Wording) -> tuple[frozenset[str], frozenset[str]]:
    """A designation's words and sizes without its packaging (the pack's count and unit words)."""
    words = frozenset(w for w in wording.words if w not in _unit_words())
    return words, frozenset(f for f in wording.features if f[:5] != "pack:")


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Every spelling of a unit, as designations' words are folded ('colis' read as 'coli')."""
    return frozenset(unit_of()) | frozenset(stem(w) for w in unit_of())


def twin_in_pack(sku: str, pack: str, catalogue: CatalogIndex) -> str | None:
    """The article of `sku`'s very name sold in the pack the customer's words state ('centrefeed rolls
    (boxes of 6)' for the roll beside its 'colis de 6'), when `sku`'s own name states no such pack:
    the one twin whose words and sizes are `sku`'s but for its packaging, with that pack."""
    if sku not in catalogue.positions:
        return None
    wanted = f"pack:{pack}"
    position = catalogue.positions[sku]
    names = catalogue.designations.wordings
    if wanted in names[position].features:
        return None
    core = _unpacked(names[position])
    found = [
        p
        for p in siblings(set(names[position].words), catalogue, position)
        if wanted in names[p].features and _unpacked(names[p]) == core
    ]
    return catalogue.name_skus[found[0]] if len(found) == 1 else None


def piece_twin(sku: str, said: Wording, catalogue: CatalogIndex) -> str | None:
    """'interrupteurs va-et-vient Opale blanc complets' between the switch sold by the piece ('... complet
    avec plaque') and its 'lot de 10', with no pack and no unit written: the one sold by the piece. The
    closest twin sold in a unit that is no package whose name holds every word and size of `sku`'s own
    but its packaging and none the customer turned away, when `sku` is sold by a pack its name states."""
    product = catalogue.products.get(sku)
    if product is None or sku not in catalogue.positions or not is_pack_word(product.unit):
        return None
    position = catalogue.positions[sku]
    names = catalogue.designations.wordings
    words, sizes = _unpacked(names[position])
    if sizes == names[position].features:
        return None  # no pack in its name: nothing says what a count of it counts
    found = sorted(
        (len(set(names[p].words) - words), p)
        for p in siblings(set(names[position].words), catalogue, position)
        if not is_pack_word(catalogue.products[catalogue.name_skus[p]].unit)
        and _unpacked(names[p])[1] == sizes
        and words <= set(names[p].words)
        and names[p].words[:1] == names[position].words[:1]  # 'cutter lame' is no 'lames de cutter'
        and not set(said.excluded) & set(names[p].words)
    )
    if not found or (len(found) > 1 and found[0][0] == found[1][0]):
        return None  # two pieces add as many words ('prise' and 'prise double'): the closest or none
    return catalogue.name_skus[found[0][1]]


def parallel_twins(query: Wording, written: str, chosen: Wording, other: Wording) -> bool:
    """Two designations told apart by values of one kind on either side, none of which the customer
    wrote ('Pilot G2 blue' between the 0.5 and the 0.7 one, 'crème liquide' by the carton between
    the carton de 6 and de 12, 'gaine de 20' between the couronne of 50 m and of 100 m, 'nettoyant
    multi-usages' between the lemon and the marine one, 'spots 6W' between 2700K and 4000K): a guess. A
    twin with words of its own beside its size ('3 points avec ceinture', 'légère 15 %') is a
    variant, the plain one stays the customer's; a kind of size the customer wrote any value of, or
    a number `written` that is one side's value in any unit ('24s', 'de 100' for 100 m), tells."""
    mine, theirs = _traits(chosen), _traits(other)
    apart = mine ^ theirs
    said = (
        set(query.words) | set(query.excluded) | {f.partition(":")[2] for f in query.features} | query.numbers
    )
    if not apart or any(_said(t.partition(":")[2] or t, said) for t in apart):
        return False
    kinds = [sorted(_kind(t) for t in side) for side in (mine - theirs, theirs - mine)]
    if kinds[0] != kinds[1] or not set(kinds[0]) - {"word", "code"}:
        return False
    if "code" in kinds[0] and any(k.startswith("per:") for k in kinds[0]):
        return False  # 'E11 74Ah 680A' and 'G3 95Ah 800A': two models, each rated; the ranking's to tell
    numbers = {float(n.replace(",", ".")) for n in _NUMBER.findall(written)}
    given = {f.partition(":")[0] for f in query.features} | {_kind(w) for w in query.words}
    return not any(_kind(t) in given or _in_any_unit(_value(t), numbers) for t in apart if _value(t))


def stem_twins(query: Wording, chosen: Wording, other: Wording) -> bool:
    """Two articles whose model codes extend the one number the customer wrote ('HP 415 toner black'
    between the 415A and the 415X high-capacity one, 'Epson 603' between the 603 and the 603XL is not:
    603 is one's code): the customer named the family, not which of it, and wrote no word of either's own."""
    mine, theirs = _traits(chosen), _traits(other)
    said = set(query.words) | query.numbers
    if any(_said(t.partition(":")[2] or t, said) for t in mine ^ theirs):
        return False
    # A number both print bare is a value they share ('8 ports' of 'NS110 8 ports ... réf. NS110-8T' and
    # '... PoE+ ... réf. NS110-8P'), not the family their codes extend.
    shared = {f[4:] for f in chosen.features & other.features if f.startswith("num:")}
    return any(
        _extends(number, mine - theirs) and _extends(number, theirs - mine)
        for number in query.numbers
        if number.isdigit() and number not in shared
    )


def suffixed_twins(query: Wording, chosen: Wording, other: Wording) -> bool:
    """Two models whose codes differ by letters added to one, that one with words of its own ('filtres
    habitacle pour Clio 4' between the CU 2939 and the CUK 2939 charbon actif): the customer wrote neither
    code, no word of the variant's and none asking for the plain model ('simple', 'standard')."""
    mine, theirs = _traits(chosen), _traits(other)
    said = set(query.words) | query.numbers
    if said & _plain_words() or any(_said(t.partition(":")[2] or t, said) for t in mine ^ theirs):
        return False
    return any(
        len(longer) > 1 and any(_adds_letters(a, b) for a in shorter for b in longer)
        for shorter, longer in ((mine - theirs, theirs - mine), (theirs - mine, mine - theirs))
    )


def _adds_letters(code: str, other: str) -> bool:
    """'cuk' of 'cu', 't200f' of 't200': a code with one to three letters added at its end."""
    added = other[len(code) :]
    return len(code) >= 2 and other.startswith(code) and 1 <= len(added) <= 3 and added.isalpha()


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    return frozenset(word for plain in variant_words().plain for word in read_wording(plain).words)


def _extends(number: str, traits: set[str]) -> bool:
    return any(_coded(t) and t.startswith(number) and t[len(number)].isalpha() for t in traits)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def answered_for(text: str, chosen: Wording, other: Wording) -> bool | None:
    """Whether a value `text` writes tells `chosen` from `other` ('Et la crème en carton de 6', 'and
    0.7 for the G2' under our question): True when it is the chosen twin's alone, False when the other's
    alone, None when it is neither's or both's."""
    numbers = {float(n.replace(",", ".")) for n in _NUMBER.findall(text)}
    mine, theirs = _traits(chosen), _traits(other)
    found = [
        any(":" in t and _in_any_unit(t.partition(":")[2], numbers) for t in side)
        for side in (mine - theirs, theirs - mine)
    ]
    return found[0] if found[0] != found[1] else None


def _in_any_unit(value: str, numbers: set[float]) -> bool:
    """A size's value (in millimetres, millilitres, grams) written as a number in another unit."""
    try:
        size = float(value.lstrip("~"))
    except ValueError:
        return False
    return any(abs(n * factor - size) < 1e-6 for n in numbers for factor in (1, 10, 100, 1000))


def _traits(wording: Wording) -> set[str]:
    """A designation's words and sizes, its pack's count among them; the unit words aside."""
    return set(wording.features) | {w for w in wording.words if w not in _unit_words()}


def _kind(trait: str) -> str:
    """What a trait gives: a size ('len', 'num'), a value with its unit ('4000k': 'per:k'), a colour,
    finish or scent ('shade'), a rating or code word, a word."""
    if ":" in trait:
        return trait.partition(":")[0]
    if trait in shade_words():
        return "shade"
    valued = _CODED_VALUE.fullmatch(trait)
    if valued:
        return f"per:{valued[2]}"
    return "code" if _coded(trait) else "word"


def _value(trait: str) -> str:
    """A size's value, or the number of a value with its unit ('4000' of '4000k'), else ''."""
    if ":" in trait:
        return trait.partition(":")[2]
    valued = _CODED_VALUE.fullmatch(trait)
    return valued[1] if valued else ""


# A number and the letters of its unit run together: '4000k', '2p', '1p+n' (a pole and the neutral).
_CODED_VALUE = re.compile(r"(\d+(?:[.,]\d+)?)([a-z]+)(?:\+[a-z]+)?")
