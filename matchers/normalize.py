"""Normalised forms of article codes and designations, and the sizes written in them.

Near-twin articles differ by a number (4x30 / 4x40 screws, gloves size 8 / 9,
boxes of 100 / 200), so a designation is read into two things: its words
(accents, plurals and abbreviations removed) and its sizes, as typed features
(`dim:4x40`, `vol:200` millilitres, `size:9`, `pack:1000`) that can agree or
disagree with a candidate's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from matchers.denied import free_of
from matchers.folding import fold, unit_of
from matchers.measures import PACK_WORDS, read_sizes
from matchers.spoken import spoken_sizes
from matchers.vocabulary import load_vocabulary
from parsers.values.numbers import word_numbers
from parsers.vocabulary.phrases import kept_when_short

_NONWORD = re.compile(r"[^a-z0-9ø⌀µ.,/%+| ]+")


@dataclass(frozen=True)
class Wording:
    """A designation read into words and size features."""

    words: tuple[str, ...]
    features: frozenset[str] = field(default_factory=frozenset)
    numbers: frozenset[str] = field(default_factory=frozenset)  # every number written, as text
    excluded: tuple[str, ...] = ()  # words written after a negation ("pas le roux")
    # Words that stand for one word of the customer's, any of which a designation may print: an English
    # word the trade says two ways in French ('chair': fauteuil or chaise).
    either: tuple[tuple[str, ...], ...] = ()
    # The catalogue's words for what an English noun phrase names, its last English word ('brown packing
    # tape', 'paper cups, pack of 50'), as a French name says it first.
    english_head: tuple[str, ...] = ()
    # The words as printed, before the vocabulary expands or translates them ('center lock', not its French):
    # the words a customer's initials stand for.
    printed: tuple[str, ...] = ()

    @cached_property
    def by_kind(self) -> dict[str, frozenset[str]]:
        """Feature values by kind: {"dim": {"4x40"}, "pack": {"200"}}."""
        table: dict[str, set[str]] = {}
        # Sorted: the evidence a match records lists the kinds in this order, the same on every run.
        for feature in sorted(self.features):
            kind, _, value = feature.partition(":")
            table.setdefault(kind, set()).add(value)
        return {kind: frozenset(values) for kind, values in table.items()}

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.by_kind)


_SEPARATORS = re.compile(r"[\s\-./_]+")


@kept_when_short  # a message's codes and code-like tokens are looked up by each reader and check
def normalize_code(code: str) -> str:
    """A code as keys compare: no case, separators or leading zeros; O read as 0, I as 1."""
    squeezed = _SEPARATORS.sub("", code.upper())
    return squeezed.replace("O", "0").replace("I", "1").lstrip("0") or "0"


def stem(word: str) -> str:
    """A crude French/English plural folding: barquettes -> barquette, rouleaux -> rouleau,
    trous -> trou (and clous, ecrous), but not 'tous' nor 'bus'."""
    if len(word) > 3 and word[-1] == "s" and word[-2] not in "su":
        return word[:-1]
    if len(word) > 4 and word.endswith("ous"):
        return word[:-1]
    if len(word) > 3 and word.endswith("aux"):  # rouleaux, not roux
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _counted_words() -> re.Pattern[str]:
    """A number word that counts what the next word names ('two-hole', 'deux trous', 'four ring'):
    from two to twelve ('one'/'un' are articles; 'neuf' is also 'new')."""
    table = {
        word: value for word, value in word_numbers().words.items() if 2 <= value <= 12 and word != "neuf"
    }
    alternatives = "|".join(sorted(table, key=len, reverse=True))
    return re.compile(rf"\b({alternatives})(?=[-\s]+[a-z])")


def _digits_for_counted_words(folded: str) -> str:
    """'two-hole punch' reads as '2-hole punch', as the catalogue prints 'perforateur 2 trous'."""
    table = word_numbers().words
    return _counted_words().sub(lambda m: str(table[m[1]]), folded)


@lru_cache(maxsize=1)
def _counted_places() -> re.Pattern[str]:
    places = "|".join(sorted(load_vocabulary().multiples.places, key=len, reverse=True))
    counts = "|".join(load_vocabulary().multiples.counts)
    return re.compile(rf"(?<![\w.,])({counts})\s*((?:{places})(?:e?s|x)?)\b")


def _with_multiples(folded: str) -> str:
    """'plaque 2 postes' also reads the count's own token, the one a customer's 'plaque double' or
    'single plate' reads (`_multiple`): a word apart from 'double', which names other things alone
    ('double va-et-vient')."""
    return _counted_places().sub(lambda m: f"{m[0]} {_MULTIPLE}{m[1]}", folded)


@lru_cache(maxsize=1)
def _multiples() -> dict[str, str]:
    return {word: f"{_MULTIPLE}{count}" for count, word in load_vocabulary().multiples.counts.items()}


_MULTIPLE = "multiple"


def is_multiple(word: str) -> bool:
    """A count's own token (`_with_multiples`): one count is never another spelt with a typo."""
    return word.startswith(_MULTIPLE) and word[len(_MULTIPLE) :].isdigit()


