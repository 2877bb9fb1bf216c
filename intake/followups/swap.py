"""A reply that swaps a quoted line's variant: "les inter diff 4P 40A en type A au lieu de AC",
"prendre des 20A à la place des 16A", "ok pour les noirs à la place des bleus".

The quoted line is the one whose own words the sentence writes and whose article's catalogue name
carries the old variant; its twin is the catalogue article named the same with the new variant in
its place (looked up through the matcher's index, never by scanning the catalogue). The count stays
unless the sentence writes one. Read, never surely: the thread reader holds the order for a clerk.
"""

from __future__ import annotations

import re

from matchers import CatalogIndex, match_article
from matchers.normalize import fold, read_wording
from matchers.twins import siblings
from models import Extracted, ExtractedLine

# "<new> au lieu de <old>", "<new> à la place des <old>", "<new> instead of the <old>".
_SWAP = re.compile(
    r"(?P<new>[^\W_][\w+/]*)\s+(?:au\s+lieu\s+d(?:e|es|u)|[àa]\s+la\s+place\s+d(?:e|es|u)|instead\s+of|rather\s+than)"
    r"\s+(?:l[ae]s?\s+|the\s+|l['’]\s*)?(?P<old>[^\W_][\w+/]*)",
    re.I,
)
# "OK pour le 305X magenta à la place", "fine with the 5 L cans instead": the substitute named alone.
_TAKEN_INSTEAD = re.compile(
    r"\b(?:pour|for|with)\s+(?:l[ae]s?\s+|the\s+|l['’]\s*)?(?P<new>[^.,;\n]{2,40}?)\s+(?:[àa]\s+la\s+place|instead)\b"
    r"(?!\s+(?:d[eu]|des|of)\b)",
    re.I,
)
_WORD = re.compile(r"[^\W_][\w+/]*")
_SENTENCE = re.compile(r"[^.!?\n]+")
# A substitute named alone is taken when its words name it this surely, or lead every other article by
# this much: a word of the customer's own ('the standard ...') lowers the score, not the lead.
_SURE = 0.8
_LEADS = (0.6, 0.25)


def swap_variants(own: str, base: list[ExtractedLine], skus: list[str], index: CatalogIndex) -> list[str]:
    """`skus` with each variant swap the reply asks applied to the one quoted line it names."""
    places = swap_places(own, base, skus, index)
    return [places[i][0] if i in places else sku for i, sku in enumerate(skus)]


def swap_places(
    own: str, base: list[ExtractedLine], skus: list[str], index: CatalogIndex
) -> dict[int, tuple[str, tuple[int, int], tuple[int, int]]]:
    """Place of each quoted line a swap names -> (its twin, where the reply asks it, where it names
    the twin)."""
    places: dict[int, tuple[str, tuple[int, int], tuple[int, int]]] = {}
    for sentence in _SENTENCE.finditer(own):
        at = sentence.start()
        for found in _SWAP.finditer(sentence.group(0)):
            new, old = found["new"], found["old"]
            if new.isdigit() or old.isdigit():
                continue  # '8 au lieu de 5': a count, the diff's
            text = sentence.group(0)
            context = _keys(text[: found.start()]) | _keys(text[found.end() :])
            place = _line_of_clause(old, _clause(text, found), base, skus, index)
            if place is None:
                place = _line_of(old, context, base, skus, index)
            if place is not None and (twin := _twin(skus[place], old, new, index)) is not None:
                places[place] = (twin, sentence.span(), (at + found.start(), at + found.end()))
        for found in _TAKEN_INSTEAD.finditer(sentence.group(0)):
            taken = _substitute(found["new"], skus, index)
            if taken is not None and taken[0] not in places:
                places[taken[0]] = (
                    taken[1],
                    sentence.span(),
                    (at + found.start("new"), at + found.end("new")),
                )
    return places


def variant_in_words(sku: str, words: str, index: CatalogIndex) -> str | None:
    """The one catalogue article named as `sku` with one of its words replaced by a word of `words`
    ('plutôt la lavande' under 'Désodorisant vanille carton de 12': 'Désodorisant lavande carton de 12')."""
    product = index.products.get(sku)
    if product is None:
        return None
    name = _WORD.findall(product.name)
    new = [
        w for w in _WORD.findall(words) if len(w) >= 3 and not w.isdigit() and not _carries(product.name, w)
    ]
    twins = {
        twin
        for old in name
        if not old.isdigit()
        for word in new
        if (twin := _twin(sku, old, word, index)) is not None and twin != sku
    }
    return twins.pop() if len(twins) == 1 else None if twins else twin_by_meaning(sku, words, index)


