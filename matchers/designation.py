"""Scoring catalogue designations against a customer's wording, sizes first.

Candidates are gathered from the inverted index (words, their likely
spellings, and size features, weighted by rarity); only those few are scored.
The score mixes how much of the wording the candidate covers with rapidfuzz's
token-set ratio, then applies the sizes: a candidate whose numbers disagree
with the wording loses to one whose numbers agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from matchers.bilingual import catalogue_translations
from matchers.cognates import cognates
from matchers.denied import denials_lacking
from matchers.designation_index import LEAD, DesignationIndex
from matchers.dimensions import at_other_scales, dims_in_other_unit, in_metres, side_of
from matchers.normalize import Wording, is_multiple, stem, unit_of
from matchers.ranges import within_range
from matchers.shortened import shortened_from
from matchers.vocabulary import load_vocabulary

SHORTLIST = 48  # candidates scored in full per line
SHORTLIST_SHARE = 0.4
TYPO_SIMILARITY = 0.85
COGNATE_SIMILARITY = 0.9
# A general dictionary's sense is one of several meanings: a little less sure than a cognate.
DICTIONARY_SIMILARITY = 0.85
PREFIX_SIMILARITY = 0.8
# A disagreeing size is strong evidence against a candidate; a disagreeing pack
# count (boxes of 100 vs 200) a little less; a bare number less still.
DISAGREE = {"pack": 0.7, "num": 0.8}
DISAGREE_SIZE = 0.55
MISSING = 0.97  # per size the wording states and the candidate lacks, or the reverse
AGREE_BONUS = 0.03
EXACT_BONUS = 0.15
ABSENT_WORD = 0.85
UNWANTED_WORD = (
    0.6  # per word the customer said they do not want  # per known word of the wording the candidate lacks
)


@dataclass(frozen=True)
class Scored:
    """One candidate designation with its score and why."""

    position: int
    score: float
    text: float
    agree: tuple[str, ...]
    disagree: tuple[str, ...]


def spellings(word: str, index: DesignationIndex, english: str | None = None) -> list[tuple[str, float]]:
    """The catalogue words a customer's word may stand for, with a similarity; a word translated from the
    `english` written ('essuie' of 'towel') may stand for that word's senses ('serviette')."""
    if word in index.token_ids:
        return [(word, 1.0)]
    # 'tés' of 'Té': the plural of a word too short for `stem` to fold (it keeps 'bus' whole).
    if len(word) == 3 and word[-1] in "sx" and word[:-1] in index.token_ids:
        return [(word[:-1], 1.0)]
    if is_multiple(word):
        return []
    meanings = load_vocabulary().if_not_printed.get(word, "").split("|")
    found = dict.fromkeys((w for w in map(stem, meanings) if w in index.token_ids), COGNATE_SIMILARITY)
    for known in cognates(word, index.token_ids):
        found.setdefault(known, COGNATE_SIMILARITY)
    for known in catalogue_translations(english or word, index.token_ids) if english != "" else ():
        found.setdefault(known, DICTIONARY_SIMILARITY)
    if len(word) >= 4:
        shorter = [word[:i] + word[i + 1 :] for i in range(len(word))]
        for key in [word, *shorter]:  # a letter missing, replaced or swapped
            for known in index.deletes.get(key, ()):
                found.setdefault(known, TYPO_SIMILARITY)
        for key in shorter:  # a letter too many
            if key in index.token_ids:
                found.setdefault(key, TYPO_SIMILARITY)
    if not found and 3 <= len(word) <= 7:
        for known in index.prefixes.get(word, ())[:8]:
            found.setdefault(known, PREFIX_SIMILARITY)
    if not found:
        found = dict.fromkeys(_named_by_code_head(word, index), PREFIX_SIMILARITY)
    return list(found.items())


def _named_by_code_head(word: str, index: DesignationIndex) -> tuple[str, ...]:
    """The words of the family whose codes open with the word's first letters ('parpaings' of 'PARP-...')."""
    for end in range(len(word) - 1, 3, -1):
        if word[:end] in index.code_words:
            return index.code_words[word[:end]]
    return ()