# A notebook's pages counted with their initial, glued or cut short ('96p', '96 p.'), as the catalogue's
# '96 pages' (a pole's '2P' counts in one figure).
_PAGES = re.compile(r"(?<![\w.,])(\d{2,3})\s?p\b\.?(?!\w)")
# A tip's width said in words right before the figure saying it in brackets ('fine point (0.5)', 'pointe
# moyenne (0.7)'): the figure says it as the catalogue prints it; the words, which another article may
# print ('Sharpie pointe fine'), say it twice.
_TIP_WIDTH = re.compile(
    r"\b(?:(?:extra\s+)?(?:fine|fin|medium|moyenne?|bold|broad)(?:\s+(?:point|tip|nib|line))?"
    r"|(?:pointe|point|tip|mine|trait)\s+(?:extra\s+)?(?:fine|fin|moyenne?|large))\s*(?=\(\s*\d)"
)
# 'the 48s', 'those 6's': the variant named by its number in the plural (its pack, its size), the number;
# never a model's code ('Daily 35S').
_NUMBER_PLURAL = re.compile(r"\b(the|those|these)\s+(\d+)'?s\b")
# A residual-current device's class written right after its sensitivity without 'type' ('30mA A', '30 mA
# AC'): the class, as after 'type'.
_SENSITIVITY_CLASS = re.compile(r"(\d\s*ma)\s+(?=(?:a|ac|f|b)\b)")
_COUNT_HYPHEN = re.compile(r"(?<![\w.,-])(\d+)-(?=[a-z]{2,}\b)")


# The checks read the same catalogue designations for every order: a Wording is frozen, and
# read from the one vocabulary, so each text is read once.
# 'gloves in medium', 'size large', 'vest yellow, large': a letter size said in English words.
_SPELLED = {"small": "s", "medium": "m", "large": "l", "extra large": "xl", "extra-large": "xl"}


@lru_cache(maxsize=1)
def _spelled_sizes() -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_SPELLED, key=len, reverse=True))
    # '..., in medium', 'size large', or the size set apart by a comma as a garment's other attributes
    # are ('Hi-vis vest yellow, Large', 'nitrile gloves blue, medium, boxes of 100').
    return re.compile(
        rf"(?:\b(?:in|size|in\s+size)\s+(?P<word>{words})\b|(?:,\s*|(?<=s)\s+)(?P<apart>{words})\b(?=\s*(?:,|$|\()))"
    )


@lru_cache(maxsize=1 << 14)
def read_wording(text: str) -> Wording:
    """Words (abbreviations expanded, plurals folded, stop words dropped) and size features."""
    vocabulary = load_vocabulary()
    # '|' joins the vocabulary's words of one meaning ('fauteuil|chaise'): the customer's own is a gap.
    folded = _digits_for_counted_words(
        spoken_sizes(free_of(vocabulary.translate_phrases(fold(text).replace("|", " "))))
    )
    folded = _ONE_MEASURE.sub(r" 1 \1", folded)
    folded = re.sub(r"(\d)\s*[x×*]\s*(\d)", r"\1x\2", folded.replace("×", "x"))
    folded = _LETTERED_SIDE.sub(r"\1x", folded)
    # '2-ply', '3-point', '4-hole': a count joined to what it counts is that count of it ('2 plis').
    folded = _with_multiples(_COUNT_HYPHEN.sub(r"\1 ", _NUMBER_PLURAL.sub(r"\1 \2", folded)))
    folded = _TIP_WIDTH.sub(" ", _PAGES.sub(r"\1 pages ", _SENSITIVITY_CLASS.sub(r"\1 type ", folded)))
    folded = _spelled_sizes().sub(
        lambda m: f" size {_SPELLED[' '.join((m['word'] or m['apart']).split())]} ", folded
    )
    folded, unwanted = _negated_packs(_NUMBER_SIGN.sub(" ", _FALLBACK.sub(" ", folded)))
    features, numbers, rest = read_sizes(folded)
    words: list[str] = []
    printed: list[str] = []
    excluded: list[str] = []
    either: list[tuple[str, ...]] = []
    negated = False
    previous = ""
    head: tuple[str, ...] = ()
    phrase_ended = False
    for raw in _NONWORD.sub(" ", rest).replace("/", " ").split():
        ends_phrase = raw.endswith(",")
        raw = raw.strip(".,%+|")
        phrase_ended = phrase_ended or raw in _PHRASE_ENDS
        said = vocabulary.translation(raw) if not phrase_ended else None
        if said and not unit_of().get(raw) and not unit_of().get(said.split()[0]):  # a pack is no head
            head = tuple(_masculine(stem(w)) for w in said.split()[0].split("|") if w)
        phrase_ended = phrase_ended or ends_phrase
        classed = len(raw) == 1 and raw.isalpha() and previous in vocabulary.classes.words
        expanded = raw if classed else vocabulary.expand(raw)
        if raw.isalpha() and raw not in vocabulary.stopwords.words:
            printed.append(raw)
        for word in expanded.split():
            if word in vocabulary.negations.words:
                negated = True  # "pas le roux", "sans poudre": the next word is what is not wanted
            elif word and (classed or word not in vocabulary.stopwords.words) and not word.isdigit():
                meanings = tuple(_masculine(stem(w)) for w in word.split("|") if w)
                if len(meanings) == 1 and meanings[0] in _multiples():
                    meanings = (meanings[0], _multiples()[meanings[0]])  # 'double' or '2 postes'
                (excluded if negated else words).extend(meanings)
                if len(meanings) > 1 and not negated:
                    either.append(meanings)
                negated = False
        previous = raw
    excluded.extend(sorted(unwanted))
    return Wording(
        tuple(words),
        frozenset(features),
        frozenset(numbers),
        tuple(excluded),
        tuple(either),
        head,
        tuple(printed),
    )