def twin_by_meaning(sku: str, words: str, index: CatalogIndex) -> str | None:
    """The one twin of `sku` (same sizes and pack) whose words of its own the customer's words say
    once read as the catalogue says them ('the unscented one' for 'sans parfum' beside 'amande
    douce'), none of `sku`'s own words being said."""
    position = index.positions.get(sku)
    if position is None:
        return None
    wording = index.designations.wordings[position]
    said, own = set(read_wording(words).words), set(wording.words)
    named = {
        index.name_skus[near]
        for near in siblings(own, index, position)
        if (other := index.designations.wordings[near]).features == wording.features
        and (added := set(other.words) - own)
        and added <= said
        and not (own - set(other.words)) & said
    }
    return named.pop() if len(named) == 1 else None


def _substitute(named: str, skus: list[str], index: CatalogIndex) -> tuple[int, str] | None:
    """(place, sku) of the quoted line the substitute named alone replaces: the one whose article's name
    shares the most words with the substitute's, the substitute being none of the quoted lines."""
    line = ExtractedLine(line_no=1, description=Extracted[str](value=named, confidence=1.0))
    match = match_article(line, index, customer_id=None)
    named = match.score >= _SURE or (match.score >= _LEADS[0] and match.margin >= _LEADS[1])
    if match.sku is None or not named or match.sku in skus or match.sku not in index.products:
        return None
    wanted = _keys(index.products[match.sku].name)
    scored = sorted(
        (
            (len(wanted & _keys(index.products[sku].name)), i)
            for i, sku in enumerate(skus)
            if sku in index.products
        ),
        reverse=True,
    )
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1], match.sku


def _line_of(
    old: str, context: set[str], base: list[ExtractedLine], skus: list[str], index: CatalogIndex
) -> int | None:
    """The one quoted line whose article's name carries the old variant and whose own words the
    sentence writes most."""
    holding = [
        i for i, sku in enumerate(skus) if sku in index.products and _carries(index.products[sku].name, old)
    ]
    scored = sorted(
        ((len(context & _keys(_wording(base[i]))), i) for i in holding),
        key=lambda pair: pair[0],
        reverse=True,
    )
    if len(scored) == 1 or (len(scored) > 1 and scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def _clause(sentence: str, found: re.Match[str]) -> tuple[set[str], set[str]]:
    """The words of the clause asking the swap (between the marks around it), and those of the rest of
    the sentence."""
    begin = max(sentence.rfind(mark, 0, found.start()) for mark in ",;(") + 1
    ends = [e for e in (sentence.find(mark, found.end()) for mark in ",;)") if e >= 0]
    end = min(ends) if ends else len(sentence)
    clause = sentence[begin : found.start()] + " " + sentence[found.end() : end]
    return _keys(clause), _keys(sentence[:begin] + " " + sentence[end:])


def _line_of_clause(
    old: str, said: tuple[set[str], set[str]], base: list[ExtractedLine], skus: list[str], index: CatalogIndex
) -> int | None:
    """'les vestes en XL au lieu de L, et pas de polaires': the one quoted line carrying the old variant
    that the swap's own clause names most, a line tied with it whose other words another clause of
    the sentence says (the 'polaires' taken out) being that clause's."""
    clause, others = said
    holding = [
        i for i, sku in enumerate(skus) if sku in index.products and _carries(index.products[sku].name, old)
    ]
    hits = {i: len(clause & _keys(_wording(base[i]))) for i in holding}
    best = max(hits.values(), default=0)
    tied = [i for i in holding if hits[i] == best]
    if best and len(tied) > 1:
        tied = [i for i in tied if not (_keys(_wording(base[i])) - clause) & others]
    return tied[0] if best and len(tied) == 1 else None


def _twin(sku: str, old: str, new: str, index: CatalogIndex) -> str | None:
    """The catalogue article named as `sku` with the variant `new` in place of `old`."""
    words = _WORD.findall(index.products[sku].name)
    wanted = [new if _same(word, old) else word for word in words]
    if wanted == words:
        return None
    line = ExtractedLine(line_no=1, description=Extracted[str](value=" ".join(wanted), confidence=1.0))
    for candidate in match_article(line, index, customer_id=None).candidates[:5]:
        product = index.products.get(candidate.key)
        if product is not None and _plain(product.name) == _plain(" ".join(wanted)):
            return candidate.key
    return None


def _plain(name: str) -> list[str]:
    """The name's words without their plural or feminine ending ('grises' and 'gris' alike)."""
    return [_stem(w) for w in _WORD.findall(name)]


def _stem(word: str) -> str:
    key = _key(word)
    for _ in range(2):
        if len(key) > 3:
            key = re.sub(r"(?:es|s|x|e)$", "", key)
    return key


def _carries(name: str, variant: str) -> bool:
    return any(_same(word, variant) for word in _WORD.findall(name))


def _same(word: str, variant: str) -> bool:
    """'bleus' is 'bleu', 'transparentes' is 'transparent', 'AC' is 'ac'."""
    return _key(word) == _key(variant) or _stem(word) == _stem(variant)


def _wording(line: ExtractedLine) -> str:
    return line.description.value if line.description else ""


def _keys(text: str) -> set[str]:
    return {_key(w).rstrip("sx") for w in _WORD.findall(text) if len(w) >= 3}


def _key(word: str) -> str:
    return fold(word).lower()