def shortlist(query: Wording, index: DesignationIndex, expanded: list[list[tuple[str, float]]]) -> np.ndarray:
    """The positions of the articles sharing the most (rarity-weighted) words and sizes."""
    arrays: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    # A bare number is a weaker clue than a measure: it may be any figure of the article ('tuteurs en 8' of
    # 'Ø 8 x 250 cm'), and one rare elsewhere ('8-9 mois') must not crowd the words out.
    sized = [
        (f, 1.0 if f.startswith("num:") else 1.5)
        for feature in query.features
        for f in (feature, *at_other_scales(feature))
    ]
    # ... and it may be the first figure of a size the article prints ('20 pouces' of '20x1.75/2.125').
    sized += [(f"{LEAD}{f[4:]}", 1.0) for f in query.features if f.startswith("num:")]
    tokens = [(t, s) for options in expanded for t, s in options] + sized
    for token, similarity in tokens:
        token_id = index.token_ids.get(token)
        if token_id is None:
            continue
        postings = index.postings[token_id]
        arrays.append(postings)
        weights.append(np.full(len(postings), index.idf[token_id] * similarity, dtype=np.float32))
    if not arrays:
        return np.empty(0, dtype=np.int32)
    totals = np.bincount(
        np.concatenate(arrays), weights=np.concatenate(weights), minlength=len(index.wordings)
    )
    # Articles sharing less than a share of the best overlap cannot win: drop them first.
    hits = np.flatnonzero(totals >= totals.max() * SHORTLIST_SHARE)
    if len(hits) > SHORTLIST:
        hits = hits[np.argpartition(-totals[hits], SHORTLIST)[:SHORTLIST]]
    return hits


def _values(wording: Wording, kinds: frozenset[str]) -> set[str]:
    found: set[str] = set()
    for kind in kinds:
        found |= wording.by_kind.get(kind, frozenset())
    return found


def compare_sizes(query: Wording, candidate: Wording) -> tuple[list[str], list[str], int]:
    """Which of the query's sizes the candidate agrees with, disagrees with, or lacks.

    Each size is judged alone ("30 cm x 200 m" against "30 cm x 300 m": one
    agrees, one does not). Lengths, diameters and dimensions are one family
    ("26 cm" against "Ø26 cm"); a bare number agrees with any number written.
    """
    agree: list[str] = []
    disagree: list[str] = []
    missing = 0
    for kind, values in query.by_kind.items():
        family = _FAMILY_OF.get(kind)
        offered = _values(candidate, family) if family else set(candidate.by_kind.get(kind, ()))
        if kind == "size" and (values & offered or query.numbers & offered):
            values = values & offered  # 'size 9/L', '10/XL': one size in two notations
        for value in sorted(values):
            feature = f"{kind}:{value}"
            if kind == "num":
                said = value in candidate.numbers or in_metres(value, candidate.numbers)
                (agree if said else disagree).append(feature)
            elif kind == "pack" and value not in offered and _leads_a_size(value, candidate):
                agree.append(feature)  # "chevilles de 6": after 'de' a size as well as a pack's count
            elif (
                value in offered
                or within_range(value, offered)
                or (
                    family
                    and (
                        _same_length(value, offered)
                        or _leading_dims(value, offered)
                        or (kind == "len" and side_of(value, offered))
                        # 'Ø12' of 'Ø12x1,1': a diameter said alone is the first figure printed after it
                        or (kind == "diam" and _leads_a_size(value.lstrip("~"), candidate))
                        or (kind == "dim" and _pack_of_measure(value, candidate))
                        or (kind == "dim" and dims_in_other_unit(value, offered))
                    )
                )
            ):
                agree.append(feature)
            elif offered:
                disagree.append(feature)
            elif value.lstrip("~") in candidate.numbers:
                agree.append(feature)
            elif kind in _AS_A_FIGURE and candidate.numbers:
                disagree.append(feature)
            else:
                missing += 1
    extra = sum(1 for kind in candidate.by_kind if kind != "num" and kind not in query.by_kind)
    return agree, disagree, missing + extra


_FAMILIES = (frozenset({"len", "diam", "dim"}),)
# Measures a catalogue may print as a bare figure ('20 pouces' of '20x1.75'): where it prints them so, another
# figure names another size.
_AS_A_FIGURE = frozenset({"inch"})
_FAMILY_OF = {kind: family for family in _FAMILIES for kind in family}