def _masculine(word: str) -> str:
    """'ciselée', 'émincées' compared as 'ciselé', 'émincé': a catalogue writes the feminine of a
    participle where the customer writes the masculine, or the reverse (folded: '-ee')."""
    return word[:-1] if len(word) > 4 and word.endswith("ee") else word


# What the customer takes if the article is missing ('yaourts nature (sinon 2 colis de 24)', ', otherwise the
# 5 L'): another article's words, no part of the one asked for.
_FALLBACK = re.compile(
    r"(?:\(\s*|[,;]\s*|\s-\s)(?:sinon|otherwise|or else|failing that|if not|a defaut|faute de quoi)\b[^()]*(?:\)|$)"
)


# One measure said in words with its article ('lardons d'un kilo', 'a litre of', 'une bobine d'un mètre'):
# the size the catalogue prints '1 kg', '1 L', '1 m'.
_ONE_MEASURE = re.compile(
    r"\b(?:d'|de\s+)?(?:un|une|one|a)[\s-]+(kilos?|kilogrammes?|litres?|liters?|metres?|meters?)\b"
)


# A size whose first figure a letter closes ('650b x 47'), its x spaced: one word, as a catalogue prints
# '650Bx47'. Never a unit's letter ('5 l x 6' is a pack of bottles).
_LETTERED_SIDE = re.compile(r"(?<![\w.,])(\d+[a-fh-kn-uyz])\s*x\s*(?=\d)")


# The words after which an English noun phrase is over: what follows qualifies it ('cups for the
# kitchen', 'case of 5', 'gloves with cuffs').
_PHRASE_ENDS = frozenset({"of", "for", "with", "in", "from", "to", "on", "at", "per", "by", "without"})


# 'n° 7', 'No. 7', 'nº 12': the sign before a number, no word of the name (and 'no' there is no negation).
_NUMBER_SIGN = re.compile(r"(?<![\w+/])(?:no\.?|n\s*[.°º])\s*(?=\d)")


# What follows a negation up to the clause's end: '(loose, not the packs of 10)', 'pas le carton de 12'.
_NEGATED = re.compile(
    rf"\b(?:not|pas|no|non|hors|without|sans)\s+(?P<said>(?:(?:the|le|la|les|l'|un|une|a|an|en|in|by|par|des|du|de)\s+)*"
    rf"(?:(?:{PACK_WORDS})(?:e?s)?\b|\d+[\s-]?packs?\b)[^,;()]{{0,30}})"
)


def _negated_packs(folded: str) -> tuple[str, set[str]]:
    """The text without the packs the customer says they do not want, and those packs ('pack:10'): a pack
    named after a negation is a twin to keep away from, not the one ordered."""
    unwanted: set[str] = set()

    def aside(m: re.Match[str]) -> str:
        features = read_sizes(m["said"])[0]
        packs = {f for f in features if f[:5] == "pack:"}
        if not packs or features - packs:
            return m[0]
        unwanted.update(packs)
        return " "

    return _NEGATED.sub(aside, folded), unwanted


def normalize_wording(text: str) -> str:
    """The stable key of a wording, for learned aliases: words and sizes, sorted."""
    wording = read_wording(text)
    return " ".join(sorted(wording.words) + sorted(wording.features))
