"""The catalogue's codes and words as the reading checks compare them with a message's.

Built once per catalogue and kept by its identity: a check that looked a word up in a key
rebuilt per message would cost more than the check itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from intake.routing.checks.context import CheckContext
from intake.routing.checks.written_codes import EDGE as _EDGE
from intake.routing.checks.written_codes import TOKEN as _TOKEN
from intake.routing.checks.written_codes import tokens
from matchers.vocabulary import load_vocabulary
from models import ProductRow
from parsers.vocabulary.phrases import kept_when_short, unaccented

# A word of three letters or more: what the checks compare with the catalogue.
WORD = re.compile(r"^[^\W\d_]{3,}")


def text_tokens(text: str) -> set[str]:
    """The span's tokens, lower case, their punctuation edges taken off."""
    return {t.lower() for t in tokens(text)}


def content_words(text: str, shortest: int = 3) -> set[str]:
    """The span's words as compared with the catalogue's (word_key), `shortest` letters or more."""
    return {word_key(t) for t in _TOKEN.findall(text) if WORD.match(t) and len(t.strip(_EDGE)) >= shortest}


def prepare_keys(products: Mapping[str, ProductRow]) -> None:
    """The codes and words of a catalogue built now (they are kept for it): a process forked
    afterwards finds them built."""
    _catalogue_keys(products)


def catalogue_codes(ctx: CheckContext) -> frozenset[str]:
    """The catalogue's article codes, lower case."""
    return _catalogue_keys(ctx.products)[1]


# The codes and words of the last few catalogues seen, by the identity of their mapping (kept
# here, so that identity is not reused): building a key of 100,000 articles to look them up
# would cost more than the check (a catalogue is built once and not changed after).
_KEYS: dict[int, tuple[Mapping[str, ProductRow], frozenset[str], frozenset[str]]] = {}
_KEPT = 4


def _catalogue_keys(
    products: Mapping[str, ProductRow],
) -> tuple[Mapping[str, ProductRow], frozenset[str], frozenset[str]]:
    kept = _KEYS.get(id(products))
    if kept is not None and kept[0] is products:
        return kept
    codes = frozenset(sku.lower() for sku in products)
    named = {
        word_key(w) for product in products.values() for w in _TOKEN.findall(product.name) if WORD.match(w)
    }
    words = frozenset(named | _said_otherwise(named))
    if len(_KEYS) >= _KEPT:
        del _KEYS[next(iter(_KEYS))]
    _KEYS[id(products)] = kept = (products, codes, words)
    return kept


def _said_otherwise(named: set[str]) -> set[str]:
    """The words a customer writes for the catalogue's own: an English word of a French catalogue
    ('bucket' for 'seau', 'laundry liquid' for 'lessive liquide'), an abbreviation, a trade's name.
    The matcher reads them as those words, so a count beside them is a line to read as much as one
    beside the catalogue's."""
    vocabulary = load_vocabulary()
    found: set[str] = set()
    for table in (vocabulary.translations, vocabulary.trade_words, vocabulary.abbreviations):
        for said, meant in table.items():
            keys = [word_key(w) for w in meant.replace("|", " ").split()]
            if " " in said:
                # A phrase ('hard hat') names the catalogue when all its meaning does.
                if keys and all(k in named for k in keys):
                    found.update(word_key(w) for w in said.split() if WORD.match(w))
            elif WORD.match(said) and any(k in named for k in keys):
                found.add(word_key(said))
    return found


def catalogue_words(ctx: CheckContext) -> frozenset[str]:
    """The words of the catalogue's designations: what an order line without a code names."""
    return _catalogue_keys(ctx.products)[2]


@kept_when_short
def word_key(word: str) -> str:
    """A word as compared with the catalogue's: lower case, no accents, no plural s/x."""
    text = unaccented(word.strip(_EDGE).lower())
    return text[:-1] if len(text) > 3 and text[-1] in "sx" else text