def _number_or_none(value: str) -> float | None:
    try:
        return float(value.lstrip("~"))
    except ValueError:
        return None


def _same_length(value: str, offered: set[str]) -> bool:
    """A length written without its unit ("Ø23") against one with it ("Ø23 cm" = 230 mm)."""
    if not value.startswith("~") and not any(o.startswith("~") for o in offered):
        return False
    wanted = _number_or_none(value)
    if wanted is None:
        return False
    for other in offered:
        number = _number_or_none(other)
        if number is not None and any(abs(wanted * k - number) < 1e-6 for k in (1.0, 10.0, 0.1)):
            return True
    return False


def _leads_a_size(value: str, candidate: Wording) -> bool:
    """The number is the first of the candidate's dimensions or its diameter ('6' of '6x30')."""
    sizes = [*candidate.by_kind.get("dim", ()), *candidate.by_kind.get("diam", ())]
    return any(size.lstrip("~").split("x")[0] == value for size in sizes)


def _pack_of_measure(value: str, candidate: Wording) -> bool:
    """'frites 9x9 4x2,5' of 'carton 4 x 2,5 kg', 'eau 6x1,5' of '6 x 1,5 L': two figures with no unit are
    the count of a pack and what each holds, as the candidate prints them with theirs, or the packs in its
    pack and what each holds ('10X96' of 'boîte de 960')."""
    count, _, each = value.partition("x")
    if not each or "x" in each:
        return False
    if f"pack:{count}" in candidate.features and each in candidate.numbers:
        return True
    # '10X96' of '(boîte de 960 = 10 racks de 96)': packs of packs, the count the candidate's whole pack.
    whole = _number_or_none(count), _number_or_none(each)
    return None not in whole and f"pack:{whole[0] * whole[1]:g}" in candidate.features  # type: ignore[operator]


def _leading_dims(value: str, offered: set[str]) -> bool:
    """'155x110' against '155x110x80': a customer names a box by its first dimensions."""
    parts = value.split("x")
    return len(parts) > 1 and any(
        len(other.split("x")) > len(parts) and other.split("x")[: len(parts)] == parts for other in offered
    )


def size_factor(agree: list[str], disagree: list[str], missing: int) -> float:
    factor = 1.0
    for feature in disagree:
        factor *= DISAGREE.get(feature.partition(":")[0], DISAGREE_SIZE)
    return factor * MISSING**missing + AGREE_BONUS * min(len(agree), 3)


@lru_cache(maxsize=1)
def packaging_words() -> frozenset[str]:
    """The stems of the words that say how an article is sold ("rouleau", "carton"), not what it is."""
    return frozenset(stem(spelling) for spelling in unit_of())


@dataclass(frozen=True)
class PreparedQuery:
    """A wording ready to score against many candidates (what depends on it alone)."""

    wording: Wording
    expanded: list[list[tuple[str, float]]]
    weights: list[float]  # each word's rarity (the mean rarity for words the catalogue lacks)
    known: list[bool]  # the word itself is a catalogue word
    text: str
    sorted_words: list[str]
    heads: frozenset[str]

    @classmethod
    def prepare(cls, wording: Wording, index: DesignationIndex) -> PreparedQuery:
        slots = _slots(wording)
        english = dict(wording.written_as)
        expanded = [
            _merged([spellings(w, index, english.get(w)) or [(w, 0.0)] for w in slot]) for slot in slots
        ]
        # 'single' read as the count of '1 poste' too: that reading weighs nothing of its own and is no
        # printed word whose absence tells, unlike a count written in figures ('2 plis').
        said = [
            [(t, s) for t, s in options if len(slot) == 1 or not is_multiple(t)]
            for slot, options in zip(slots, expanded, strict=True)
        ]
        weights = [
            max((index.idf_of(t) for t, _ in options), default=0.0) or index.mean_idf for options in said
        ]
        return cls(
            wording=wording,
            expanded=expanded,
            weights=weights,
            # Packaging words ("rouleau", "carton") say how it is sold, not what it is.
            known=[
                any(s == 1.0 for _, s in options) and not set(slot) & packaging_words()
                for slot, options in zip(slots, said, strict=True)
            ],
            text=" ".join(wording.words),
            sorted_words=sorted(wording.words),
            heads=_heads(wording, expanded, index),
        )


