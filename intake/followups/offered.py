"""The articles a quoted offer sets out by naming one article and listing its colours in words.

"The vented hard hat (CAS-300) comes in white, yellow, red, blue, green and orange", "the Leitz 180°
lever arch file A4 80 mm is in stock in six colours: black, blue, red, green, yellow and white": the
offered articles are the catalogue's variants of that article in the colours listed, named by the
family's code when the offer writes it, else by the article its words name for sure and the
catalogue articles whose names differ from it by the colour alone.
"""

from __future__ import annotations

import re

from intake.followups.clause import english_to_catalogue
from intake.followups.order_article import SURE_SCORE
from matchers import CatalogIndex, match_article
from matchers.normalize import fold, normalize_code
from models import Extracted, ExtractedLine
from parsers.vocabulary.sizes import variant_words

# A sentence of the offer, its lines joined: it may be wrapped by the mail program.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n[ \t]*\n")
# The quoted message's attribution and header lines: no sentence of the offer.
_HEADER = re.compile(
    r"^.*(?:a [ée]crit|wrote)\s*:\s*$|^\s*(?:de|from|envoy[ée]|sent|date|[àa]|to|cc|objet|subject)\s*:.*$",
    re.I | re.M,
)
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\W_]+")
_CODE = re.compile(r"(?<![\w-])[A-Za-z0-9][\w./-]*\d[\w./-]*")
# 'non ventilé', 'non-vented', 'sans poudre': a word a name denies.
_DENIED = re.compile(r"\b(?:non|sans|without|un)[\s-]+([^\W\d_]{4,})", re.I)
_STEM = 5
# Candidates this close to the first lead with it.
_TIED = 0.02


def offered_in_words(quoted: str, index: CatalogIndex) -> list[list[str]]:
    """Per sentence listing colours, the variants of the article it names in those colours; in the
    offer's order."""
    colours = {fold(c).lower() for c in variant_words().colours}
    groups: list[list[str]] = []
    for sentence in _SENTENCE_END.split(_HEADER.sub("", quoted)):
        flat = " ".join(sentence.split())
        listed = [w for w in _WORD.findall(flat) if fold(w).lower() in colours]
        if len(set(listed)) < 2:
            continue
        wanted = [stem(w) for w in _WORD.findall(english_to_catalogue(" ".join(listed)))]
        members = _family(flat, index) or _variants(flat, colours, index)
        found = [sku for colour in wanted for sku in members if colour in stems(index.products[sku].name)]
        if found:
            groups.append(list(dict.fromkeys(found)))
    return groups


def denied(name: str) -> set[str]:
    """The stems of the words a designation denies ('Casque non ventilé isolant': ventilé)."""
    return {stem(m.group(1)) for m in _DENIED.finditer(name)}


def stems(text: str) -> set[str]:
    """Its words' stems and its figures ('dos 80 mm' is no 'dos 50 mm')."""
    return {stem(w) for w in _TOKEN.findall(text) if len(w) >= 3 or w.isdigit()}


def stem(word: str) -> str:
    return fold(word).lower()[:_STEM]


def _family(sentence: str, index: CatalogIndex) -> list[str]:
    """The skus of the one family whose code the sentence writes ('(CAS-300, EUR 8.90)')."""
    families = {normalize_code(t) for t in _CODE.findall(sentence) if index.names_family(t)}
    if len(families) != 1:
        return []
    return [sku for sku, _ in index.families[families.pop()]]


def _variants(sentence: str, colours: set[str], index: CatalogIndex) -> list[str]:
    """The article the sentence's words name, and those whose names differ from its by a colour alone.

    Named for sure, or by the leading candidates all being one article in several colours (the
    sentence's other words, 'in stock by the piece', weigh against each alike)."""
    words = " ".join(w for w in sentence.split() if fold(w.strip(",;:.")).lower() not in colours)
    line = ExtractedLine(line_no=1, description=Extracted[str](value=words, confidence=1.0))
    match = match_article(line, index, customer_id=None)
    colour_stems = {stem(c) for c in colours}

    def base(sku: str) -> frozenset[str]:
        return frozenset(stems(index.products[sku].name) - colour_stems)

    leading = (
        [c.key for c in match.candidates if c.score >= match.candidates[0].score - _TIED]
        if match.candidates
        else []
    )
    named = {base(sku) for sku in leading if sku in index.products}
    if match.sku is not None and match.score >= SURE_SCORE and match.sku in index.products:
        wanted = base(match.sku)
    elif len(leading) >= 2 and len(named) == 1:
        wanted = named.pop()
    else:
        return []
    return [
        sku
        for sku, product in index.products.items()
        if base(sku) == wanted and stems(product.name) & colour_stems
    ]