def _heads(
    wording: Wording, expanded: list[list[tuple[str, float]]], index: DesignationIndex
) -> frozenset[str]:
    """What the wording names: its first word, as a French name says it, and an English phrase's last."""
    first = {t for t, _ in expanded[0]} if expanded else set()
    named = {t for w in wording.english_head for t, _ in spellings(w, index)}
    last = wording.english_last
    if last and last not in index.token_ids:  # 'valve body': the body
        named.update(catalogue_translations(last, index.token_ids))
    return frozenset(first | named)


def _slots(wording: Wording) -> list[tuple[str, ...]]:
    """The customer's words as scored: the French words of one English word ('fauteuil|chaise') are
    one word, covered by whichever a designation prints."""
    groups = {word: group for group in wording.either for word in group}
    slots: list[tuple[str, ...]] = []
    taken: set[tuple[str, ...]] = set()
    for word in wording.words:
        group = groups.get(word)
        if group is None:
            slots.append((word,))
        elif group not in taken:
            taken.add(group)
            slots.append(group)
    return slots


def _merged(options: list[list[tuple[str, float]]]) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for spelt in options:
        for token, similarity in spelt:
            best[token] = max(similarity, best.get(token, 0.0))
    return list(best.items())


def text_score(query: PreparedQuery, position: int, index: DesignationIndex) -> float:
    """How well the candidate's words cover the wording's (rarity-weighted), with rapidfuzz.

    A word of the wording that the catalogue uses elsewhere but this candidate
    lacks ("blanc" against a black twin) counts against it like a size would.
    """
    candidate = index.wordings[position]
    words = set(candidate.words)
    covered = 0.0
    used: set[str] = set()
    absent = 0
    for options, weight, known in zip(query.expanded, query.weights, query.known, strict=True):
        best, token = 0.0, ""
        for option, similarity in options:
            if similarity > best and option in words:
                best, token = similarity, option
        if best == 0.0 and options and shortened_from(options[0][0], candidate):
            best = PREFIX_SIMILARITY
        covered += weight * best
        used.add(token)
        absent += best == 0.0 and known
    total = sum(query.weights)
    query_cover = covered / total if total else 0.0
    candidate_cover = math.fsum(index.idf_of(w) for w in words & used) / (index.own_weight[position] or 1.0)
    ratio = fuzz.token_set_ratio(query.text, index.texts[position]) / 100
    # French designations start with what the thing is ("couvercle pour pot" is not a pot).
    head = 1.0 if candidate.words and candidate.words[0] in query.heads else 0.0
    text = 0.6 * query_cover + 0.1 * candidate_cover + 0.2 * ratio + 0.1 * head
    # The customer copied our designation: nothing says more.
    copied = query.sorted_words == index.sorted_words[position]
    # 'Gant latex non poudré' is not copied by 'gants latex': what a name excludes must be said too.
    exact = EXACT_BONUS if copied and query.wording.excluded == candidate.excluded else 0.0
    unwanted = sum(
        1 for word in query.wording.excluded if _names_word(words, word) or word in candidate.features
    )
    absent += denials_lacking(query.wording, candidate, index.denied)
    return text * ABSENT_WORD**absent * UNWANTED_WORD**unwanted + exact


def _names_word(words: set[str] | frozenset[str], word: str) -> bool:
    """Does a designation carry the word, alone or as the letters glued to a model number ('NOT the H'
    against '054H', 'not the XL' against '603XL')?"""
    if word in words:
        return True
    return (
        len(word) <= 2
        and word.isalpha()
        and any(w.endswith(word) and w[: -len(word)].isdigit() for w in words)
    )


def score_designations(query: Wording, index: DesignationIndex) -> list[Scored]:
    """The shortlisted candidates for one wording, best first."""
    prepared = PreparedQuery.prepare(query, index)
    scored = []
    for position in shortlist(query, index, prepared.expanded).tolist():
        text = text_score(prepared, position, index)
        agree, disagree, missing = compare_sizes(query, index.wordings[position])
        score = text * size_factor(agree, disagree, missing)
        scored.append(Scored(position, score, text, tuple(agree), tuple(disagree)))
    scored.sort(key=lambda s: -s.score)
    return scored
